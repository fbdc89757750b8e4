import { showControls } from './controls.ts';

/*
 * Tree text in markdown (the job summary, summary.md, a bisect's summary): config and file
 * names, commit subjects and authors, build and boot output. GitHub renders markdown with
 * links, images and a subset of HTML, so a subject like `[fix](https://x)` or
 * `<img src=...>` would become a link or an image in the job summary, and a line with
 * three backticks would close the code block it sits in. Each function here writes text
 * for one markdown place so that it reads as the characters it holds and nothing else.
 * Control characters are shown as escapes first (controls.ts): a line stays one line.
 */

/**
 * What markdown reads as syntax anywhere in a line: emphasis, code, links and images
 * (`[`, with `!` and `(` harmless without it), HTML and entities, table cells,
 * strikethrough, e-mail autolinks (`@`). Each gets the backslash CommonMark allows before
 * any ASCII punctuation, or its entity for HTML. Other punctuation is left as it is, so
 * names read as written.
 */
const INLINE_SYNTAX = /[\\`*_[\]<>&|~@]/g;
/** GFM makes a link of a bare URL or `www.` name: a backslash inside the scheme or name keeps it text. */
const AUTOLINK = /\b(https?|ftp)(:\/\/)|\b(www)(\.)/gi;
/** What markdown reads as syntax at a line's start (a heading, a list, a quote, a rule), escaped there only. */
const LINE_START_SYNTAX = /^([#+\-=]|\d+[.)])/;

/** Tree text as plain markdown text (a list item, a heading, a table cell, a paragraph): every character literal. */
export function markdownText(text: string): string {
  return showControls(text)
    .replace(INLINE_SYNTAX, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`))
    .replace(AUTOLINK, (_m, scheme?: string, sep?: string, www?: string, dot?: string) => (scheme ? `${scheme}\\${sep}` : `${www}\\${dot}`))
    .replace(LINE_START_SYNTAX, (m) => `${m.slice(0, -1)}\\${m.slice(-1)}`);
}

/**
 * Tree text as inline code: a fence one backtick longer than its longest run of
 * backticks, so no backtick of it can end the span, padded with a space where it starts
 * or ends with one (CommonMark strips one space each side). In a table cell `|` still ends
 * the cell inside code (GFM), so it is escaped there.
 */
export function markdownCode(text: string, place: 'text' | 'table' = 'text'): string {
  let line = showControls(text);
  if (place === 'table') line = line.replace(/\|/g, '\\|');
  const fence = '`'.repeat(longestRun(line) + 1);
  const pad = line.startsWith('`') || line.endsWith('`') || line === '' ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

/** Lines as a fenced code block whose fence no line of it can close; `lang` names the highlighting. */
export function markdownBlock(lines: readonly string[], lang = ''): string {
  const shown = lines.map((l) => showControls(l));
  const fence = '`'.repeat(Math.max(3, ...shown.map((l) => longestRun(l) + 1)));
  return [`${fence}${lang}`, ...shown, fence].join('\n');
}

/** The longest run of backticks in `text` (0 for none). */
function longestRun(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
}
