/** Kernel build log parsing: text in, typed diagnostics and failure excerpts out. */
export type { Diagnostic, DiagnosticKind, Severity } from '../types/diagnostics.ts';
export { LogParser, parseBuildLog, type LogParserOptions } from './log-parser.ts';
export { LineSplitter, lineBatches, MAX_LINE_LENGTH } from './lines.ts';
export { ExcerptCollector, buildExcerpt, type Excerpt, type ExcerptOptions } from './excerpt.ts';
export { formatDiagnostic } from './format.ts';
export { normaliseMessage, signatureOf } from './signature.ts';
export { PathNormaliser } from './paths.ts';
export { TailBuffer } from './tail-buffer.ts';
