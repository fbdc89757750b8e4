import { type DiagnosticKind } from '../types/diagnostics.ts';

/** The kinds a boot console's reports have: reports count them apart from the build's. */
export const BOOT_KINDS: ReadonlySet<DiagnosticKind> = new Set(['panic', 'oops', 'bug', 'boot-warning', 'kasan', 'ubsan', 'hung-task', 'rcu-stall']);

