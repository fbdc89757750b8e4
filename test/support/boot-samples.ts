import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/entry/cli.ts';
import { type BuildResults } from '../../src/types/results.ts';
import { tempDir } from './temp-dir.ts';

/** A kept folder of a real built kernel: its boot image, initramfs.cpio and its .config (as `config`). */
export interface BootSample {
  /** Kernel ARCH, the folder's name. */
  arch: string;
  dir: string;
  dotConfig: string;
}

/** The variable that points the boot tests at real kernels of one's own: a folder with one kept folder per arch (`x86/`, `arm64/`, `riscv/`). */
export const BOOT_SAMPLES_VAR = 'KB_BOOT_SAMPLES';

/** The real kernel repository the samples are built from when none are given (scripts/test.sh sets it). */
export const KERNEL_REPO_VAR = 'KB_KERNEL_REPO';

/** What the samples are built from: the 6.1 tree's stable branch, x86_64 only, the smallest config that boots. */
const SAMPLE_REF = 'stable/linux-6.1.y';
const SAMPLE_ARCH = 'x86';
const SAMPLE_CONFIG = 'tinyconfig+kb-boot.config';

/**
 * The real kernels the boot tests boot: the arches known now (to name the tests) and how
 * to get them (in a test, not at load: a run that picks other tests builds nothing). From
 * $KB_BOOT_SAMPLES/<arch>/ when set; else built once by kernelbuilder itself from
 * $KB_KERNEL_REPO and kept under $KB_WORK, reused by every later run of the same tree and
 * boot files; else a reason to skip.
 */
export function bootSamples(env = process.env): { arches: string[]; load: () => Promise<BootSample[]> } | { skip: string } {
  const root = env[BOOT_SAMPLES_VAR];
  if (root) {
    if (!existsSync(root) || !statSync(root).isDirectory()) return { skip: `${BOOT_SAMPLES_VAR}=${root} is not a folder` };
    const samples = samplesIn(root);
    if (samples.length === 0) return { skip: `${BOOT_SAMPLES_VAR}=${root} has no <arch>/ folder with config and initramfs.cpio` };
    return { arches: samples.map((s) => s.arch), load: async () => samples };
  }
  const repo = env[KERNEL_REPO_VAR];
  if (!repo) return { skip: `no real kernels to boot: set ${BOOT_SAMPLES_VAR} to a folder of kept folders <arch>/{image,initramfs.cpio,config}, or ${KERNEL_REPO_VAR} to a kernel repo to build them from (scripts/test.sh does)` };
  let loading: Promise<BootSample[]> | undefined;
  return { arches: [SAMPLE_ARCH], load: () => (loading ??= builtSamples(repo, join(env.KB_WORK ?? '/var/tmp/kernelbuilder', 'boot-samples'))) };
}

/** The kept folders under `root` that a boot can use: each <arch>/ with its config and initramfs.cpio. */
function samplesIn(root: string): BootSample[] {
  return readdirSync(root)
    .filter((arch) => existsSync(join(root, arch, 'config')) && existsSync(join(root, arch, 'initramfs.cpio')))
    .sort()
    .map((arch) => ({ arch, dir: join(root, arch), dotConfig: readFileSync(join(root, arch, 'config'), 'utf8') }));
}

const driverDir = fileURLToPath(new URL('../../src/driver/', import.meta.url));

/**
 * The samples built from `repo` at SAMPLE_REF, cached in `cacheRoot` under a key of the
 * tree's sha and the files that make a bootable kernel and its init (the boot fragment,
 * the init and its archive script): a change to any of them builds anew. Built through
 * the CLI as a user builds (boot all, so the build makes the initramfs and boots it once),
 * then the kept folder is copied in and renamed into place whole: a build that fails
 * leaves no cache entry.
 */
async function builtSamples(repo: string, cacheRoot: string): Promise<BootSample[]> {
  const sha = execFileSync('git', ['-C', repo, 'rev-parse', `${SAMPLE_REF}^{commit}`], { encoding: 'utf8' }).trim();
  const inputs = [join('configs', SAMPLE_ARCH, 'kb-boot.config'), 'boot-init.c', 'boot-initramfs.sh', 'install.sh'];
  const hash = createHash('sha256');
  for (const f of inputs) hash.update(`${f}\0`).update(readFileSync(join(driverDir, f)));
  const dir = join(cacheRoot, `${sha.slice(0, 12)}-${hash.digest('hex').slice(0, 12)}`);
  if (!existsSync(dir)) {
    const logs = tempDir('boot-samples-logs');
    let output = '';
    const io = { out: (t: string) => (output += t), err: (t: string) => (output += t) };
    const args = ['build', '--source', repo, '--ref', SAMPLE_REF, '--tree', 'boot-samples', '--arches', SAMPLE_ARCH, '--configs', SAMPLE_CONFIG, '--boot', 'all', '--keep', 'kernel', '--logs', logs, '--force', 'true'];
    const code = await runCli(args, { driverDir, imagesDir: fileURLToPath(new URL('../../images/', import.meta.url)) }, io);
    if (code !== 0) throw new Error(`building the boot samples failed (kernelbuilder ${args.join(' ')}: exit ${code}):\n${output.slice(-3000)}`);
    // The tree's folder holds the build's folder beside its history page.
    const [buildDir] = readdirSync(join(logs, 'boot-samples'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(logs, 'boot-samples', d.name));
    if (!buildDir) throw new Error(`the boot samples' build left no build folder in ${logs}/boot-samples:\n${output.slice(-3000)}`);
    const results = JSON.parse(readFileSync(join(buildDir, 'results.json'), 'utf8')) as BuildResults;
    const kept = results.targets[0]?.kept?.dir;
    if (!kept) throw new Error(`the boot samples' build kept nothing: ${JSON.stringify(results.targets)}`);
    mkdirSync(cacheRoot, { recursive: true });
    const staging = join(cacheRoot, `.${sha.slice(0, 12)}.${process.pid}`);
    rmSync(staging, { recursive: true, force: true });
    cpSync(join(buildDir, kept), join(staging, SAMPLE_ARCH), { recursive: true });
    try {
      renameSync(staging, dir);
    } catch (e) {
      // Another run made it meanwhile: theirs is as good.
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(dir)) throw e;
    }
  }
  const samples = samplesIn(dir);
  if (samples.length === 0) throw new Error(`${dir} holds no boot sample (remove it to build again)`);
  return samples;
}
