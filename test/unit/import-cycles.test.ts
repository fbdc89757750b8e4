import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../support/temp-dir.ts';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

/** Every .ts file under a folder. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** The import and export-from statements of a file, with the module each names. */
function importStatements(text: string): { statement: string; from: string }[] {
  const statements = [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+['"]([^'"]+)['"];?|^import\s+['"]([^'"]+)['"];?/gm)];
  const dynamic = [...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return [...statements, ...dynamic].map((m) => ({ statement: m[0], from: m[1] ?? m[2] }));
}

/**
 * The modules of ours a file imports, `import type` included: a type-only cycle still
 * ties the modules together, and is what this test keeps out.
 */
function importsOf(file: string): string[] {
  return importStatements(readFileSync(file, 'utf8'))
    .filter((i) => i.from.startsWith('.'))
    .map((i) => resolve(dirname(file), i.from));
}

/** Groups of modules that import each other around a cycle (strongly connected components), each sorted, relative to `root`. */
function findCycles(files: string[], root: string): string[][] {
  const graph = new Map(files.map((f) => [f, importsOf(f)]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group = stack.splice(stack.indexOf(v));
      if (group.length > 1 || graph.get(v)!.includes(v)) cycles.push(group.map((f) => relative(root, f)).sort());
    }
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
  return cycles;
}

test('the cycle check sees a cycle, a type-only one included, and only that', () => {
  const dir = tempDir('cycles');
  mkdirSync(join(dir, 'b'));
  writeFileSync(join(dir, 'a.ts'), "import { b } from './b/b.ts';\nexport const a = b;\n");
  writeFileSync(join(dir, 'b', 'b.ts'), "import type { C } from '../c.ts';\nexport const b: C = 1;\n");
  writeFileSync(join(dir, 'c.ts'), "import {\n  type A,\n} from './a.ts';\nexport type C = number;\n");
  writeFileSync(join(dir, 'd.ts'), "import { a } from './a.ts';\nexport const d = a;\n");
  assert.deepEqual(findCycles(tsFiles(dir), dir), [['a.ts', 'b/b.ts', 'c.ts']]);
});

test('no module of src imports itself back, through any chain (import type included)', () => {
  assert.deepEqual(findCycles(tsFiles(SRC), SRC), []);
});

test('the shared types modules import only types, and only declare types', () => {
  for (const file of tsFiles(join(SRC, 'types'))) {
    const text = readFileSync(file, 'utf8');
    for (const { statement } of importStatements(text)) {
      assert.match(statement, /^import (?:type \{|\{\s*(?:type \w+,?\s*)+\})/, `${relative(SRC, file)}: ${statement} imports only types`);
    }
    const declarations = text.match(/^export\s+\w+(?:\s+\w+)?/gm) ?? [];
    assert.deepEqual(declarations.filter((d) => !/^export (interface|type) /.test(`${d} `)), [], `${relative(SRC, file)} declares only types`);
  }
});
