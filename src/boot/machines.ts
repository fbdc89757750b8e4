import { InputError } from '../errors.ts';
import { unmetOptions } from '../values/config-spec.ts';
import { KERNEL_ARCHES } from '../values/target-name.ts';
import machinesJson from './machines.json' with { type: 'json' };

/** A config option a boot needs set to `y`, and what for (the skip reason says it). */
export interface ConfigNeed {
  option: string;
  why: string;
}

/** One QEMU machine a kernel can be booted on (a row of src/boot/machines.json). */
export interface Machine {
  /** The machine arch, as the boot image's `org.kernelbuilder.boots` label names it: x86_64, i386, arm64, arm, riscv64. */
  name: string;
  /** The kernel ARCH it boots. */
  arch: string;
  /**
   * What the final .config must say for this row to be the one: `CONFIG_X=y`, `CONFIG_X=n`
   * (not set), or alternatives `CONFIG_A=y|CONFIG_B=y`. All must hold; rows are tried in order.
   */
  when: string[];
  /** Options this machine's console needs, on top of the table's common `needs`. */
  needs: ConfigNeed[];
  qemu: string;
  /** `-machine` value, with its properties (`virt,gic-version=3`). */
  machine: string;
  /** `-cpu` value, with its properties. */
  cpu: string;
  memoryMiB: number;
  smp: number;
  /** The kernel's console device (`console=`). */
  console: string;
  /** Kernel parameters beyond `console=` and `panic=-1` (e.g. `earlycon`, to see an early panic). */
  append: string[];
  /** Further QEMU arguments (firmware, devices). */
  args: string[];
  /** File name of the boot image in the target's kept folder (the basename the kernel build gives it). */
  image: string;
}

/** The machine table: what every boot needs from the config, and the machines. */
export interface MachineTable {
  needs: ConfigNeed[];
  machines: Machine[];
}

/** The machine a target boots on, or why it is not booted (a skip, never a failure). */
export type MachineChoice = { machine: Machine } | { skipped: string };

// Everything the table puts on a command line is printed in the reproducer for a shell to
// run: plain words only, nothing a shell would expand or split.
const WORD = /^[A-Za-z0-9/-][A-Za-z0-9._,=/:+-]*$/;
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const OPTION = /^CONFIG_[A-Z0-9_]+$/;
const CONDITION = /^CONFIG_[A-Z0-9_]+=[A-Za-z0-9_"-]+$/;

/** Parse and check a machine table from JSON text; `input` names where it came from for errors. */
export function parseMachineTable(text: string, input: string): MachineTable {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError(input, text, `it must be JSON: ${(e as Error).message}`);
  }
  if (!isObject(data) || !Array.isArray(data.machines) || data.machines.length === 0) {
    throw new InputError(input, text, 'it must be a JSON object with a non-empty "machines" list and a "needs" list');
  }
  const needs = checkNeeds(data.needs, `${input} needs`);
  const machines = data.machines.map((m, i) => checkMachine(m, `${input} machines[${i}]`));
  const names = machines.map((m) => m.name);
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated !== undefined) throw new InputError(`${input} machines`, repeated, 'each machine name appears once');
  return { needs, machines };
}

function checkMachine(m: unknown, where: string): Machine {
  if (!isObject(m)) throw new InputError(where, JSON.stringify(m), 'each machine must be an object {name, arch, when, needs, qemu, machine, cpu, ...}');
  const word = (key: string, re = WORD): string => {
    const v = m[key];
    if (typeof v !== 'string' || !re.test(v)) throw new InputError(`${where}.${key}`, String(v), `it must be one plain word matching ${re}`);
    return v;
  };
  const words = (key: string, re: RegExp): string[] => {
    const v = m[key];
    if (!Array.isArray(v)) throw new InputError(`${where}.${key}`, JSON.stringify(v), 'it must be a list of strings');
    return v.map((w, i) => {
      if (typeof w !== 'string' || !re.test(w)) throw new InputError(`${where}.${key}[${i}]`, String(w), `it must match ${re}`);
      return w;
    });
  };
  const count = (key: string, min: number, max: number): number => {
    const v = m[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      throw new InputError(`${where}.${key}`, String(v), `it must be a whole number from ${min} to ${max}`);
    }
    return v;
  };
  const arch = word('arch');
  if (!KERNEL_ARCHES.includes(arch)) throw new InputError(`${where}.arch`, arch, `it must be a kernel ARCH: ${KERNEL_ARCHES.join(' ')}`);
  const when = words('when', /^.+$/);
  when.forEach((c, i) => {
    if (!c.split('|').every((alt) => CONDITION.test(alt))) {
      throw new InputError(`${where}.when[${i}]`, c, 'it must be CONFIG_X=value, or alternatives joined by | (CONFIG_A=y|CONFIG_B=y)');
    }
  });
  const image = word('image', FILE_NAME);
  if (image === '.' || image === '..') throw new InputError(`${where}.image`, image, 'it is a file name in the kept folder');
  return {
    name: word('name'),
    arch,
    when,
    needs: checkNeeds(m.needs, `${where}.needs`),
    qemu: word('qemu', /^qemu-system-[a-z0-9_]+$/),
    machine: word('machine'),
    cpu: word('cpu'),
    memoryMiB: count('memoryMiB', 64, 65536),
    smp: count('smp', 1, 64),
    console: word('console', /^[A-Za-z][A-Za-z0-9]*$/),
    append: words('append', WORD),
    args: words('args', WORD),
    image,
  };
}

