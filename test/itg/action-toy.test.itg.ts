import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runAction } from '../support/action-run.ts';
import { makeToyKernel } from '../support/toy-kernel.ts';
import { tempDir } from '../support/temp-dir.ts';

test('build output cannot issue workflow commands: it is fenced by a random stop-commands token', () => {
  // A hostile build: its output holds workflow commands, echoed as failure excerpts: on
  // x86 in a parsed error, on arm64 in the log's tail (no error parsed there).
  const src = makeToyKernel(
    [
      'case $ARCH in',
      '  x86) echo "init/main.c:1:1: error: ::error file=x::pwned" >&2 ;;',
      '  arm64) echo "::set-output name=result::pass"; echo "::add-mask::kb"; echo "::endgroup::" ;;',
      'esac',
      'exit 2',
      '',
    ].join('\n'),
  );
  const run = runAction({ source: src, ref: 'v6.1', arches: 'x86 arm64', configs: 'tinyconfig', ccache: 'off', logs: tempDir('logs') });
  assert.equal(run.status, 1);
  assert.equal(run.outputs.result, 'fail', 'the build could not set the result');
  const lines = run.stdout.split('\n');
  let fence: string | undefined;
  // Our own phase groups, outside the fence, open and close in pairs: an ::endgroup:: past them is the build's.
  let groups = 0;
  for (const line of lines) {
    const open = /^::stop-commands::(\S+)$/.exec(line);
    if (open) fence = open[1];
    else if (fence && line === `::${fence}::`) fence = undefined;
    else if (!fence && /^::group::/.test(line)) groups++;
    else if (!fence && line === '::endgroup::' && groups > 0) groups--;
    // Our own annotations carry build text as escaped data after their '::', on one line.
    else if (/^::(error|warning) title=/.test(line)) continue;
    else if (/::(set-output|add-mask|endgroup)::|::error file=x::/.test(line)) {
      assert.ok(fence, `a build line outside the fence: ${line}`);
    }
  }
  assert.ok(lines.some((l) => l.includes('\\x3a:set-output name=result::pass')), 'the hostile lines were echoed (fenced, and escaped besides)');
  // The annotation carries the hostile message as data of our own command, on its own line.
  assert.ok(lines.some((l) => /^::error title=compiler error in x86\/tinyconfig,file=init\/main\.c,line=1,col=1::::error file=x::pwned$/.test(l)), run.stdout);
});
