import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Input } from '../constants.ts';
import { InputError } from '../errors.ts';
import { readEmailTo, readLogs, readNoise } from '../inputs/inputs.ts';
import { type InputReader, type NoiseFilter } from '../types/inputs.ts';
import { DEFAULT_KCIDB_ORIGIN, parseKcidbOrigin } from '../report/kcidb-origin.ts';

/** What report mode needs: where the shards' results are, where the merged report goes. */
export interface ReportInputs {
  results: string;
  logs: string;
  noise: NoiseFilter;
  emailTo?: string;
  kcidbOrigin: string;
}

/** Read and check report mode's inputs. */
export function parseReportInputs(read: InputReader): ReportInputs {
  const results = read(Input.results).trim();
  if (results === '' || !isFolder(results)) {
    throw new InputError(Input.results, results, 'report mode needs results: the folder the shards\' artifacts were downloaded to');
  }
  return { results: resolve(results), logs: readLogs(read).path, noise: readNoise(read(Input.noise).trim() || undefined), emailTo: readEmailTo(read(Input.emailTo).trim() || undefined), kcidbOrigin: parseKcidbOrigin(read(Input.kcidbOrigin).trim() || DEFAULT_KCIDB_ORIGIN) };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
