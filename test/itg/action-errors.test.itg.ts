import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAction } from '../support/action-run.ts';
import { kernelRepo } from '../support/kernel-repo.ts';
import { tempDir } from '../support/temp-dir.ts';
import { sampleResults, writeBuildDir } from '../support/results-fixture.ts';
import { type BuildResults } from '../../src/types/results.ts';
import { HOSTILE_KCIDB_ORIGINS, HOSTILE_MAKE_VARS } from '../support/hostile-make-vars.ts';

const source = kernelRepo();

// Files that hold a secret where an error message would once have quoted them.
const SECRET = 'KB-SECRET-c41d';
const files = tempDir('hostile-files');
const hostileFile = (name: string, text: string) => {
  writeFileSync(join(files, name), text);
  return join(files, name);
};
const secretTable = hostileFile('table.json', `{"select": [\n  {"kernels": "*", "image": ${SECRET}}]}`);
const secretField = hostileFile('field.json', JSON.stringify({ select: [{ kernels: SECRET, image: 'a/b' }] }));
const backreference = hostileFile('noise-backref', `# ${SECRET}\n(${SECRET})\\1\n`);
const lookaround = hostileFile('noise-lookaround', `(?=${SECRET})\n`);
const notResults = hostileFile('results.json', JSON.stringify({ secret: SECRET }));

function ourContainers(): string {
  return execFileSync('docker', ['ps', '-aq', '--filter', 'label=org.kernelbuilder.build'], { encoding: 'utf8' });
}

