/**
 * The record of a target's KUnit runs (KUNIT_STATUS_FILE in its kept folder), one line a
 * run: "RUN EXIT TIMED_OUT MILLISECONDS". kunit-uml.sh writes it in the build container
 * for UML; the host writes it for a run in QEMU (run-in-qemu.ts).
 */
export interface RunRecord {
  run: number;
  exit: number;
  timedOut: boolean;
  milliseconds: number;
}

/** One run's line, with its newline. */
export function formatRunRecord(r: RunRecord): string {
  return `${r.run} ${r.exit} ${r.timedOut ? 1 : 0} ${Math.round(r.milliseconds)}\n`;
}

/** The record's lines, runs in order; a line that is not four numbers in order is none of its (a container wrote it). */
export function parseRunRecords(text: string): RunRecord[] {
  const records: RunRecord[] = [];
  for (const line of text.split('\n')) {
    const m = /^(\d{1,2}) (\d{1,3}) ([01]) (\d{1,12})$/.exec(line);
    if (m && Number(m[1]) === records.length + 1) records.push({ run: Number(m[1]), exit: Number(m[2]), timedOut: m[3] === '1', milliseconds: Number(m[4]) });
  }
  return records;
}
