/**
 * An AbortSignal that fires on SIGINT or SIGTERM: the runner cancels a job with SIGINT,
 * then SIGTERM 7.5 s later, then kills. Aborting stops the container so that the logs
 * and results written so far are kept.
 */
export function abortOnSignals(): AbortSignal {
  const controller = new AbortController();
  const abort = () => controller.abort();
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  return controller.signal;
}