const cases: { name: string; inputs: Record<string, string>; env?: Record<string, string>; message: RegExp }[] = [
  { name: 'unknown ref', inputs: { ref: 'nosuch/branch' }, message: /ref "nosuch\/branch" is not in the source repository/ },
  { name: 'ref like an option', inputs: { ref: '--upload-pack=touch /tmp/kb-pwned' }, message: /input 'ref': "--upload-pack=touch \/tmp\/kb-pwned" is not allowed/ },
  { name: 'unknown arch', inputs: { arches: 'x86 vax' }, message: /input 'arches': "vax" is not allowed; kernel arches are: .*x86/ },
  { name: 'config with a path', inputs: { configs: '../../../etc/passwd' }, message: /input 'configs': "..\/..\/..\/etc\/passwd" is not allowed/ },
  { name: 'config no arch has', inputs: { configs: 'nosuch_defconfig' }, message: /input 'configs': "nosuch_defconfig"/ },
  { name: 'malformed image table', inputs: { 'image-table': '{"select":[{"kernels":"banana","image":"a"}]}' }, message: /input 'image-table': .* its select\[0\]\.kernels is not a semver range/ },
  { name: 'tmpfs size that is not a size', inputs: { 'tmpfs-size': 'lots' }, message: /input 'tmpfs-size': "lots" is not allowed/ },
  { name: 'source that is not a git repo', inputs: { source: '/etc' }, message: /input 'source': "\/etc" is not allowed; it must be a kernel git repository/ },
  {
    name: 'Docker daemon that does not answer',
    inputs: {},
    env: { DOCKER_HOST: 'unix:///var/run/kb-nonexistent.sock' },
    message: /Docker engine does not answer at DOCKER_HOST=unix:\/\/\/var\/run\/kb-nonexistent\.sock/,
  },
  { name: 'image name that is only a prefix of an image id', inputs: { image: 'a' }, message: /image a is not present/ },
  { name: 'image that is not present', inputs: { image: 'kernelbuilder/absent:1' }, message: /image kernelbuilder\/absent:1 is not present.*kernelbuilder images build --only kernelbuilder\/absent:1/ },
  // Hostile input across every input: each named, nothing started, nothing written.
  ...hostile('ref', ['$(touch /tmp/kb-pwned)', '`id`', '../../etc/passwd', 'a..b', '-x', '--exec=sh', 'HEAD~1', 'x'.repeat(10_000), 'a b', 'a;rm -rf /', '@{-1}']),
  ...hostile('arches', ['x86 $(id)', 'x86_64', '../x86', 'X86', 'a'.repeat(10_000)]),
  ...hostile('configs', ['../../.config', '/etc/passwd', 'arch/x86/configs/x', '$(id)', 'defconfig+../../x.config', 'defconfig+CONFIG_X=$(id)', '.hidden', 'c'.repeat(10_000)]),
  ...hostile('image-table', ['{', '{"select":"*"}', '{"select":[{"kernels":">=1","image":"$(id)"}]}', '/etc/shadow-nonexistent', '{"select":[{"kernels":"*","image":"a/b"}],"images":[{"name":"a/b","dockerfile":"/etc/passwd","base":"x"}]}']),
  // Special, huge and secret files: refused by what they are, never read whole, never quoted.
  ...hostile('image-table', ['/dev/zero', '/dev/stdin', '/etc', '/etc/passwd', secretTable, secretField]),
  ...hostile('noise', ['/nonexistent/noise.txt', '/dev/zero', '/dev/stdin', '/etc', backreference, lookaround]),
  ...hostile('baseline', ['/nonexistent/results.json', '/dev/zero', '/dev/stdin', '/etc', '/etc/passwd', notResults]),
  ...hostile('tmpfs-size', ['-1g', '0', '99999999g', '1e9', '60 g', 'lots']),
  ...hostile('target-timeout', ['-5m', '0', '100d', '1.5h', 'forever']),
  ...hostile('memory', ['-1g', '1k', 'all']),
  ...hostile('cpus', ['0', '-2', '1e3', '5000']),
  ...hostile('logs-limit', ['0', '1k', '-1g', 'lots']),
  ...hostile('jobs', ['0', '-1', '99999', 'all']),
  ...hostile('shard', ['0/0', '5/3', '1/0', '0/3', '1/999']),
  ...hostile('tree', ['../up', 'a/b', '.git', 'emails']),
  ...hostile('logs', ['/', '/etc', '/etc/kernelbuilder', '/proc/self', '/usr/share/kb', '/dev/null', '/dev/null/logs']),
  ...hostile('ccache-dir', ['/', '/etc', '/boot/ccache', '/sys/kb', '/dev/null']),
  ...hostile('source', [join(source, 'arch'), join(source, 'arch/x86'), join(source, '.git')]),
  { name: 'a name git would read as describe output', inputs: { ref: 'bogus-g8c0f7a' }, message: /ref "bogus-g8c0f7a" is not in the source repository/ },
  { name: 'more cpus than the engine has', inputs: { cpus: '1024' }, message: /input 'cpus': "1024" is not allowed; the Docker engine has \d+ CPUs/ },
  ...hostile('mode', ['deploy', '$(id)']),
  ...hostile('email-to', ['a@b.c\nBcc: everyone@example.org', 'a@b.c\r\nBcc: everyone@example.org', 'not an address']),
  ...hostile('force', ['yes please']),
  ...hostile('boot', ['yes', 'on', 'x86', 'vax/defconfig', 'x86/$(id)', 'x86/tinyconfig+../../x.config']),
  ...hostile('boot-timeout', ['-5m', '0', '5s', '3h', '100d', 'forever']),
  ...hostile('boot-kvm', ['maybe']),
  ...hostile('keep', ['rootfs', 'kernel,$(id)', '../kernel']),
  // Make variables reach every make: only kbuild's documented checks and flags, plain values (also checked by getInputs in test/unit/make-vars.test.ts).
  ...hostile('make-vars', [...HOSTILE_MAKE_VARS]),
  ...hostile('kcidb-origin', [...HOSTILE_KCIDB_ORIGINS]),
  // The targets to boot must be the plan's; booting needs the kernel kept.
  { name: 'boot of a target not in the plan', inputs: { boot: 'arm64/defconfig' }, message: /input 'boot': "arm64\/defconfig" is not allowed; each target to boot must be one of the plan's/ },
  { name: 'boot without the kernel kept', inputs: { boot: 'all', keep: 'dtbs' }, message: /input 'keep': "dtbs" is not allowed; booting needs the kernel kept/ },
  ...hostile('artifact-retention-days', ['0', '91', '-1']),
  ...hostile('artifact-compression-level', ['10', '-1']),
  // Report mode: a shard's artifact is as hostile as the tree (issue 14).
  ...hostileShard('log path out of the shard', (r) => Object.assign(r.targets[0], { log: '../../../../etc/passwd' }), /field targets\[0\]\.log is not allowed/),
  ...hostileShard('config with a path', (r) => Object.assign(r.targets[0], { config: '../../../../tmp/evil', target: 'x86/../../../../tmp/evil' }), /field targets\[0\]\.config is not allowed/),
  ...hostileShard('log that is a link to a host file', (_r, dir) => {
    rmSync(join(dir, 'x86/tinyconfig.log'));
    symlinkSync('/etc/passwd', join(dir, 'x86/tinyconfig.log'));
  }, /x86\/tinyconfig\.log is a link, not a regular file/),
  ...hostileShard('build id with a newline', (r) => Object.assign(r, { buildId: 'v6.1\nBcc: evil@x.org' }), /field buildId is not allowed/),
];

/**
 * A report-mode case: a downloads folder with one shard of a failed x86/tinyconfig build,
 * spoiled by `spoil` (its results.json data, then its folder). Refused naming the field, nothing written.
 */
function hostileShard(name: string, spoil: (r: BuildResults, dir: string) => void, message: RegExp): { name: string; inputs: Record<string, string>; message: RegExp }[] {
  const downloads = tempDir('downloads');
  const shard = join(downloads, 'kernelbuilder-stable-shard-1of1-logs');
  const results = sampleResults(['x86/tinyconfig'], { result: 'fail' });
  results.targets[0].status = 'fail';
  writeBuildDir(shard, results);
  spoil(results, shard);
  writeFileSync(join(shard, 'results.json'), JSON.stringify(results));
  return [{ name: `report mode: shard with a ${name}`, inputs: { mode: 'report', results: downloads }, message }];
}

/** Cases for one input; the error names it (or the part of it that is bad: a list item, a table entry) and says what is allowed. */
function hostile(input: string, values: string[]): { name: string; inputs: Record<string, string>; message: RegExp }[] {
  return values.map((value) => ({
    name: `${input}=${JSON.stringify(value).slice(0, 40)}`,
    inputs: { [input]: value },
    message: new RegExp(`input '${input}[^']*': ".*" is not allowed; .+`),
  }));
}

for (const c of cases) {
  test(`bad input: ${c.name} fails before any container starts and writes nothing`, () => {
    const logs = join(tempDir('logs'), 'logs');
    const before = ourContainers();
    const run = runAction({ source, ref: 'stable/linux-6.1.y', configs: 'tinyconfig', logs, ...c.inputs }, c.env);
    assert.equal(run.status, 1);
    const error = run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
    assert.match(error, c.message);
    assert.doesNotMatch(error, /\n\s+at /, 'an expected error has no stack trace');
    assert.doesNotMatch(error, new RegExp(`${SECRET}|root:x:0`), "an error names a file, never quotes it");
    assert.equal(ourContainers(), before);
    assert.ok(!existsSync(logs) || readdirSync(logs).length === 0, 'nothing written');
  });
}
