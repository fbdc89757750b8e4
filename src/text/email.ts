import { showControls } from './controls.ts';

/**
 * Control characters that would end a header line (CR, LF; NEL and the Unicode line
 * separators for lenient readers) or that a mail reader might act on.
 */
const HEADER_CONTROLS = /[\p{Cc}\u2028\u2029]+/gu;

/**
 * One header line. Its value comes from a tree (a commit's subject and author), a shard's
 * fields or the user: a CR or LF in it would end the header and start another (a Bcc:),
 * so every run of control characters becomes one space, whatever checked the value before.
 */
export function emailHeader(name: string, value: string): string {
  return `${name}: ${value.replace(HEADER_CONTROLS, ' ')}`;
}

/** What heads a report email: its recipient, when one is named, and its subject. */
export interface EmailHeaders {
  to?: string;
  subject: string;
}

/**
 * The one writer of kernelbuilder's emails (the build's and the bisect's): the headers,
 * each through `emailHeader`, an empty line, then the body, whose control characters but
 * LF and tab are shown as escapes (a build's output there may hold ESC sequences, a
 * subject a CR). Ends with a newline.
 */
export function emailMessage(headers: EmailHeaders, body: readonly string[]): string {
  const head = [...(headers.to ? [emailHeader('To', headers.to)] : []), emailHeader('Subject', headers.subject)];
  const text = body.join('\n').split('\n').map(showControls);
  return `${[...head, '', ...text].join('\n')}\n`;
}
