// Make dist/driver a copy of src/driver without disturbing a build that uses it: an
// unchanged file is not touched, a changed one is written beside it and renamed over it
// (a bash already reading the old file keeps its old inode), a file gone from src goes.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function syncDriver(from, to) {
  mkdirSync(to, { recursive: true });
  const wanted = new Set(readdirSync(from));
  for (const name of readdirSync(to)) {
    if (!wanted.has(name)) rmSync(join(to, name), { recursive: true, force: true });
  }
  for (const name of wanted) {
    const source = join(from, name);
    const target = join(to, name);
    if (statSync(source).isDirectory()) {
      syncDriver(source, target);
      continue;
    }
    const bytes = readFileSync(source);
    const mode = statSync(source).mode & 0o777;
    if (existsSync(target) && readFileSync(target).equals(bytes) && (statSync(target).mode & 0o777) === mode) continue;
    const temporary = `${target}.new-${process.pid}`;
    writeFileSync(temporary, bytes, { mode });
    renameSync(temporary, target);
  }
}
