import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/entry/cli.ts';
import { COMMANDS, commandHelp, nearest } from '../../src/entry/cli-options.ts';
import { Input } from '../../src/constants.ts';
import { makeTinyTree } from '../support/tiny-tree.ts';
import { sampleResults, writeBuildDir } from '../support/results-fixture.ts';

// The real driver folder: plans read the fragments kernelbuilder ships from it.
const paths = { driverDir: fileURLToPath(new URL('../../src/driver/', import.meta.url)), imagesDir: '/nonexistent/images' };

/** Run the CLI in this process, with its output captured. */
async function cli(...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(argv, paths, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { status, stdout, stderr };
}

const scratch = mkdtempSync(join(tmpdir(), 'kb-cli-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const aFile = join(scratch, 'a-file');
writeFileSync(aFile, 'not a folder\n');
const source = makeTinyTree({ version: '6.1.0', arches: { x86: [] } });
process.on('exit', () => rmSync(source, { recursive: true, force: true }));

for (const command of COMMANDS) {
  for (const flag of ['--help', '-h']) {
    test(`${command.name} ${flag}: its usage and every option on stdout, exit 0`, async () => {
      const run = await cli(...command.name.split(' '), flag);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stderr, '');
      assert.ok(run.stdout.startsWith(`usage: ${command.usage}\n`));
      for (const name of Object.keys(command.options)) assert.match(run.stdout, new RegExp(`^  --${name} `, 'm'), `--${name}`);
    });
  }
}

test('every input is an option of some subcommand, with a line of help (mode only is the subcommands themselves)', () => {
  const helps = COMMANDS.map(commandHelp).join('\n');
  for (const name of Object.values(Input).filter((n) => n !== Input.mode)) assert.match(helps, new RegExp(`^  --${name} \\S+ +\\S`, 'm'), name);
  for (const c of ['plan', 'build']) {
    const options = Object.keys(COMMANDS.find((x) => x.name === c)!.options);
    for (const name of [Input.toolchain, Input.shard, Input.targets, Input.upload]) assert.ok(options.includes(name), `${c} --${name}`);
  }
});

test('--version prints package.json\'s version; --help and help list the commands', async () => {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  for (const flag of ['--version', '-V']) assert.deepEqual(await cli(flag), { status: 0, stdout: `kernelbuilder ${version}\n`, stderr: '' });
  for (const argv of [['--help'], ['-h'], ['help']]) {
    const run = await cli(...argv);
    assert.equal(run.status, 0);
    for (const c of COMMANDS) assert.match(run.stdout, new RegExp(`^  ${c.name} `, 'm'));
  }
  assert.equal((await cli('help', 'merge')).stdout, `${commandHelp(COMMANDS.find((c) => c.name === 'merge')!)}\n`);
  const none = await cli();
  assert.equal(none.status, 2, 'no command is a usage mistake');
  assert.match(none.stderr, /usage: kernelbuilder COMMAND/);
});

test('images --help, -h and help images list the images commands on stdout; images alone is a usage mistake', async () => {
  for (const argv of [['images', '--help'], ['images', '-h'], ['help', 'images']]) {
    const run = await cli(...argv);
    assert.equal(run.status, 0, `${argv.join(' ')}: ${run.stderr}`);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /^usage: kernelbuilder images COMMAND/);
    for (const c of COMMANDS.filter((x) => x.name.startsWith('images '))) assert.match(run.stdout, new RegExp(`^  ${c.name} +${c.summary.slice(0, 20)}`, 'm'));
    assert.doesNotMatch(run.stdout, /^  plan /m, 'only the group');
  }
  const alone = await cli('images');
  assert.equal(alone.status, 2);
  assert.equal(alone.stdout, '');
  assert.match(alone.stderr, /^usage: kernelbuilder images COMMAND/);
});

test('nearest: a slip gets the option it meant, nonsense gets nothing', () => {
  assert.equal(nearest('arch', ['arches', 'configs', 'logs']), 'arches');
  assert.equal(nearest('config', ['arches', 'configs']), 'configs');
  assert.equal(nearest('log', ['logs', 'logs-limit']), 'logs');
  assert.equal(nearest('zzzzzz', ['arches', 'configs']), undefined);
});

// Usage and input mistakes: a message naming what is wrong, exit 2, never a stack trace.
const mistakes: { name: string; argv: () => string[]; message: RegExp }[] = [
  { name: 'plan --arch suggests --arches', argv: () => ['plan', '--source', source, '--arch', 'x86'], message: /kernelbuilder: plan: unknown option "--arch"; did you mean --arches\?/ },
  { name: 'build --bogus', argv: () => ['build', '--source', '/x', '--bogus', 'y'], message: /unknown option "--bogus".*kernelbuilder build --help/ },
  { name: 'report with an unknown option', argv: () => ['report', scratch, '--nosie', 'x'], message: /kernelbuilder: report: unknown option "--nosie"; did you mean --noise\?/ },
  { name: 'images build with an unknown option', argv: () => ['images', 'build', '--onyl', 'x'], message: /kernelbuilder: images build: unknown option "--onyl"; did you mean --only\?/ },
  { name: 'an unknown command', argv: () => ['biuld'], message: /unknown command "biuld"; did you mean build\?/ },
  { name: 'images build --base $(id)', argv: () => ['images', 'build', '--base', '$(id)'], message: /input 'base': "\$\(id\)" is not allowed; it is \[FROM=\]IMAGE, Docker image references/ },
  { name: 'images build --base FROM=$(id)', argv: () => ['images', 'build', '--base', 'debian:bookworm-slim=$(id)'], message: /input 'base': "debian:bookworm-slim=\$\(id\)" is not allowed; it is \[FROM=\]IMAGE/ },
  { name: 'images build --base of a base no image has', argv: () => ['images', 'build', '--base', 'debian:sid=local/sid'], message: /input 'base': "debian:sid=local\/sid" is not allowed; it replaces debian:sid, the base of no image chosen; their bases: debian:bookworm-slim / },
  { name: 'images build --base no chosen image uses', argv: () => ['images', 'build', '--only', 'kernelbuilder/gcc-9', '--base', 'local/bookworm'], message: /input 'base': "local\/bookworm" is not allowed; it replaces debian:bookworm-slim \(a plain IMAGE\), the base of no image chosen; their bases: debian:bullseye-slim$/m },
  { name: 'images build --only an image not in the table', argv: () => ['images', 'build', '--only', 'gcc-12'], message: /input 'only': "gcc-12" is not allowed; it must name an image of the table: kernelbuilder\/gcc-12 / },
  { name: 'matrix --ref and --refs', argv: () => ['matrix', '--source', source, '--ref', 'master', '--refs', 'v6.1'], message: /input 'ref': "master" is not allowed; give refs or ref, not both/ },
  { name: 'plan --arches the tree lacks', argv: () => ['plan', '--source', source, '--ref', 'master', '--arches', 'sparc'], message: /input 'arches': "sparc" is not allowed; Linux 6\.1\.0 has no arch\/ of it; its arches are x86$/m },
  { name: 'report without its folder', argv: () => ['report'], message: /kernelbuilder: report takes 1 operand, got 0/ },
  { name: 'report of a {} results.json', argv: () => ['report', withResults('{}')], message: /results\.json: field schema is not allowed; it is 1 in a results\.json of kernelbuilder/ },
  { name: 'report --noise of a missing file', argv: () => ['report', withResults('{}'), '--noise', '/nonexistent/noise'], message: /input 'noise': "\/nonexistent\/noise" is not allowed/ },
  { name: 'merge --results that is a file', argv: () => ['merge', '--results', aFile, '--logs', join(scratch, 'out')], message: /input 'results': ".*a-file" is not allowed/ },
  { name: 'merge --results that is a link to itself', argv: () => ['merge', '--results', selfLink(), '--logs', join(scratch, 'out')], message: /input 'results': ".*self" is not allowed/ },
  { name: 'merge --results holding only link loops', argv: () => ['merge', '--results', linkLoops(), '--logs', join(scratch, 'out')], message: /no kernelbuilder results\.json below .*loops-/ },
  { name: 'merge --logs that is a file', argv: () => ['merge', '--results', scratch, '--logs', aFile], message: /input 'logs': ".*a-file" is not allowed; .*a-file is not a folder/ },
  { name: 'plan --logs below a file', argv: () => ['plan', '--source', source, '--ref', 'master', '--logs', join(aFile, 'logs')], message: /input 'logs': .* is not allowed; .*a-file is not a folder/ },
  { name: 'plan --logs /', argv: () => ['plan', '--source', source, '--ref', 'master', '--logs', '/'], message: /input 'logs': "\/" is not allowed; it is the root folder/ },
  { name: 'plan --logs /etc', argv: () => ['plan', '--source', source, '--ref', 'master', '--logs', '/etc'], message: /input 'logs': "\/etc" is not allowed; it is in the system folder \/etc/ },
  { name: 'plan --logs through a link into /usr', argv: () => ['plan', '--source', source, '--ref', 'master', '--logs', join(linkTo('/usr'), 'kb')], message: /input 'logs': .* is not allowed; it is in the system folder \/usr \(through a link: \/usr\/kb\)/ },
  { name: 'plan --ccache-dir /etc', argv: () => ['plan', '--source', source, '--ref', 'master', '--ccache-dir', '/etc/kb'], message: /input 'ccache-dir': "\/etc\/kb" is not allowed; it is in the system folder \/etc/ },
  { name: 'plan --tree emails', argv: () => ['plan', '--source', source, '--ref', 'master', '--tree', 'emails'], message: /input 'tree': "emails" is not allowed; it names a folder the logs root keeps for itself/ },
  { name: 'plan --ref bogus-g<sha>', argv: () => ['plan', '--source', source, '--ref', 'bogus-g0123abc'], message: /ref "bogus-g0123abc" is not in the source repository/ },
  { name: 'plan --source a subfolder', argv: () => ['plan', '--source', join(source, 'arch'), '--ref', 'master'], message: /input 'source': .* is not allowed; it is a folder inside the repository at / },
  { name: 'matrix: a bad refs line blames refs', argv: () => ['matrix', '--source', source, '--refs', 'master\n$(id)'], message: /input 'refs': "\$\(id\)" is not allowed/ },
  { name: 'matrix: 300 refs blame refs, not shards', argv: () => ['matrix', '--source', source, '--refs', Array.from({ length: 300 }, (_, i) => `r${i}`).join('\n')], message: /input 'refs': "300 refs" is not allowed; a matrix holds 256 jobs/ },
  { name: 'matrix: refs × shards past 256 blames shards', argv: () => ['matrix', '--source', source, '--refs', 'a b c', '--shards', '100'], message: /input 'shards': "100" is not allowed; 3 refs × 100 shards/ },
  { name: 'matrix: a bad shards is found before any ref is resolved', argv: () => ['matrix', '--source', source, '--refs', 'nosuch/ref', '--shards', 'many'], message: /input 'shards': "many" is not allowed/ },
  { name: 'matrix: a bad input is found before any ref is resolved', argv: () => ['matrix', '--source', source, '--refs', 'nosuch/ref', '--arches', 'vax'], message: /input 'arches': "vax" is not allowed/ },
];

function withResults(text: string): string {
  const dir = mkdtempSync(join(scratch, 'build-'));
  writeFileSync(join(dir, 'results.json'), text);
  return dir;
}

function selfLink(): string {
  const link = join(mkdtempSync(join(scratch, 'self-')), 'self');
  symlinkSync(link, link);
  return link;
}

/** A folder of links that go round: to itself, to each other, to its parent. */
function linkLoops(): string {
  const dir = mkdtempSync(join(scratch, 'loops-'));
  symlinkSync('a', join(dir, 'a'));
  symlinkSync('c', join(dir, 'b'));
  symlinkSync('b', join(dir, 'c'));
  symlinkSync('.', join(dir, 'here'));
  symlinkSync('..', join(dir, 'up'));
  return dir;
}

function linkTo(target: string): string {
  const link = join(mkdtempSync(join(scratch, 'link-')), 'l');
  symlinkSync(target, link);
  return link;
}

for (const m of mistakes) {
  test(`mistake: ${m.name}: exit 2, named, no stack`, async () => {
    const run = await cli(...m.argv());
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, m.message);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(run.stdout, '');
  });
}

