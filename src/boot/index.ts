/** Boot console parsing and the boot verdict: console lines in, typed diagnostics and a verdict out. */
export type { BootVerdict, ConsoleSummary, QemuExit } from './types.ts';
export type { BootFailureReason } from '../types/boot.ts';
export { ConsoleParser, parseConsole, MAX_TRACE_LINES, type ConsoleParserOptions } from './console-parser.ts';
export { bootVerdict, formatVerdict } from './verdict.ts';
export { bootSignature } from './signature.ts';
