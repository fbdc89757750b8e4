import { createHash } from 'node:crypto';
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SeriesOption } from '../constants.ts';
import { InputError } from '../errors.ts';
import { FileRefusedError, readInputFile } from '../read-input-file.ts';
import { showControls } from '../text/controls.ts';

/** One patch of a series given as patches: its place, and what its mail header says. */
export interface PatchInfo {
  k: number;
  subject: string;
  author: string;
  /** The files its diff changes (the b/ side of each `diff --git`): what the simulation compiles again. */
  files: string[];
  /** sha256 of its text (the mail, as a format-patch file holds it): KCIDB's patchset_hash is made of these. */
  sha256: string;
}

/** The patches, read and checked on the host: each one's header, and the mbox the container applies. */
export interface Patches {
  /** The file or folder given. */
  path: string;
  patches: PatchInfo[];
  /** Every patch, in order, as one mbox: what `git am` is given. */
  mbox: string;
}

/** Most bytes of one patch file and of all of them: a series is text, not a tree. */
const FILE_LIMIT = 16 * 2 ** 20;
const TOTAL_LIMIT = 64 * 2 ** 20;
/** A mail's separator as git format-patch writes it (and mbox readers take): "From <sha> Mon Sep 17 00:00:00 2001". */
const MAIL_START = /^From [0-9a-f]{40} /m;
const ALLOWED = 'patches is an mbox file (git format-patch --stdout, a mailing list archive) or a folder of git format-patch files (*.patch), each mail with a Subject and a diff';

/**
 * Read `--patches`: an mbox file, or a folder whose `*.patch` files are taken in name order
 * (git format-patch numbers them). Each file a regular file within its limit, never a link
 * in a folder; each mail must have a Subject header and a diff, else the input is refused
 * naming the file and what is wrong, before anything starts. Subjects lose format-patch's
 * `[PATCH k/n]` prefix.
 */
export function readPatches(path: string, limit: number): Patches {
  const files = patchFiles(path);
  let total = 0;
  const mails: { file: string; text: string }[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readInputFile(file, { maxBytes: FILE_LIMIT, followLinks: file === path });
    } catch (e) {
      if (e instanceof FileRefusedError) throw new InputError(SeriesOption.patches, file, `${e.message}; ${ALLOWED}`);
      throw e;
    }
    total += text.length;
    if (total > TOTAL_LIMIT) throw new InputError(SeriesOption.patches, path, `its patches hold more than ${TOTAL_LIMIT / 2 ** 20} MiB; ${ALLOWED}`);
    mails.push(...splitMails(text).map((mail) => ({ file, text: mail })));
  }
  if (mails.length === 0) throw new InputError(SeriesOption.patches, path, `it holds no mail; ${ALLOWED}`);
  if (mails.length > limit) throw new InputError(SeriesOption.patches, path, `it holds ${mails.length} patches, more than commits-limit (${limit})`);
  const patches = mails.map(({ file, text }, i) => patchInfo(file, text, i + 1));
  return { path, patches, mbox: mails.map((m) => (m.text.endsWith('\n') ? m.text : `${m.text}\n`)).join('') };
}

function patchFiles(path: string): string[] {
  let isFolder: boolean;
  try {
    isFolder = lstatSync(path).isDirectory();
  } catch {
    throw new InputError(SeriesOption.patches, path, `it does not exist; ${ALLOWED}`);
  }
  if (!isFolder) return [path];
  const names = readdirSync(path).filter((n) => n.endsWith('.patch')).sort();
  if (names.length === 0) throw new InputError(SeriesOption.patches, path, `the folder holds no *.patch file; ${ALLOWED}`);
  return names.map((n) => join(path, n));
}

/** An mbox's mails: from each format-patch separator line on; a file without one is one mail (a patch with its headers). */
function splitMails(text: string): string[] {
  const starts: number[] = [];
  const separator = new RegExp(MAIL_START.source, 'gm');
  for (let m = separator.exec(text); m; m = separator.exec(text)) starts.push(m.index);
  if (starts.length === 0) return text.trim() === '' ? [] : [text];
  return starts.map((start, i) => text.slice(start, starts[i + 1] ?? text.length));
}

function patchInfo(file: string, mail: string, k: number): PatchInfo {
  const headerEnd = mail.search(/\n\n/);
  const header = headerEnd < 0 ? mail : mail.slice(0, headerEnd);
  // RFC 5322 folding: a header line continued by lines starting with white space.
  const field = (name: string) => new RegExp(`^${name}:[ \\t]*(.*(?:\\n[ \\t].*)*)`, 'im').exec(header)?.[1].replace(/\n[ \t]+/g, ' ').trim();
  const subject = field('Subject');
  if (!subject) throw new InputError(SeriesOption.patches, file, `mail ${k} has no Subject header; ${ALLOWED}`);
  if (!/^diff --git |^--- \S.*\n\+\+\+ \S/m.test(mail)) throw new InputError(SeriesOption.patches, file, `mail ${k} (${showControls(subject).slice(0, 80)}) has no diff; ${ALLOWED}`);
  const files = [...mail.matchAll(/^diff --git a\/\S+ b\/(\S+)$/gm)].map((m) => showControls(m[1]));
  return { k, subject: showControls(subject.replace(/^\[[^\]]*PATCH[^\]]*\]\s*/i, '')), author: showControls(field('From') ?? ''), files, sha256: createHash('sha256').update(mail).digest('hex') };
}