function checkNeeds(needs: unknown, where: string): ConfigNeed[] {
  if (!Array.isArray(needs)) throw new InputError(where, JSON.stringify(needs), 'it must be a list of {option, why}');
  return needs.map((n, i) => {
    if (!isObject(n) || typeof n.option !== 'string' || !OPTION.test(n.option) || typeof n.why !== 'string' || n.why === '') {
      throw new InputError(`${where}[${i}]`, JSON.stringify(n), 'each need is {"option": "CONFIG_X", "why": "what it is needed for"}');
    }
    return { option: n.option, why: n.why };
  });
}

/** The table shipped in src/boot/machines.json. */
export const defaultMachineTable: MachineTable = parseMachineTable(JSON.stringify(machinesJson), 'src/boot/machines.json');

/**
 * The machine a target boots on, from its kernel ARCH and its final .config text: the
 * first row of its arch whose `when` holds. No row, or a config that lacks what a boot
 * needs (an initramfs, ELF, printk, the machine's serial console), is a skip with the
 * reason, never a failure: it says what to add (the boot fragment sets it all). A KUnit
 * kernel (`for: 'kunit'`) runs its tests before any init: it needs only the machine's console.
 */
export function chooseMachine(table: MachineTable, arch: string, dotConfig: string, purpose: 'boot' | 'kunit' = 'boot'): MachineChoice {
  const rows = table.machines.filter((m) => m.arch === arch);
  if (rows.length === 0) {
    const arches = [...new Set(table.machines.map((m) => m.arch))].join(', ');
    return { skipped: `no QEMU machine boots arch ${arch} (the machine table has ${arches})` };
  }
  const machine = rows.find((m) => m.when.every((c) => conditionHolds(c, dotConfig)));
  if (!machine) {
    const unmet = rows.map((m) => `${m.name} needs ${m.when.filter((c) => !conditionHolds(c, dotConfig)).map(describeCondition).join(' and ')}`);
    return { skipped: `the ${arch} config fits no QEMU machine: ${unmet.join('; ')}` };
  }
  const missing = [...(purpose === 'boot' ? table.needs : []), ...machine.needs].filter((n) => unmetOptions([`${n.option}=y`], dotConfig).length > 0);
  if (missing.length > 0) {
    return { skipped: `the config cannot boot on ${machine.name}: ${missing.map((n) => `${n.option} is not =y (${n.why})`).join('; ')}; ${purpose === 'boot' ? 'the boot fragment sets them' : "the tree's qemu_configs set them"}` };
  }
  return { machine };
}

/**
 * The kernel command line of a machine: its console, reboot at once on panic (so QEMU's
 * -no-reboot ends the run), the run's own parameters (KUnit's), then the row's, which win
 * over those before.
 */
export function kernelCommandLine(machine: Machine, parameters: readonly string[] = []): string {
  return [`console=${machine.console}`, 'panic=-1', ...parameters, ...machine.append].join(' ');
}

function conditionHolds(condition: string, dotConfig: string): boolean {
  return condition.split('|').some((alt) => unmetOptions([alt], dotConfig).length === 0);
}

function describeCondition(condition: string): string {
  return condition
    .split('|')
    .map((alt) => (alt.endsWith('=n') ? `${alt.slice(0, -2)} not set` : alt))
    .join(' or ');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
