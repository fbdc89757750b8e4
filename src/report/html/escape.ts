/**
 * The one escaping of the HTML reports: every text that reaches a page goes through
 * `html` (element text and quoted attribute values alike), every link through `href`.
 * What a results.json holds is hostile (build output, names from a shard), so nothing
 * from it is ever written raw.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Control characters (but tab and newline), DEL, C1 controls and lone surrogates cannot be
 * shown and some end a parser's idea of the text: each becomes U+FFFD, so that the page
 * still says something was there.
 */
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text safe as an element's content or a quoted attribute's value: `& < > " '` as entities, unprintable characters as U+FFFD. */
export function html(text: unknown): string {
  return String(text ?? '')
    .replace(UNPRINTABLE, '\ufffd')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/**
 * A relative link to a file of the logs folder, from the page's folder: each part of the
 * path percent-encoded (a config name can hold `+`, a build id `#` or `?`), then escaped
 * for the attribute. Parts that would leave the folder are refused: links are made from
 * the logs layout, and one that climbs out is a bug.
 */
export function href(relPath: string): string {
  const parts = relPath.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) throw new Error(`not a relative path inside the logs folder: ${JSON.stringify(relPath)}`);
  return html(parts.map(encodeURIComponent).join('/'));
}
