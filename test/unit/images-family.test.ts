// The builder image family, checked from its files: most of it cannot be built here (the
// Gentoo images need a registry, Gentoo's mirrors and GitHub), so what can be read is
// checked for every image of images/table.json: Dockerfile shape, the label contract of
// images/README.md, labels against the compilers installed, the table itself, and a few
// hadolint rules (hadolint cannot be installed here: see scripts/lint-dockerfiles.sh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseImageTable } from '../../src/images/table.ts';
import { selectImage } from '../../src/images/select.ts';
import { parseKernelVersion } from '../../src/ref/kernel-version.ts';
import { FOREIGN_USERLANDS } from '../../src/container/userland.ts';
import { defaultMachineTable } from '../../src/boot/machines.ts';
import {
  aptPackages,
  commands,
  crossdevToolchains,
  instructions,
  keyValues,
  parseDockerfile,
  stageArgs,
  stageLabels,
  substitute,
} from '../support/dockerfile.ts';

const IMAGES = 'images';
const L = 'org.kernelbuilder.';
// Kernel ARCH values (arch/<dir>) an image may declare.
const KERNEL_ARCHES = new Set(['x86', 'arm', 'arm64', 'riscv', 'powerpc', 'mips', 's390', 'sparc', 'loongarch', 'm68k']);
// As src/images/inspect.ts accepts them.
const MAKE_VAR = /^[A-Z_][A-Z0-9_]*=[A-Za-z0-9._\/+-]*$/;

const tableText = readFileSync(join(IMAGES, 'table.json'), 'utf8');
const raw = JSON.parse(tableText) as { images: { name: string; dockerfile: string; base: string; role?: string }[] };

test('images/table.json parses with parseImageTable', () => {
  const table = parseImageTable(tableText, 'image-table', 'images/table.json');
  assert.equal(table.images.length, raw.images.length);
});

const table = parseImageTable(tableText, 'image-table', 'images/table.json');
const isBase = (name: string) => raw.images.find((i) => i.name === name)?.role === 'base';
const isBoot = (name: string) => raw.images.find((i) => i.name === name)?.role === 'boot';
const isBuilder = (name: string) => raw.images.some((i) => i.name === name && i.role === undefined);

/**
 * A builder image as built: its Dockerfile's final stage over the builder of the table it
 * is layered on, if any (the compiler matrix's image adds LLVMs to the gcc-12 image): the
 * labels, apt packages and RUN commands of both, its own winning.
 */
function asBuilt(name: string): { labels: Record<string, string>; apt: string[]; runs: string[][][]; text: string } {
  const spec = table.images.find((i) => i.name === name)!;
  const file = parseDockerfile(readFileSync(join(IMAGES, spec.dockerfile), 'utf8'));
  const last = file.stages[file.stages.length - 1]!;
  const own = {
    labels: stageLabels(file, last),
    apt: aptPackages(file),
    runs: last.instructions.filter((i) => i.keyword === 'RUN').map((i) => commands(i.args)),
    text: readFileSync(join(IMAGES, spec.dockerfile), 'utf8'),
  };
  if (!isBuilder(spec.base)) return own;
  const under = asBuilt(spec.base);
  return { labels: { ...under.labels, ...own.labels }, apt: [...under.apt, ...own.apt], runs: [...under.runs, ...own.runs], text: `${under.text}\n${own.text}` };
}
// The Debian package that has each QEMU system emulator.
const QEMU_PACKAGE: Record<string, string> = {
  'qemu-system-x86_64': 'qemu-system-x86',
  'qemu-system-i386': 'qemu-system-x86',
  'qemu-system-aarch64': 'qemu-system-arm',
  'qemu-system-arm': 'qemu-system-arm',
  'qemu-system-riscv64': 'qemu-system-misc',
  'qemu-system-s390x': 'qemu-system-misc',
  'qemu-system-ppc64': 'qemu-system-ppc',
  'qemu-system-mipsel': 'qemu-system-mips',
};

