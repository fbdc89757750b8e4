import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_FILES, CCACHE_STATS, CHECKPATCH_FILE, KEPT_FILES, KUNIT_CONSOLE, KUNIT_STATUS_FILE, MAX_TEST_RETRIES, MEMORY_PEAK_FILE, SIZES_FILE, TOOLCHAINS_FILE, buildDir, emailsDir, targetFiles, targetPaths, treeDir, treeDirOf } from '../../src/logs-layout.ts';
import { prepareLogsDir } from '../../src/logs-dir.ts';
import { INITRAMFS_FILE } from '../../src/boot/boot-spec.ts';
import { tempDir } from '../support/temp-dir.ts';

const DRIVER = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/driver');
const driverScript = (name: string) => readFileSync(join(DRIVER, name), 'utf8');

test('a build folder is <logs>/<tree>/<build id>, each name made one safe folder', () => {
  assert.equal(buildDir('/l', 'linux', 'v6.9-rc1-3-gabc'), '/l/linux/v6.9-rc1-3-gabc');
  assert.equal(buildDir('/l', 'my/tree', '../x'), '/l/my_tree/__x');
  assert.equal(treeDirOf(buildDir('/l', 'linux', 'v6.9')), treeDir('/l', 'linux'));
  assert.equal(emailsDir('/l'), '/l/emails');
});

test("prepareLogsDir removes every file an earlier run of the build left for its targets, the reproducer included, and the build's own", () => {
  const dir = tempDir('prepare');
  const t = { arch: 'x86', config: 'tinyconfig' };
  const other = targetPaths('arm64', 'defconfig');
  const stale = [...Object.values(targetPaths(t.arch, t.config)).flat().filter((p) => p !== targetPaths(t.arch, t.config).kept), ...targetFiles(t.arch, t.config), ...BUILD_FILES];
  for (const file of [...stale, other.log, other.reproducer]) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), 'from the earlier run');
  }
  prepareLogsDir(dir, [t]);
  assert.deepEqual(stale.filter((f) => existsSync(join(dir, f))), [], 'nothing of the earlier run of x86/tinyconfig is left');
  assert.ok(existsSync(join(dir, other.log)) && existsSync(join(dir, other.reproducer)), "a target this run does not build keeps its files");
});

test('the driver writes the per-target files where the layout names them', () => {
  const paths = targetPaths('$arch', '$config');
  const target = driverScript('target.sh');
  // The build folder is /logs, or a bisect step's folder (KB_LOGS) laid out the same way.
  assert.match(target, /^logs=\$\{KB_LOGS:-\/logs\}$/m, 'target.sh writes under /logs unless a bisect says where');
  for (const file of [paths.log, paths.status, paths.dotConfig]) assert.ok(target.includes(`$logs/${file}`), `target.sh writes /logs/${file}`);
  const install = driverScript('install.sh');
  assert.match(install, new RegExp(`^kept=\\$\\{KB_LOGS:-/logs\\}/${paths.kept.replace(/\$/g, '\\$')}$`, 'm'), 'install.sh keeps into /logs/<arch>/<config>');
  for (const file of KEPT_FILES) {
    // The boot image is copied by its path in the object folder (the ELF kernel at its top), under its own name.
    assert.ok(
      install.includes(`"$kept/${file}"`) || new RegExp(`arch/[$a-z0-9]+/boot/${file.replace('.', '\\.')}\\b`).test(install) || install.includes(`images=(${file})`),
      `install.sh keeps ${file}`,
    );
  }
  assert.ok(install.includes(`"$kept/${SIZES_FILE}"`), `install.sh writes ${SIZES_FILE}`);
  // KUnit's runs, in the kept folder, which target.sh hands to kunit-uml.sh.
  assert.ok(target.includes(`kunit-uml.sh" "$out" "$logs/${paths.kept}"`), 'target.sh runs KUnit into the kept folder');
  const kunit = driverScript('kunit-uml.sh');
  assert.ok(kunit.includes(`console=$kept/${KUNIT_CONSOLE(1).replace('1', '$run')}`), `kunit-uml.sh writes ${KUNIT_CONSOLE(1)}, ${KUNIT_CONSOLE(2)}, ...`);
  assert.ok(kunit.includes(`"$kept/${KUNIT_STATUS_FILE}"`), `kunit-uml.sh writes ${KUNIT_STATUS_FILE}`);
  assert.equal(paths.kunitConsoles.length, MAX_TEST_RETRIES + 1);
});

test("the driver writes the build's own files where the layout names them", () => {
  const driver = driverScript('driver.sh');
  for (const file of [TOOLCHAINS_FILE, CCACHE_STATS.before, CCACHE_STATS.after, MEMORY_PEAK_FILE]) assert.ok(driver.includes(`>/logs/${file}`), `driver.sh writes /logs/${file}`);
});

test("a series step's checkpatch output is where the layout names it", () => {
  assert.ok(driverScript('bisect.sh').includes(`>"$step_dir/${CHECKPATCH_FILE}"`), `bisect.sh writes ${CHECKPATCH_FILE} in the step's folder`);
});

test("the boot's init is a kept file, as the layout names them", () => {
  assert.ok((KEPT_FILES as readonly string[]).includes(INITRAMFS_FILE));
});
