import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
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

/** Groups of nodes that reach each other around a cycle (strongly connected components), each sorted. */
function stronglyConnected(graph: Map<string, string[]>): string[][] {
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
      if (group.length > 1 || graph.get(v)!.includes(v)) cycles.push(group.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles;
}

/** Groups of modules that import each other around a cycle, each sorted, relative to `root`. */
function findCycles(files: string[], root: string): string[][] {
  const graph = new Map(files.map((f) => [relative(root, f), importsOf(f).map((i) => relative(root, i))]));
  return stronglyConnected(graph);
}

/**
 * The folder a module is in, under `root`: its first path component. A module directly
 * in `root` (engine.ts, errors.ts) is a node of its own, named by its file: the top level
 * holds the entry shims and small helpers of every floor, not one stage.
 */
function folderOf(file: string, root: string): string {
  return relative(root, file).split(sep)[0];
}

/**
 * Groups of folders that import each other around a cycle: a folder imports another when
 * any module in it imports any module of the other, `import type` included.
 */
function findFolderCycles(files: string[], root: string): string[][] {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const from = folderOf(file, root);
    const to = importsOf(file).map((i) => folderOf(i, root)).filter((f) => f !== from);
    graph.set(from, [...(graph.get(from) ?? []), ...to]);
  }
  return stronglyConnected(graph);
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

test('the folder check sees a cycle between folders whose modules form none, and only that', () => {
  const dir = tempDir('folder-cycles');
  for (const folder of ['a', 'b', 'c']) mkdirSync(join(dir, folder));
  writeFileSync(join(dir, 'a', 'x.ts'), "import { y } from '../b/y.ts';\nexport const x = y;\n");
  writeFileSync(join(dir, 'b', 'y.ts'), 'export const y = 1;\n');
  writeFileSync(join(dir, 'b', 'z.ts'), "import type { W } from '../a/w.ts';\nexport const z: W = 1;\n");
  writeFileSync(join(dir, 'a', 'w.ts'), 'export type W = number;\n');
  writeFileSync(join(dir, 'c', 'v.ts'), "import { x } from '../a/x.ts';\nimport { top } from '../top.ts';\nexport const v = x + top;\n");
  writeFileSync(join(dir, 'top.ts'), "import { y } from './b/y.ts';\nexport const top = y;\n");
  assert.deepEqual(findCycles(tsFiles(dir), dir), []);
  assert.deepEqual(findFolderCycles(tsFiles(dir), dir), [['a', 'b']]);
});

test('no folder of src imports itself back, through any chain of folders (import type included)', () => {
  assert.deepEqual(findFolderCycles(tsFiles(SRC), SRC), []);
});

test('the floor (src/types) imports only itself', () => {
  const floor = join(SRC, 'types');
  for (const file of tsFiles(floor)) {
    for (const { statement, from } of importStatements(readFileSync(file, 'utf8'))) {
      const inside = from.startsWith('.') && !relative(floor, resolve(dirname(file), from)).startsWith('..');
      assert.ok(inside, `${relative(SRC, file)}: ${statement} imports from outside src/types`);
    }
  }
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

/** The floors of README.md's Layout: each folder of src (or top-level module) by its floor number. */
function readmeFloors(readme: string): Map<string, number> {
  const block = /^floor {2}folders\n([\s\S]*?)^```/m.exec(readme);
  assert.ok(block, "README.md's Layout has a floors table");
  const floors = new Map<string, number>();
  for (const line of block[1].trim().split('\n')) {
    const [floor, ...folders] = line.trim().split(/\s+/);
    for (const folder of folders) floors.set(folder, Number(floor));
  }
  return floors;
}

test("README's floors are true: every folder of src is on one, and imports only folders on floors below it", () => {
  const floors = readmeFloors(readFileSync(join(SRC, '..', 'README.md'), 'utf8'));
  const upward: string[] = [];
  for (const file of tsFiles(SRC)) {
    const from = folderOf(file, SRC);
    assert.ok(floors.has(from), `${from} is on a floor of README.md's Layout`);
    for (const to of new Set(importsOf(file).map((i) => folderOf(i, SRC)))) {
      if (to === from || to === '..') continue;
      if (!(floors.get(to)! < floors.get(from)!)) upward.push(`${relative(SRC, file)} (floor ${floors.get(from)}) imports ${to} (floor ${floors.get(to)})`);
    }
  }
  assert.deepEqual(upward, []);
});