test('plan reports what a build would stop at beside the plan: a source the build user cannot read', async (t) => {
  if (process.getuid!() !== 0) return t.skip('the build user differs from the runner only when the runner is root');
  const tree = makeTinyTree({ version: '6.1.0', arches: { x86: [] } });
  t.after(() => rmSync(tree, { recursive: true, force: true }));
  chmodSync(tree, 0o700);
  const run = await cli('plan', '--source', tree, '--ref', 'HEAD', '--arches', 'x86', '--logs', join(scratch, 'plan-logs'));
  assert.equal(run.status, 0, run.stderr);
  const out = JSON.parse(run.stdout) as { plan: { ref: { kind: string } }; sourceProblem?: string };
  assert.equal(out.plan.ref.kind, 'head');
  assert.match(out.sourceProblem ?? '', /input 'source': .* the build runs as uid \d+, which cannot read/);
});

test('merge makes the merged folder afresh (a link left there is gone, what it points at untouched) and warns of what a shard held beyond the layout', async () => {
  const results = mkdtempSync(join(scratch, 'merge-results-'));
  const shard = join(results, 'kernelbuilder-stable-v6.1.192-shard-1of1-logs');
  writeBuildDir(shard, sampleResults(['x86/tinyconfig']));
  writeFileSync(join(shard, 'x86', 'planted.html'), '<script></script>');
  const logs = mkdtempSync(join(scratch, 'merge-logs-'));
  const merged = join(logs, 'stable', 'v6.1.192');
  mkdirSync(join(merged, 'x86'), { recursive: true });
  symlinkSync(aFile, join(merged, 'x86', 'tinyconfig.status'));
  const before = readFileSync(aFile, 'utf8');
  const run = await cli('merge', '--results', results, '--logs', logs);
  assert.equal(run.status, 0, run.stderr);
  assert.ok(!existsSync(join(merged, 'x86', 'tinyconfig.status')));
  assert.equal(readFileSync(aFile, 'utf8'), before);
  assert.match(run.stderr, /warning: left out of .*: "x86\/planted\.html"/);
  assert.deepEqual(readdirSync(logs).filter((n) => n.startsWith('.')), [], 'what was moved aside is removed');
});
