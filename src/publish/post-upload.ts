import { hostname } from 'node:os';
import { join } from 'node:path';
import { State } from '../constants.ts';
import { RESULTS_FILE, SUMMARY_FILE } from '../logs-layout.ts';
import { type ArtifactOptions } from '../types/inputs.ts';

/**
 * What the post step needs from the main step, kept in the step state so that post reads
 * no input again (the noise file, the image table or the baseline may be gone by then, and
 * post has no use for them).
 */
export interface PostState {
  /** The build's logs folder, `<logs>/<tree>/<build id>`. */
  logsDir: string;
  upload: boolean;
  artifacts: ArtifactOptions;
}

/** Writes one value of the step state (core.saveState). */
export type StateWriter = (name: string, value: string) => void;
/** Reads one value of the step state (core.getState); empty string when not saved. */
export type StateReader = (name: string) => string;

/** Save what post needs, once the main step knows where the build's logs go. */
export function savePostState(state: PostState, save: StateWriter): void {
  save(State.upload, String(state.upload));
  save(State.artifacts, JSON.stringify(state.artifacts));
  // Saved last: its presence tells post that the other values are there too.
  save(State.logsDir, state.logsDir);
}

/** What main saved, or undefined when it stopped before it had a logs folder (nothing was built). */
export function loadPostState(get: StateReader): PostState | undefined {
  const logsDir = get(State.logsDir);
  if (!logsDir) return undefined;
  const { retentionDays, compressionLevel } = JSON.parse(get(State.artifacts)) as ArtifactOptions;
  return { logsDir, upload: get(State.upload) === 'true', artifacts: { retentionDays, compressionLevel } };
}

/** What the post step does about artifacts: nothing (with a line to log, or none), warn, or upload. */
export type PostUpload =
  | { action: 'none'; info?: string }
  | { action: 'warn'; message: string }
  | { action: 'upload'; logsDir: string; artifacts: ArtifactOptions };

/**
 * Decide the post step's upload from main's state and the runner's environment. Where
 * the artifact service is not there the logs stay on the runner: the warning says where
 * and how to fetch them, and does not fail the step, whose outcome is the build's.
 */
export function decidePostUpload(state: PostState | undefined, env: NodeJS.ProcessEnv, exists: (path: string) => boolean): PostUpload {
  if (!state?.upload) return { action: 'none' };
  if (!env.ACTIONS_RUNTIME_TOKEN) return { action: 'none', info: 'not uploading artifacts: no ACTIONS_RUNTIME_TOKEN (not running in GitHub Actions)' };
  if (isEnterpriseServer(env.GITHUB_SERVER_URL)) {
    return {
      action: 'warn',
      message:
        `not uploading artifacts: @actions/artifact has no artifact service on GitHub Enterprise Server (${env.GITHUB_SERVER_URL}). ` +
        `The build's logs stay on the runner ${hostname()} in ${state.logsDir} (${RESULTS_FILE}, ${SUMMARY_FILE} and a log per target): ` +
        `copy them from there (e.g. scp -r ${hostname()}:${state.logsDir} .), or upload them in a later step with ` +
        `actions/upload-artifact@v3, the version GHES supports, with if: always() and path: ${state.logsDir}`,
    };
  }
  if (!exists(join(state.logsDir, RESULTS_FILE))) {
    return { action: 'warn', message: `${state.logsDir} has no ${RESULTS_FILE}: the main step died before it could write one; nothing to upload` };
  }
  return { action: 'upload', logsDir: state.logsDir, artifacts: state.artifacts };
}

/**
 * @actions/artifact's own rule (isGhes in lib/internal/shared/config.js, not exported):
 * every server but github.com, *.ghe.com and *.localhost is GHES, and there the client
 * refuses with GHESNotSupportedError after printing a warning of its own.
 */
export function isEnterpriseServer(serverUrl: string | undefined): boolean {
  // A URL the library cannot parse makes it throw: leave that to the upload to report.
  if (serverUrl && !URL.canParse(serverUrl)) return false;
  const host = new URL(serverUrl || 'https://github.com').hostname.trimEnd().toUpperCase();
  return host !== 'GITHUB.COM' && !host.endsWith('.GHE.COM') && !host.endsWith('.LOCALHOST');
}
