import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KernelbuilderError } from '../errors.ts';
import { RESULTS_FILE } from '../logs-layout.ts';
import { type ArtifactOptions } from '../types/inputs.ts';
import { type ArtifactSource, planArtifacts } from './plan-artifacts.ts';
import { type ArtifactUploader, type UploadedArtifact, uploadArtifacts } from './upload-artifacts.ts';

/**
 * Publish one build's logs folder as artifacts (for the action's `post:` step): the whole
 * folder, and the failure summary when a target did not pass. Names come from the
 * results.json in the folder, so a build that left none cannot be published.
 */
export async function publishBuildArtifacts(
  logsDir: string,
  opts: ArtifactOptions,
  client?: ArtifactUploader,
): Promise<UploadedArtifact[]> {
  return uploadArtifacts(planArtifacts(logsDir, readResults(logsDir)), opts, client);
}

function readResults(logsDir: string): ArtifactSource {
  const path = join(logsDir, RESULTS_FILE);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ArtifactSource;
  } catch (e) {
    throw new KernelbuilderError(`cannot publish artifacts: ${path} cannot be read: ${(e as Error).message}`);
  }
}