test('every select rule names a builder image of the table, of the rule\'s toolchain', () => {
  for (const rule of table.select) {
    const spec = table.images.find((i) => i.name === rule.image);
    assert.ok(spec, `${rule.image} is not in images`);
    assert.ok(!isBase(rule.image), `${rule.image} is a base, not a builder`);
    assert.ok(!isBoot(rule.image), `${rule.image} is a boot image, not a builder`);
    const path = join(IMAGES, spec.dockerfile);
    if (!existsSync(path)) continue;
    const { labels, apt } = asBuilt(spec.name);
    if (rule.compilers) {
      // A matrix rule's compilers are the image's, each installed: clang-N with its lld and LLVM.
      const held = (labels[`${L}compilers`] ?? '').split(/\s+/).filter(Boolean);
      assert.deepEqual(held, Object.keys(rule.compilers), `the rule's compilers are ${rule.image}'s compilers label`);
      for (const c of held.filter((x) => x.startsWith('clang-'))) {
        const v = c.slice('clang-'.length);
        for (const pkg of [`clang-${v}`, `lld-${v}`, `llvm-${v}`]) assert.ok(apt.includes(pkg), `${c}: ${rule.image} installs no ${pkg}`);
      }
      assert.equal(labels[`${L}toolchain`], 'gcc', 'a matrix image builds with GCC when no compiler is named');
      continue;
    }
    assert.equal(labels[`${L}toolchain`], rule.toolchain, `a ${rule.toolchain} rule chooses ${rule.image}, a ${labels[`${L}toolchain`]} image`);
  }
});

test('the toolchain input: clang builds 5.10-6.14 with the clang image; gcc choices are the default table\'s', () => {
  assert.equal(selectImage(table, parseKernelVersion('6.1.192')!, undefined, 'clang').image, 'kernelbuilder/clang');
  assert.equal(selectImage(table, parseKernelVersion('5.10.223')!, undefined, 'clang').image, 'kernelbuilder/clang');
  assert.throws(() => selectImage(table, parseKernelVersion('4.19.325')!, undefined, 'clang'), /no clang rule/);
  assert.throws(() => selectImage(table, parseKernelVersion('6.15')!, undefined, 'clang'), /no clang rule/);
  assert.equal(selectImage(table, parseKernelVersion('5.10.223')!).image, 'kernelbuilder/gcc-12');
  assert.equal(selectImage(table, parseKernelVersion('4.14.336')!).image, 'kernelbuilder/gcc-7.3');
});

test('image names are unique and roles are known', () => {
  const names = table.images.map((i) => i.name);
  assert.deepEqual([...new Set(names)], names);
  for (const img of raw.images) assert.ok(img.role === undefined || img.role === 'base' || img.role === 'boot', `${img.name}: role ${img.role}`);
});

test('every Dockerfile under images/ is an image of the table', () => {
  const listed = new Set(table.images.map((i) => i.dockerfile));
  const files = walk(IMAGES).filter((f) => /(^|\/)Dockerfile(\.[\w-]+)?$/.test(f));
  assert.ok(files.length > 0);
  for (const f of files) assert.ok(listed.has(f), `${f} is in no image of images/table.json`);
});

