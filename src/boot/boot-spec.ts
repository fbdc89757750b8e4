import { posix } from 'node:path';
import type Docker from 'dockerode';
import { CONTAINER_LABEL, OWNER_LABEL } from '../constants.ts';
import { shellQuote } from '../shell-quote.ts';
import { type LockdownOptions, lockdown, lockdownFlags } from '../container/lockdown.ts';
import { type BootImageInfo } from './boot-image.ts';
import { type Machine, kernelCommandLine } from './machines.ts';

/** Where the target's kept folder is mounted in the boot container, read-only. */
export const BOOT_MOUNT = '/boot';

/** The init archive's name in the kept folder (the install step writes it beside the image). */
export const INITRAMFS_FILE = 'initramfs.cpio';

/** The pids limit of a boot: QEMU runs a main thread, a vCPU thread per CPU, RCU and a few I/O workers. */
export const BOOT_PIDS_LIMIT = 256;

/** The /tmp of a boot: QEMU writes nothing there for these machines; small, so nothing can fill the host. */
export const BOOT_TMPFS = 'size=64m,mode=1777';

/** A boot's lockdown: the small pids limit and /tmp above, nothing else writable. */
const BOOT_LOCKDOWN: LockdownOptions = { pidsLimit: BOOT_PIDS_LIMIT, tmpfs: { '/tmp': BOOT_TMPFS } };

/**
 * How the kernel is started besides its machine's row: with the boot init (a boot), or
 * with none and parameters of its own (a KUnit kernel runs its tests before any init).
 */
export interface KernelStart {
  initramfs: boolean;
  /** Kernel parameters after `console=` and `panic=-1`, before the machine's own. */
  parameters: string[];
}

/** A boot: the init archive, no parameters of its own. */
export const BOOT_START: KernelStart = { initramfs: true, parameters: [] };

/** One boot of one target, as the spec and the reproducer need it. */
export interface BootRequest {
  /** Host path of the target's kept folder (the image, initramfs.cpio). */
  keptDir: string;
  machine: Machine;
  image: BootImageInfo;
  /** uid:gid the boot runs as (buildUser: the runner's, or the image's build user for root). */
  user: string;
  /** Use the host's /dev/kvm (`-accel kvm`, `-cpu host`) instead of TCG; only for a machine of the host's own arch. */
  kvm: boolean;
  /** With kvm: the group that may open /dev/kvm (kvmDeviceGroup), added to the boot's user. */
  kvmGid?: number;
  /** CONTAINER_LABEL's value, e.g. `<tree>/<build id>`: leftovers are found and removed by it. */
  label: string;
  /** How the kernel starts; BOOT_START when not given. */
  start?: KernelStart;
}

/**
 * The QEMU command line of a boot, binary first: the machine's row, the serial console on
 * stdout, no default devices, no display, and -no-reboot, so that a power-off, a reboot and
 * a panic (panic=-1 reboots at once) all end QEMU. Under TCG, several vCPUs get a thread each.
 */
export function qemuCommand(machine: Machine, kvm: boolean, start: KernelStart = BOOT_START): string[] {
  const accel = kvm ? 'kvm' : machine.smp > 1 ? 'tcg,thread=multi' : 'tcg';
  return [
    machine.qemu,
    '-machine', machine.machine,
    // Under KVM the guest runs on the host's CPU; TCG-only CPU properties (pauth-impdef) do not apply.
    '-cpu', kvm ? 'host' : machine.cpu,
    '-smp', String(machine.smp),
    '-m', `${machine.memoryMiB}M`,
    '-accel', accel,
    '-nodefaults',
    '-no-user-config',
    '-display', 'none',
    '-serial', 'stdio',
    '-no-reboot',
    ...machine.args,
    '-kernel', posix.join(BOOT_MOUNT, machine.image),
    ...(start.initramfs ? ['-initrd', posix.join(BOOT_MOUNT, INITRAMFS_FILE)] : []),
    '-append', kernelCommandLine(machine, start.parameters),
  ];
}

/**
 * The boot container as plain data (dockerode's create options): QEMU from the boot image,
 * the kept folder read-only at /boot, the lockdown of every container (no network, no
 * capabilities, no privilege gain, a read-only root with a small /tmp, a pids limit, an
 * init as pid 1: lockdown.ts), kernelbuilder's labels
 * (so src/container/cleanup.ts removes leftovers), and /dev/kvm only when asked for.
 */
export function bootSpec(req: BootRequest, ownerPid = process.pid): Docker.ContainerCreateOptions {
  const locked = lockdown(BOOT_LOCKDOWN);
  return {
    Image: req.image.id,
    Cmd: qemuCommand(req.machine, req.kvm, req.start),
    // Nothing of the runner's environment: QEMU needs none.
    Env: [],
    User: req.user,
    Labels: { [CONTAINER_LABEL]: req.label, [OWNER_LABEL]: String(ownerPid) },
    ...locked,
    AttachStdout: true,
    AttachStderr: true,
    HostConfig: {
      ...locked.HostConfig,
      Mounts: [{ Type: 'bind', Source: req.keptDir, Target: BOOT_MOUNT, ReadOnly: true }],
      ...(req.kvm
        ? {
            Devices: [{ PathOnHost: '/dev/kvm', PathInContainer: '/dev/kvm', CgroupPermissions: 'rwm' }],
            ...(req.kvmGid !== undefined ? { GroupAdd: [String(req.kvmGid)] } : {}),
          }
        : {}),
    },
  };
}

/**
 * The `docker run ... qemu-system-...` line that boots the kept folder `keptDir` as the
 * boot did, with the same lockdown; printable and runnable (each word quoted for a POSIX
 * shell). `keptDir` is where the folder is for whoever runs it: an absolute path.
 */
export function bootReproducer(req: Pick<BootRequest, 'machine' | 'image' | 'kvm' | 'kvmGid' | 'start'> & { keptDir: string; user?: string }): string {
  const docker = [
    'docker', 'run', '--rm', ...lockdownFlags(BOOT_LOCKDOWN),
    ...(req.user ? ['--user', req.user] : []),
    ...(req.kvm ? ['--device', '/dev/kvm', ...(req.kvmGid !== undefined ? ['--group-add', String(req.kvmGid)] : [])] : []),
    '--mount', `type=bind,src=${req.keptDir},dst=${BOOT_MOUNT},readonly`,
    req.image.name,
  ];
  return [...docker, ...qemuCommand(req.machine, req.kvm, req.start)].map(shellQuote).join(' ');
}
