import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderEmail } from '../../src/report/email.ts';
import { sampleResults } from '../support/results-fixture.ts';

test('the build email: headers one line each, the body free of a tree\'s control characters', () => {
  const results = sampleResults(['x86/defconfig'], {
    result: 'fail',
    commits: [{ sha: 'c'.repeat(40), subject: 'x\r\nBcc: victim@example.org \x1b]0;title\x07', author: 'Eve', date: '2026-01-05T00:00:00Z' }],
  });
  results.targets[0] = { ...results.targets[0], status: 'fail', excerpt: { source: 'errors', lines: ['init/main.c:1:1: error: \x1b[31mred\x1b[0m\r::error::x'] } };
  const email = renderEmail(results, { to: 'dev@example.org\r\nBcc: x@example.org' });
  const head = email.slice(0, email.indexOf('\n\n')).split('\n');
  assert.deepEqual(head, ['To: dev@example.org Bcc: x@example.org', 'Subject: stable build: 0 warnings 1 failures (stable/v6.1.192)']);
  assert.match(email, /^ {2}c{12} x\\r$/m);
  assert.match(email, /^ {2}init\/main\.c:1:1: error: \\x1b\[31mred\\x1b\[0m\\r::error::x$/m);
  assert.ok(!/[\r\x07\x1b]/.test(email), JSON.stringify(email));
});
