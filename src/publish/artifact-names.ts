import { createHash } from 'node:crypto';

/** Which of a build's artifacts: the whole logs folder, or the small failure summary. */
export type ArtifactKind = 'logs' | 'failures';

/** Characters the artifact service refuses in a name. */
const FORBIDDEN = /[":<>|*?\r\n\\/]|[\x00-\x1f\x7f]/g;

/** Kept well under what the service and file systems take, since the name becomes `<name>.zip`. */
export const MAX_NAME_LENGTH = 100;

/**
 * `kernelbuilder-<tree>-<buildId>-<kind>`, with characters the service refuses replaced
 * by `_`. A name over MAX_NAME_LENGTH is cut and given a hash of the full name, so two
 * long build ids that share a prefix still get different names.
 */
export function artifactName(tree: string, buildId: string, kind: ArtifactKind, shard?: string): string {
  // Shards of one build upload side by side in one workflow run: names must differ.
  const full = `kernelbuilder-${tree}-${buildId}${shard ? `-shard-${shard.replace('/', 'of')}` : ''}`.replace(FORBIDDEN, '_');
  const suffix = `-${kind}`;
  if (full.length + suffix.length <= MAX_NAME_LENGTH) return full + suffix;
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 12);
  return `${full.slice(0, MAX_NAME_LENGTH - suffix.length - hash.length - 1)}-${hash}${suffix}`;
}
