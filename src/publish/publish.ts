import { KernelbuilderError } from '../errors.ts';
import { readResultsDir } from '../results/check-results.ts';
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

/** The folder's results.json, by the one reader: the container wrote into this folder too. */
function readResults(logsDir: string): ArtifactSource {
  try {
    return readResultsDir(logsDir);
  } catch (e) {
    if (!(e instanceof KernelbuilderError)) throw e;
    throw new KernelbuilderError(`cannot publish artifacts: ${e.message}`);
  }
}
