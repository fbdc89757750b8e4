// Who a build container runs as: one rule for the container spec and for the plan, which
// must know whether that user reads the source as the runner does.

/** The uid:gid builds run as when the runner itself is root: the images' `build` user. */
const FALLBACK_BUILD_USER = '1001:1001';

/** Whether builds run as another user than the runner: a root runner's run as the images' build user. */
export function buildsAsOther(uid: number): boolean {
  return uid === 0;
}

/** Who the build runs as: the runner's uid:gid, so the logs it writes belong to the runner. */
export function buildUser(uid: number, gid: number): string {
  return buildsAsOther(uid) ? FALLBACK_BUILD_USER : `${uid}:${gid}`;
}
