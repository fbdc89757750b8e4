import { InputError } from '../errors.ts';
import { type Fragment } from '../types/targets.ts';

/** A config request: a base make target and the fragments merged into it, in order. */
export interface ConfigSpec {
  /** The name the target goes by: as written (`defconfig+kvm_guest.config`) or a derived variant's (`multi_lpae`). */
  name: string;
  base: string;
  fragments: Fragment[];
}

const BASE = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$/;
const FRAGMENT_FILE = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}\.config$/;
const OPTION = /^(CONFIG_[A-Z0-9_]{1,100})=(y|n|m|-?[0-9]{1,20}|0x[0-9a-fA-F]{1,16})$/;
const PATTERN = /^!?[A-Za-z0-9_.*?-]{1,100}$/;

export const CONFIG_SYNTAX =
  "a config is a make target (defconfig, tinyconfig, allnoconfig, allmodconfig, ...) or a file of arch/<arch>/configs/, " +
  "optionally followed by +fragment.config or +CONFIG_X=y|n|m|number; 'all', globs like multi_* and !negations select several";

/**
 * Whether a name can be a base config: a make target or a file of arch/<arch>/configs/.
 * The name is pasted into the driver's make recipe, so the rule is the same whether a
 * user wrote it or it was read from the tree (`configs: all`).
 */
export function isConfigName(name: string): boolean {
  return BASE.test(name) && !name.includes('..');
}

/** Parse `base[+fragment.config|+CONFIG_X=v]...`; throws an InputError naming `input`. */
export function parseConfigSpec(input: string, text: string): ConfigSpec {
  const [base, ...rest] = text.split('+');
  if (!isConfigName(base)) throw new InputError(input, text, CONFIG_SYNTAX);
  const fragments = rest.map((part) => parseFragment(input, text, part));
  // A tree file as a fragment is kernelbuilder's own word for a target it plans (KUnit's), not a user's.
  if (fragments.some((f) => f.kind === 'tree')) throw new InputError(input, text, CONFIG_SYNTAX);
  return { name: text, base, fragments };
}

/** `CONFIG_X=v` as an option fragment, when it is one the driver takes (v: y, n, m or a number); else undefined. */
export function optionFragment(text: string): Extract<Fragment, { kind: 'option' }> | undefined {
  const option = OPTION.exec(text);
  return option ? { kind: 'option', option: option[1], value: option[2] } : undefined;
}

/**
 * Parse one fragment word (`NAME.config` or `CONFIG_X=v`, as the driver takes it) of the
 * config request `text`; throws an InputError naming `input`.
 */
export function parseFragment(input: string, text: string, part: string): Fragment {
  const option = optionFragment(part);
  if (option) return option;
  if (FRAGMENT_FILE.test(part) && !part.includes('..')) return { kind: 'file', name: part };
  if (part.startsWith(TREE_FRAGMENT_PREFIX) && isTreeFilePath(part.slice(TREE_FRAGMENT_PREFIX.length))) return { kind: 'tree', path: part.slice(TREE_FRAGMENT_PREFIX.length) };
  throw new InputError(input, text, `${JSON.stringify(part)} is no fragment: ${CONFIG_SYNTAX}`);
}

const TREE_FILE_PATH = /^[A-Za-z0-9_.][A-Za-z0-9_.+-]{0,99}(?:\/[A-Za-z0-9_.][A-Za-z0-9_.+-]{0,99}){0,15}$/;

/**
 * Whether a path can name a file of the tree in the driver's words: relative, no `..`
 * or empty part, letters, digits and _ . + - (a part may start with `.`: `.kunitconfig`),
 * at most 16 parts of 100 characters. That it is a regular file of the tree at the
 * build's sha is checked where the plan reads it.
 */
export function isTreeFilePath(path: string): boolean {
  return TREE_FILE_PATH.test(path) && !path.split('/').some((p) => p === '.' || p === '..');
}

/**
 * A fragment as one word, as the driver takes it and a config request writes it:
 * `NAME.config`, `CONFIG_X=v`, or `tree:PATH` for a mini-config file of the tree.
 */
export function fragmentWord(f: Fragment): string {
  if (f.kind === 'file') return f.name;
  if (f.kind === 'tree') return `${TREE_FRAGMENT_PREFIX}${f.path}`;
  return `${f.option}=${f.value}`;
}

/** How the driver's target spec marks a mini-config file of the tree (steps.sh reads it). */
export const TREE_FRAGMENT_PREFIX = 'tree:';
/** What steps.sh concatenates a target's mini-config files of the tree into, in its object dir: the base make's KCONFIG_ALLCONFIG. */
export const ALLCONFIG_FILE = 'kb-allconfig';

/** Whether a config request selects by pattern (all, a glob, a negation) rather than naming one config. */
export function isPattern(text: string): boolean {
  return text === 'all' || text.startsWith('!') || /[*?]/.test(text);
}

/** Check a pattern request; returns it. */
export function checkPattern(input: string, text: string): string {
  if (text !== 'all' && !PATTERN.test(text)) throw new InputError(input, text, CONFIG_SYNTAX);
  return text;
}

/**
 * Whether a glob (`*` any run of characters, `?` one) matches a whole name. Matched
 * without a regular expression: `*a*a*a*a*a*a*a*a*a*a*a*ab` as a RegExp backtracks for
 * minutes on a 40-character config name; this takes at most glob × name steps.
 */
export function globMatches(glob: string, name: string): boolean {
  let g = 0;
  let n = 0;
  // Where the last `*` was, and the name position it has consumed up to.
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    if (g < glob.length && (glob[g] === '?' || glob[g] === name[n])) {
      g++;
      n++;
    } else if (g < glob.length && glob[g] === '*') {
      star = g++;
      resume = n;
    } else if (star >= 0) {
      g = star + 1;
      n = ++resume;
    } else return false;
  }
  while (glob[g] === '*') g++;
  return g === glob.length;
}

/** The options a fragment file sets, from its text: `CONFIG_X=v` and `# CONFIG_X is not set`. */
export function optionsOfFragment(text: string): string[] {
  const options: string[] = [];
  for (const line of text.split('\n')) {
    const set = /^(CONFIG_[A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (set) options.push(`${set[1]}=${set[2]}`);
    const unset = /^# (CONFIG_[A-Z0-9_]+) is not set$/.exec(line.trim());
    if (unset) options.push(`${unset[1]}=n`);
  }
  return options;
}

/**
 * The options a target asked for that its final .config does not have, each as
 * `CONFIG_X=want (got)`: olddefconfig drops what the dependencies do not allow.
 */
export function unmetOptions(requested: string[], dotConfig: string): { option: string; want: string; got: string }[] {
  const have = new Map<string, string>();
  for (const line of dotConfig.split('\n')) {
    const set = /^(CONFIG_[A-Z0-9_]+)=(.*)$/.exec(line);
    if (set) have.set(set[1], set[2]);
  }
  const unmet: { option: string; want: string; got: string }[] = [];
  for (const request of requested) {
    const eq = request.indexOf('=');
    const option = request.slice(0, eq);
    const want = request.slice(eq + 1);
    const got = have.get(option) ?? 'n';
    if (got !== want) unmet.push({ option, want, got: have.has(option) ? got : 'not set' });
  }
  return unmet;
}
