import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../support/temp-dir.ts';

const wrapper = fileURLToPath(new URL('../../src/driver/ccache-cc.sh', import.meta.url));

/** Run the wrapper with a fake ccache and a fake compiler that say who ran. */
function compile(source: string, text: string): string {
  const dir = tempDir('ccache-cc');
  writeFileSync(join(dir, 'ccache'), '#!/bin/sh\necho "ccache $*"\n');
  writeFileSync(join(dir, 'cc'), '#!/bin/sh\necho "cc $*"\n');
  chmodSync(join(dir, 'ccache'), 0o755);
  chmodSync(join(dir, 'cc'), 0o755);
  writeFileSync(join(dir, source), text);
  const r = spawnSync('bash', [wrapper, 'cc', '-c', '-o', 'x.o', join(dir, source)], { encoding: 'utf8', env: { PATH: `${dir}:/usr/bin:/bin` } });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split(' ')[0];
}

test('ccache-cc: a source that .incbin-s a file is compiled directly, every other through ccache', () => {
  // arch/x86/boot/compressed/piggy.S as mkpiggy writes it: ccache's depend mode cannot see the included vmlinux.
  assert.equal(compile('piggy.S', '.section ".rodata..compressed","a",@progbits\n.globl z_input_len\nz_input_len = 437468\ninput_data:\n.incbin "arch/x86/boot/compressed/vmlinux.bin.xz"\n'), 'cc');
  assert.equal(compile('configs.c', 'asm (".incbin \\"kernel/config_data.gz\\"");\n'), 'cc');
  assert.equal(compile('main.c', 'int main(void) { return 0; }\n'), 'ccache');
  assert.equal(compile('head.S', '.text\nnop\n'), 'ccache');
});
