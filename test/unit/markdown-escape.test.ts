import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Marked } from 'marked';
import { markdownBlock, markdownCode, markdownText } from '../../src/text/markdown.ts';
import { showControls } from '../../src/text/controls.ts';
import { renderSummary } from '../../src/report/summary.ts';
import { sampleResults } from '../support/results-fixture.ts';
import { kunitRun } from '../support/kunit-fixture.ts';

// The markdown is rendered by marked with GitHub's flavour (tables, autolinks,
// strikethrough, raw HTML passed through as GitHub passes its allowed tags): what a
// reader of the job summary would see. Each hostile text must come out as its own
// characters, with no element of its own making.
const gfm = new Marked({ gfm: true, async: false });
const render = (md: string) => gfm.parse(md) as string;

/** Texts a tree can put in a config or file name, a commit subject or author, or its build and boot output. */
const HOSTILE = [
  '[click](https://evil.example/x)',
  '![img](https://evil.example/p.png)',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<https://evil.example>',
  'see https://evil.example/a and www.evil.example',
  'Jane Doe <jane@evil.example>',
  'mail jane@evil.example now',
  '**bold** __bold__ *em* _em_ ~~gone~~',
  '`code` ``two`` ```three```',
  '```',
  '`',
  '# heading',
  '- list item',
  '+ list item',
  '1. numbered',
  '2) numbered',
  '> quote',
  '=== setext',
  'a | b | c',
  '&amp; &lt;b&gt; &#x41;',
  'back\\slash \\[not a link\\]',
  '[ref]: https://evil.example',
  'line\r\n## heading after a line break',
  'esc \x1b[31m red \u202e bidi',
  '   ',
];

/** The text of rendered HTML: tags dropped, entities read. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Every element of the HTML, by its tag name. */
function tags(html: string): string[] {
  return [...html.matchAll(/<([a-z0-9]+)[\s>]/gi)].map((m) => m[1].toLowerCase());
}

test('markdownText: every hostile text renders as its own characters, in a paragraph of nothing else', () => {
  for (const text of HOSTILE) {
    const html = render(`before ${markdownText(text)} after`);
    assert.deepEqual(tags(html), ['p'], `${JSON.stringify(text)} -> ${html}`);
    assert.equal(textOf(html).trim(), `before ${showControls(text)} after`.trim(), JSON.stringify(text));
  }
});

test('markdownText at a line start: no heading, list, quote or rule', () => {
  for (const text of HOSTILE) {
    const html = render(markdownText(text));
    assert.ok(tags(html).every((t) => t === 'p'), `${JSON.stringify(text)} -> ${html}`);
    assert.equal(textOf(html).trim(), showControls(text).trim(), JSON.stringify(text));
  }
});

test('markdownCode: one code span holding the text, in running text and in a table cell', () => {
  for (const text of HOSTILE) {
    const html = render(`x ${markdownCode(text)} y`);
    assert.deepEqual(tags(html), ['p', 'code'], `${JSON.stringify(text)} -> ${html}`);
    const code = /<code>([\s\S]*)<\/code>/.exec(html)![1];
    // CommonMark strips one space each side of a padded span, and reads a span of spaces as it is.
    assert.equal(textOf(code), showControls(text).trim() === '' ? showControls(text) : showControls(text), JSON.stringify(text));

    const table = render(['| a | b |', '| --- | --- |', `| ${markdownCode(text, 'table')} | z |`].join('\n'));
    const cells = [...table.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => m[1]);
    assert.equal(cells.length, 2, `${JSON.stringify(text)} -> ${table}`);
    assert.equal(textOf(cells[0]), showControls(text), JSON.stringify(text));
    assert.equal(cells[1], 'z');
  }
});

test('markdownBlock: one code block, whatever fences its lines hold', () => {
  const lines = [...HOSTILE, '````', '    ````', '~~~'];
  const html = render(`${markdownBlock(lines, 'sh')}\n\nafter`);
  assert.deepEqual(tags(html), ['pre', 'code', 'p'], html);
  const code = /<code[^>]*>([\s\S]*)<\/code>/.exec(html)![1];
  assert.equal(textOf(code), `${lines.map(showControls).join('\n')}\n`);
});

test('the summary of a hostile build: tree text in every place renders as text; only the summary\'s own elements', () => {
  const evil = '[x](https://evil.example) <img src=x> `` ``` | **b** https://evil.example';
  const results = sampleResults(['x86/defconfig', 'arm64/defconfig'], {
    result: 'fail',
    toolchains: { x86: `gcc ${evil}` },
    dropped: [{ arch: 'riscv', config: 'evil.config', reason: `arch/riscv/configs/${evil} is not a config` }],
  });
  results.targets[0] = {
    ...results.targets[0],
    status: 'fail',
    stage: 'build',
    errors: 1,
    excerpt: { source: 'errors', lines: [`init/main.c:1:1: error: ${evil}`, '```', '</code></pre><img src=x>'] },
    boot: { status: 'fail', reason: 'kernel panic', message: evil, console: 'x86/defconfig/console.log', machine: 'q35' },
  };
  // A KUnit run's names, expectations, splats and reasons are the console's.
  results.targets[1] = {
    ...results.targets[1],
    kunit: kunitRun([
      { suite: `suite ${evil}`, case: `case ${evil}`, status: 'fail', diagnostic: { message: `EXPECTATION ${evil}`, file: `lib/${evil}.c`, line: 3, detail: [`Expected ${evil}`, '```', 'x\r\n::error::y \x1b[2J'] }, runs: { total: 1, passed: 0 } },
      { suite: 's', case: 'skipped', status: 'skip', reason: `because ${evil}`, runs: { total: 1, passed: 0 } },
    ]),
  };
  const html = render(renderSummary(results));
  const own = new Set(['h2', 'h3', 'p', 'strong', 'em', 'code', 'pre', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'li', 'details', 'summary', 'br']);
  assert.deepEqual(tags(html).filter((t) => !own.has(t)), [], 'no element of the tree\'s making');
  assert.equal(tags(html).filter((t) => t === 'a').length, 0, 'no link');
  assert.ok(textOf(html).includes(`gcc ${evil}`), 'the toolchain line reads as written');
  assert.ok(textOf(html).includes(`arch/riscv/configs/${evil} is not a config`), 'the reason reads as written');
  assert.ok(textOf(html).includes('</code></pre><img src=x>'), 'the excerpt line reads as written');
  assert.ok(textOf(html).includes(`suite ${evil}.case ${evil}: EXPECTATION ${evil} at lib/${evil}.c:3`), 'a KUnit case reads as written');
  assert.ok(textOf(html).includes(`s.skipped: because ${evil}`), 'a skip\'s reason reads as written');
  assert.ok(textOf(html).includes('x\\r\\n::error::y \\x1b[2J'), 'a diagnostic line stays one line, its controls shown');
});
