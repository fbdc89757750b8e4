import type { DiagnosticKind } from '../types/diagnostics.ts';
import { signatureOf } from '../parse/signature.ts';

// Offsets first, so that "func+0x1c/0x30" becomes "func".
const HEX = /\+?0x[0-9a-f]+(?:\/0x[0-9a-f]+)?/gi;
// Addresses as printk's %px and %lx print them, without 0x: "address: 0000000000000000".
const BARE_ADDRESS = /\b[0-9a-f]{8,16}\b/g;
// Numbers on their own: CPU and PID numbers ("CPU#0", "swapper/0/1"), seconds ("22s"),
// counts; not the digits of a name such as sha256_update.
const NUMBER = /\b\d+s?\b/g;

/**
 * The stable identity of a boot report: kind, file and message without what changes from
 * one boot to the next (addresses, offsets, line numbers, CPU and PID numbers, durations),
 * so that the same splat in two boots, or in two targets, is one issue.
 */
export function bootSignature(kind: DiagnosticKind, file: string | undefined, message: string): string {
  return signatureOf(kind, file, message.replace(HEX, '').replace(BARE_ADDRESS, '').replace(NUMBER, ''));
}
