import { DefaultArtifactClient } from '@actions/artifact';
import { KernelbuilderError } from '../errors.ts';
import { type ArtifactOptions } from '../types/inputs.ts';
import { type ArtifactPlan } from './plan-artifacts.ts';

/** The part of @actions/artifact's client used here, so tests and callers can pass another. */
export interface ArtifactUploader {
  uploadArtifact(
    name: string,
    files: string[],
    rootDirectory: string,
    options?: { retentionDays?: number; compressionLevel?: number },
  ): Promise<{ id?: number; size?: number }>;
}

/** An artifact the service took: its id and the size of the zip in bytes. */
export interface UploadedArtifact {
  name: string;
  id: number;
  size: number;
}

/** One or more artifacts did not reach the service; names each with the reason. */
export class ArtifactUploadError extends KernelbuilderError {
  override name = 'ArtifactUploadError';
  constructor(readonly failures: { name: string; cause: unknown }[]) {
    super(
      `artifact upload failed: ${failures.map((f) => `${f.name}: ${f.cause instanceof Error ? f.cause.message : String(f.cause)}`).join('; ')}`,
    );
  }
}

/**
 * Upload each planned artifact, in order. All are tried even when one fails, since the
 * small failures artifact may get through where the large logs one did not; then any
 * failure throws ArtifactUploadError. An answer without an id counts as a failure: the
 * client gives none when nothing was stored.
 */
export async function uploadArtifacts(
  plans: ArtifactPlan[],
  opts: ArtifactOptions,
  client: ArtifactUploader = new DefaultArtifactClient(),
): Promise<UploadedArtifact[]> {
  const uploaded: UploadedArtifact[] = [];
  const failures: { name: string; cause: unknown }[] = [];
  for (const plan of plans) {
    try {
      const { id, size } = await client.uploadArtifact(plan.name, plan.files, plan.rootDirectory, {
        retentionDays: opts.retentionDays,
        compressionLevel: opts.compressionLevel,
      });
      if (id === undefined) throw new Error('the artifact service returned no artifact id');
      uploaded.push({ name: plan.name, id, size: size ?? 0 });
    } catch (cause) {
      failures.push({ name: plan.name, cause });
    }
  }
  if (failures.length > 0) throw new ArtifactUploadError(failures);
  return uploaded;
}
