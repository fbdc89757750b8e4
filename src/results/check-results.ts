import { join } from 'node:path';
import { KernelbuilderError } from '../errors.ts';
import { RESULTS_FILE } from '../logs-layout.ts';
import { readInside } from '../safe-files.ts';
import { JsonSyntaxError, parseJson } from '../parse-json.ts';
import { SchemaError } from '../schema.ts';
import { resultsSchema } from './results-schema.ts';
import { type BuildResults } from '../types/results.ts';

/** A results.json lists a few hundred targets with their excerpts: far below this. */
export const RESULTS_LIMIT = 64 * 2 ** 20;

/**
 * The one reader of results.json, for every caller: a shard's artifact from another
 * runner, a folder given to `report`, the tree's earlier builds (the runner's own
 * folders, but written while hostile trees built). `file` is read below `dir` without
 * following a link on the way (readInside), as a regular file of at most RESULTS_LIMIT,
 * and checked against the schema (checkResults). Throws a KernelbuilderError naming the
 * file and, for a bad field, the field and what is allowed there.
 */
export function readResultsDir(dir: string, file: string = RESULTS_FILE): BuildResults {
  const text = readInside(dir, file, RESULTS_LIMIT);
  if (text === undefined) throw new KernelbuilderError(`${dir} holds no ${file} of a kernelbuilder build`);
  try {
    return parseResults(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError || e instanceof SchemaError) throw new KernelbuilderError(`${join(dir, file)}: ${e.message}`);
    throw e;
  }
}

/**
 * The text of a results.json, parsed and checked (checkResults); throws JsonSyntaxError or
 * SchemaError, which say where and what is allowed, never what the text holds.
 */
export function parseResults(text: string): BuildResults {
  return resultsSchema.check(parseJson(text), '');
}

/**
 * Check a parsed results.json against the schema (results-schema.ts): every field that
 * becomes a name, a path, a header or a word of a reproducer as the inputs are checked,
 * each record to the depth any reader reads it, a target's files where the logs layout
 * puts them. Returns only the declared fields. Throws a KernelbuilderError naming
 * `dir`'s results.json and the field, never the value.
 */
export function checkResults(data: unknown, dir: string): BuildResults {
  try {
    return resultsSchema.check(data, '');
  } catch (e) {
    if (e instanceof SchemaError) throw new KernelbuilderError(`${dir}/${RESULTS_FILE}: ${e.message}`);
    throw e;
  }
}