for (const spec of table.images) {
  const path = join(IMAGES, spec.dockerfile);
  const role = isBase(spec.name) ? 'base' : isBoot(spec.name) ? 'boot' : 'builder';

  test(`${spec.name}: ${spec.dockerfile} exists`, () => {
    assert.ok(existsSync(path), `${path} is missing`);
  });
  if (!existsSync(path)) continue;
  const text = readFileSync(path, 'utf8');
  const file = parseDockerfile(text);
  const last = file.stages[file.stages.length - 1]!;

  test(`${spec.name}: ARG BASE before the first FROM, and FROM \${BASE}`, () => {
    assert.ok('BASE' in file.globalArgs, 'no ARG BASE before the first FROM');
    const def = file.globalArgs.BASE;
    assert.ok(def, 'ARG BASE needs a registry default, so the file builds as it is for users');
    assert.ok(file.stages.length > 0, 'no FROM');
    assert.equal(file.stages[0]!.from, '${BASE}');
    // The table's base is the Dockerfile's default, or another image of the table built first.
    const ownBase = spec.base === def;
    const builtBase = table.images.findIndex((i) => i.name === spec.base);
    assert.ok(ownBase || builtBase >= 0, `table base ${spec.base} is neither ARG BASE's default ${def} nor an image of the table`);
    if (builtBase >= 0) {
      assert.ok(builtBase < table.images.indexOf(spec), `${spec.base} must come before ${spec.name}: images build in table order`);
      // A builder may be layered on another (what it adds is checked as built, asBuilt).
      assert.ok(isBase(spec.base) || (isBuilder(spec.base) && isBuilder(spec.name)), `${spec.base} is used as a base: give it "role": "base"`);
    }
    // A registry default names its tag: "latest" moves under the labels (hadolint DL3006/DL3007).
    if (!def.startsWith('kernelbuilder/')) assert.match(def, /:[\w][\w.-]*$/, `ARG BASE=${def} has no tag`);
    assert.doesNotMatch(def, /:latest$/, `ARG BASE=${def}: pin a tag, not latest`);
  });

  test(`${spec.name}: COPY sources are in images/ (the build context)`, () => {
    for (const ins of file.all.filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD')) {
      assert.equal(ins.keyword, 'COPY', `line ${ins.line}: use COPY, not ADD (hadolint DL3020)`);
      const words = ins.args.split(/\s+/);
      if (words.some((w) => w.startsWith('--from='))) continue;
      const sources = words.filter((w) => !w.startsWith('--')).slice(0, -1);
      for (const s of sources) assert.ok(existsSync(join(IMAGES, s)), `line ${ins.line}: ${s} is not under images/`);
    }
  });

  test(`${spec.name}: hadolint-style rules`, () => {
    for (const ins of file.all) {
      const at = `${spec.dockerfile}:${ins.line}`;
      assert.notEqual(ins.keyword, 'MAINTAINER', `${at}: MAINTAINER is deprecated (DL4000)`);
      if (ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT') assert.match(ins.args, /^\[/, `${at}: JSON form (DL3025)`);
      if (ins.keyword !== 'RUN') continue;
      const cmds = commands(ins.args);
      for (const words of cmds) {
        assert.ok(!words.includes('sudo'), `${at}: no sudo (DL3004)`);
        assert.notEqual(words[0], 'cd', `${at}: use WORKDIR, not cd (DL3003)`);
        assert.notEqual(words[0], 'apt', `${at}: apt-get, not apt (DL3027)`);
        if (words.includes('apt-get') && words.includes('install')) {
          assert.ok(words.includes('-y') || words.includes('--yes'), `${at}: apt-get install -y (DL3014)`);
          assert.ok(words.includes('--no-install-recommends'), `${at}: --no-install-recommends (DL3015)`);
        }
      }
      if (/apt-get\s+update/.test(ins.args)) {
        assert.match(ins.args, /rm -rf \/var\/lib\/apt\/lists\/\*/, `${at}: remove the apt lists in the same RUN (DL3009)`);
      }
      // A pipe hides the failure of its first command unless pipefail is on (DL4006).
      if (/[^|]\|[^|]/.test(ins.args)) {
        const shell = file.all.filter((i) => i.keyword === 'SHELL' && i.line < ins.line).pop();
        assert.ok(
          /pipefail/.test(ins.args) || (shell && /pipefail/.test(shell.args)),
          `${at}: a RUN with a pipe needs SHELL [..., "-o", "pipefail", ...] or set -o pipefail (DL4006)`,
        );
      }
    }
  });

  if (role === 'base') {
    test(`${spec.name}: a base says so and is a base of some builder`, () => {
      assert.equal(stageLabels(file, last)[`${L}role`], 'base');
      assert.ok(table.images.some((i) => i.base === spec.name), `no image of the table builds FROM ${spec.name}`);
    });
    continue;
  }

  if (role === 'boot') {
    test(`${spec.name}: a boot image says so, boots every machine of src/boot/machines.json and has their emulators and firmware`, () => {
      const labels = stageLabels(file, last);
      assert.equal(labels[`${L}role`], 'boot');
      assert.equal(labels[`${L}arches`], undefined, 'a boot image builds no arch');
      const boots = (labels[`${L}boots`] ?? '').split(/\s+/).filter(Boolean);
      assert.deepEqual([...boots].sort(), defaultMachineTable.machines.map((m) => m.name).sort(), 'boots names exactly the machines of the table');
      const apt = aptPackages(file);
      for (const m of defaultMachineTable.machines) {
        const pkg = QEMU_PACKAGE[m.qemu];
        assert.ok(pkg && apt.includes(pkg), `${m.name} runs ${m.qemu}: install its package (${pkg ?? 'unknown'})`);
        if (m.args.some((a) => a.includes('/opensbi/'))) assert.ok(apt.includes('opensbi'), `${m.name} boots Debian's OpenSBI: install opensbi`);
      }
    });
    test(`${spec.name}: ends as USER build, uid 1001`, () => {
      assert.equal(last.instructions.filter((i) => i.keyword === 'USER').pop()?.args, 'build');
      assert.ok(last.instructions.some((i) => i.keyword === 'RUN' && commands(i.args).some((w) => w[0] === 'useradd' && hasOption(w, '--uid', '1001'))));
    });
    continue;
  }

  const built = asBuilt(spec.name);
  const labels = built.labels;
  const arches = (labels[`${L}arches`] ?? '').split(/\s+/).filter(Boolean);
  const cross = new Map(
    Object.entries(labels)
      .filter(([k]) => k.startsWith(`${L}cross.`))
      .map(([k, v]) => [k.slice(`${L}cross.`.length), v]),
  );

  test(`${spec.name}: ends as USER build, uid 1001`, () => {
    const users = last.instructions.filter((i) => i.keyword === 'USER');
    assert.equal(users.pop()?.args, 'build', 'the last USER must be build');
    const useradd = built.runs.some((cmds) => cmds.some((w) => w[0] === 'useradd' && hasOption(w, '--uid', '1001') && w[w.length - 1] === 'build'));
    assert.ok(useradd, 'no `useradd --uid 1001 ... build` in the final stage (or in the builder it is layered on)');
  });

  test(`${spec.name}: declares the label contract`, () => {
    assert.match(labels[`${L}toolchain`] ?? '', /^(gcc|clang)$/);
    assert.match(labels[`${L}toolchain-version`] ?? '', /^\d+(\.\d+)*$/, 'toolchain-version is a version number (an ARG it names must have a default)');
    assert.ok(arches.length > 0, 'arches is empty');
    assert.deepEqual([...new Set(arches)], arches, 'arches repeats an arch');
    for (const a of arches) assert.ok(KERNEL_ARCHES.has(a), `${a} is not a kernel ARCH value`);
    assert.equal(labels[`${L}role`], undefined, 'a builder has no role label');
    const makeVars = (labels[`${L}make-vars`] ?? '').split(/\s+/).filter(Boolean);
    for (const v of makeVars) assert.match(v, MAKE_VAR);
    if (labels[`${L}toolchain`] === 'clang') assert.ok(makeVars.includes('LLVM=1'), 'a clang image builds with LLVM=1');
    else assert.ok(!makeVars.some((v) => v.startsWith('LLVM')), 'a gcc image asks for no LLVM');
  });

  test(`${spec.name}: declares its userland when it is not the host's own, so the engine checks the host first`, () => {
    const userland = labels[`${L}userland`];
    // The seed's x32 images are the ones built on the x32 stage3.
    const onX32 = spec.base === 'kernelbuilder/gentoo-stage3-x32';
    assert.equal(userland, onX32 ? 'x32' : undefined);
    if (userland !== undefined) assert.ok(FOREIGN_USERLANDS.includes(userland), `userland ${userland} is one the engine knows how to check`);
  });

  test(`${spec.name}: a cross label for each arch, and only for those`, () => {
    assert.deepEqual([...cross.keys()].sort(), [...arches].sort());
    for (const [arch, prefix] of cross) {
      if (prefix !== '') assert.match(prefix, /^[a-z0-9_]+(-[a-z0-9_]+)+-$/, `cross.${arch}: a tuple ending in "-"`);
    }
  });

  test(`${spec.name}: cross prefixes match the compilers installed`, () => {
    const scope = stageArgs(file, last);
    const toolchain = labels[`${L}toolchain`]!;
    const version = labels[`${L}toolchain-version`]!;
    const apt = built.apt;
    const crossdev = crossdevToolchains(file).map((c) => ({ version: substitute(c.version, scope), tuples: c.tuples }));
    const installed = new Set<string>();
    for (const p of apt) {
      const m = /^(?:gcc(?:-(\d+))?|binutils)-([a-z0-9_]+-linux-gnu\w*)$/.exec(p);
      if (!m) continue;
      installed.add(m[2]!);
      if (m[1]) assert.equal(m[1], version, `${p} is not GCC ${version}`);
    }
    for (const c of crossdev) {
      for (const t of c.tuples) installed.add(t);
      const v = c.version.replace(/^[=<>~]+|\*$/g, '');
      assert.ok(v === version || v.startsWith(`${version}.`), `crossdev builds GCC ${c.version}, labels say ${version}`);
    }
    for (const [arch, prefix] of cross) {
      if (prefix === '') {
        const native = toolchain === 'clang'
          ? apt.includes('clang')
          : apt.some((p) => p === 'gcc' || p === `gcc-${version}`) || /kb-gentoo\.sh native-gcc/.test(text);
        assert.ok(native, `cross.${arch} is native but no native ${toolchain} ${version} is installed`);
        continue;
      }
      const tuple = prefix.slice(0, -1);
      if (toolchain === 'clang') {
        assert.ok(apt.includes(`binutils-${tuple}`), `cross.${arch}=${prefix}: clang gets its target from it; binutils-${tuple} should back it`);
      } else {
        const byApt = apt.includes(`gcc-${tuple}`) || apt.includes(`gcc-${version}-${tuple}`);
        const byCrossdev = crossdev.some((c) => c.tuples.includes(tuple));
        assert.ok(byApt || byCrossdev, `cross.${arch}=${prefix}: no gcc-${tuple} package and no crossdev toolchain for ${tuple}`);
      }
    }
    // And no toolchain is installed that no label names.
    const named = new Set([...cross.values()].filter(Boolean).map((p) => p.slice(0, -1)));
    for (const t of installed) assert.ok(named.has(t), `a toolchain for ${t} is installed but no cross label names it`);
    // Versioned Debian cross compilers need their unversioned names for CROSS_COMPILE.
    for (const p of apt) {
      const m = /^gcc-(\d+)-([a-z0-9_]+-linux-gnu\w*)$/.exec(p);
      if (m) assert.match(text, new RegExp(`ln -s[^\\n]*\\$triple-\\$tool-${m[1]}|ln -s[^\\n]*${m[2]}-gcc-${m[1]}`), `${p}: no ${m[2]}-gcc -> ${m[2]}-gcc-${m[1]} link`);
    }
  });
}

test('the Dockerfile reader: continuations, comments, labels with ARG values', () => {
  const file = parseDockerfile(
    [
      '# top comment',
      'ARG BASE=debian:bookworm-slim',
      'FROM ${BASE} AS one',
      'ARG V=14',
      'RUN apt-get update \\',
      '# a comment inside a continuation',
      ' && apt-get install -y --no-install-recommends gcc-14-aarch64-linux-gnu make \\',
      ' && rm -rf /var/lib/apt/lists/*',
      'LABEL a="x y" b=${V} \\',
      '      c=""',
      'FROM scratch',
    ].join('\n'),
  );
  assert.equal(file.globalArgs.BASE, 'debian:bookworm-slim');
  assert.equal(file.stages.length, 2);
  assert.equal(file.stages[0]!.from, '${BASE}');
  assert.equal(file.stages[0]!.alias, 'one');
  assert.deepEqual(aptPackages(file), ['gcc-14-aarch64-linux-gnu', 'make']);
  assert.deepEqual(stageLabels(file, file.stages[0]!), { a: 'x y', b: '14', c: '' });
  assert.equal(instructions('RUN a \\\n  b').at(0)?.args, 'a b');
  assert.throws(() => keyValues('a="unterminated'), /cannot read/);
  assert.deepEqual(crossdevToolchains(parseDockerfile('FROM x\nRUN kb-gentoo.sh crossdev "7.3.0" a-b-c d-e-f && crossdev -t g-h-i --gcc =8*')), [
    { version: '7.3.0', tuples: ['a-b-c', 'd-e-f'] },
    { version: '=8*', tuples: ['g-h-i'] },
  ]);
});

function hasOption(words: string[], name: string, value: string): boolean {
  return words.some((w, i) => w === `${name}=${value}` || (w === name && words[i + 1] === value));
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? walk(path) : [relative(IMAGES, path)];
  });
}
