import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One input or output of action.yml: its fields as written (`default` unquoted). */
export type ActionField = Record<string, string>;

/** The inputs and outputs of action.yml, by name, in the file's order. */
export interface ActionMetadata {
  inputs: Record<string, ActionField>;
  outputs: Record<string, ActionField>;
}

/**
 * Read the `inputs:` and `outputs:` sections of the repository's action.yml. A reader
 * of the one shape the file has (a name at two spaces, one-line fields at four), strict:
 * a line of those sections it does not understand is an error, so a change of shape
 * cannot make names or defaults silently disappear from the test that uses it.
 */
export function readActionYml(path = join(process.cwd(), 'action.yml')): ActionMetadata {
  const meta: ActionMetadata = { inputs: {}, outputs: {} };
  let section: Record<string, ActionField> | undefined;
  let entry: ActionField | undefined;
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const top = /^([a-z]+):/.exec(line);
      if (top) {
        section = top[1] === 'inputs' || top[1] === 'outputs' ? meta[top[1]] : undefined;
        entry = undefined;
        return;
      }
      if (!section || line.trim() === '' || line.trim().startsWith('#')) return;
      const name = /^ {2}([a-z][a-z0-9-]*):$/.exec(line);
      const field = /^ {4}([a-z]+): (.+)$/.exec(line);
      if (name) section[name[1]] = entry = {};
      else if (field && entry) entry[field[1]] = unquote(field[2], i + 1);
      else throw new Error(`action.yml line ${i + 1} is not of the shape this reader knows: ${line}`);
    });
  return meta;
}

function unquote(text: string, line: number): string {
  if (text.startsWith("'")) {
    if (!/^'([^']|'')*'$/.test(text)) throw new Error(`action.yml line ${line}: unterminated quote`);
    return text.slice(1, -1).replaceAll("''", "'");
  }
  if (text.startsWith('"')) return JSON.parse(text) as string;
  return text.trim();
}
