import { createHash } from 'node:crypto';
import { html } from './escape.ts';

/**
 * The shell of every HTML report: one self-contained file (its CSS and script inline, no
 * network, no other asset), readable from file:// and from an artifact zip. Its content
 * security policy lets nothing load and runs only the page's own script, by its hash: a
 * string from a build that escaped the escaping still could not run.
 */
export function htmlPage(title: string, body: string, script = ''): string {
  const scriptSrc = script ? ` script-src 'sha256-${createHash('sha256').update(script).digest('base64')}';` : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;${scriptSrc}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${html(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    body,
    ...(script ? [`<script>${script}</script>`] : []),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The colours of a status, shared by the matrix, the tables and the plots. */
const CSS = `
:root { --pass: #d7f0d8; --pass-ink: #1b5e20; --fail: #f8d0d0; --fail-ink: #8e1b1b; --error: #e4e4e4; --error-ink: #444; --boot-fail: #fbe3b6; --boot-fail-ink: #7a4a00; }
body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5em auto; max-width: 75em; padding: 0 1em; color: #1d1d1d; }
h1 { font-size: 1.5em; margin: 0 0 .3em; } h2 { font-size: 1.2em; margin: 1.6em 0 .5em; border-bottom: 1px solid #ddd; } h3 { font-size: 1em; margin: 1.2em 0 .4em; }
table { border-collapse: collapse; margin: .5em 0; } th, td { border: 1px solid #ccc; padding: .25em .55em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
pre { background: #f6f6f6; border: 1px solid #e0e0e0; padding: .5em .7em; overflow-x: auto; white-space: pre-wrap; word-break: break-all; font-size: 12.5px; }
code { font-size: 12.5px; } a { color: #0645ad; } .muted { color: #666; }
.cell-pass { background: var(--pass); color: var(--pass-ink); } .cell-fail { background: var(--fail); color: var(--fail-ink); }
.cell-error { background: var(--error); color: var(--error-ink); } .cell-boot-fail { background: var(--boot-fail); color: var(--boot-fail-ink); }
.cell-none { background: #fff; color: #aaa; } table.matrix td { text-align: center; min-width: 7em; } table.matrix td a { color: inherit; }
.mark { display: inline-block; font-size: 11px; font-weight: 600; padding: 0 .35em; border-radius: .6em; margin-left: .3em; }
.mark-new { background: #8e1b1b; color: #fff; } .mark-fixed { background: #1b5e20; color: #fff; }
.result { display: inline-block; padding: .05em .5em; border-radius: .3em; font-weight: 600; }
input#filter { font: inherit; padding: .2em .4em; width: 24em; }
svg.plot { display: block; margin: .3em 0 1.2em; } svg.plot text { font: 11px system-ui, sans-serif; fill: #444; }
svg.plot polyline { fill: none; stroke: #0645ad; stroke-width: 1.5; } svg.plot circle { fill: #0645ad; } svg.plot a:hover circle { fill: #8e1b1b; }
svg.plot line.axis { stroke: #999; } svg.plot line.grid { stroke: #eee; }
`.trim();
