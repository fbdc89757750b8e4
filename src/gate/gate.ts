import { lstatSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { KernelbuilderError } from '../errors.ts';
import { checkInside, copyInside, folderInside } from '../safe-files.ts';
import { type GateFile } from './admitted.ts';

/**
 * The one door in. A folder someone else wrote (a build container's staging folder, a
 * shard's artifact, `report DIR`) is never read in place: the gate copies into a folder of
 * the host's only the files it is given (the layout's names, gate/admitted.ts), each a
 * regular file reached through real folders, opened without following a link and without
 * blocking (a FIFO, /dev/zero), within its size limit; streamed, never held whole. A
 * copy, not a rename: nothing the other side made (a link, a folder's mode) survives.
 * Everything else is left out and named, once.
 */

/** What the gate did: the files admitted, the named files it refused and why, and the rest it found. */
export interface GateOutcome {
  admitted: string[];
  refused: { rel: string; why: string }[];
  /** Entries of the folder the gate was not given (not counting `expected`), up to UNKNOWN_LIMIT, each quoted (JSON) with its kind when not a file. */
  unknown: string[];
  /** True when the folder held more entries than the gate looks at. */
  more: boolean;
}

/** Entries of a folder the gate lists at most: a hostile build may write millions. */
const UNKNOWN_LIMIT = 10_000;
/** Names a warning shows at most; the count says how many more. */
const NAMED_LIMIT = 20;

/**
 * Copy `files` from `from` into `to` (the host's folder, which it trusts, made as needed),
 * and list what else `from` holds, except the `expected` names (files the host writes
 * again, which a finished folder is known to hold).
 */
export function gate(from: string, to: string, files: readonly GateFile[], expected: readonly string[] = []): GateOutcome {
  const outcome: GateOutcome = { admitted: [], refused: [], unknown: [], more: false };
  for (const { rel, limit } of files) {
    try {
      // Checked before its folder is made here: a target that left nothing leaves no empty folder.
      if (!checkInside(from, rel, limit)) continue;
      folderInside(to, dirname(rel));
      if (copyInside(from, rel, join(to, rel), limit)) outcome.admitted.push(rel);
    } catch (e) {
      if (!(e instanceof KernelbuilderError)) throw e;
      const why = e.message.startsWith(`${from}: `) ? e.message.slice(from.length + 2) : e.message;
      // A file's own reason names the file; the same reason again is its folder's (a link
      // where a folder belongs), which the first refusal already named: one is enough.
      if (!outcome.refused.some((r) => r.why === why)) outcome.refused.push({ rel, why });
    }
  }
  const known = new Set([...files.map((f) => f.rel), ...expected]);
  listOthers(from, '', known, outcome);
  return outcome;
}

/** Walk `from` without following links, adding to `outcome.unknown` each entry that is not a known file or a folder on the way to one. */
function listOthers(root: string, rel: string, known: ReadonlySet<string>, outcome: GateOutcome): void {
  let names: string[];
  try {
    names = readdirSync(join(root, rel));
  } catch {
    return;
  }
  for (const name of names.sort()) {
    if (outcome.unknown.length >= UNKNOWN_LIMIT) {
      outcome.more = true;
      return;
    }
    const path = rel === '' ? name : `${rel}/${name}`;
    const st = lstatSync(join(root, path), { throwIfNoEntry: false });
    if (st?.isDirectory()) listOthers(root, path, known, outcome);
    else if (!known.has(path)) outcome.unknown.push(`${JSON.stringify(path)}${st?.isSymbolicLink() ? ' (a link)' : st && !st.isFile() ? ' (not a regular file)' : ''}`);
  }
}

/**
 * The one warning naming everything the gate left out of `to`, or undefined when it left
 * nothing out. Names are the other side's: each is quoted as a JSON string, so no
 * control character, quote or newline of it reaches a log as itself.
 */
export function gateWarning(from: string, to: string, outcome: GateOutcome): string | undefined {
  const left = [...outcome.refused.map((r) => `${JSON.stringify(r.rel)} (${r.why})`), ...outcome.unknown];
  if (left.length === 0) return undefined;
  const shown = left.slice(0, NAMED_LIMIT).join(', ');
  const rest = left.length - NAMED_LIMIT + (outcome.more ? 1 : 0);
  return `left out of ${to} what ${from} held beyond the logs layout (only its files, each a regular file within its size limit, are taken): ${shown}${rest > 0 ? ` and ${outcome.more ? 'more than ' : ''}${Math.max(rest, 1)} more` : ''}`;
}
