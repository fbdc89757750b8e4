import { Input } from '../constants.ts';
import { InputError } from '../errors.ts';
import { parseTargetName } from '../values/target-name.ts';
import { type BootSettings, type KeepItem } from '../types/boot.ts';

// Every KeepItem of the floor's union, once, in the order reports list them: a Record makes
// the compiler refuse one left out.
const KEEP_ORDER: Record<KeepItem, true> = { kernel: true, modules: true, dtbs: true, debug: true };
/** What a target can keep of what it built, besides System.map and the .config, which it always keeps. */
export const KEEP_ITEMS = Object.keys(KEEP_ORDER) as readonly KeepItem[];
export const DEFAULT_KEEP = 'kernel dtbs';

export const DEFAULT_BOOT_TIMEOUT = '5m';
const MIN_BOOT_TIMEOUT = 10;
const MAX_BOOT_TIMEOUT = 2 * 3600;

/** `kernel dtbs`, `none`, ...: the items in KEEP_ITEMS order. */
export function parseKeep(text: string, split: (t: string) => string[]): KeepItem[] {
  const words = split(text);
  if (words.length === 1 && words[0] === 'none') return [];
  for (const w of words) {
    if (!(KEEP_ITEMS as readonly string[]).includes(w)) {
      throw new InputError(Input.keep, w, `keep lists any of ${KEEP_ITEMS.join(', ')} (System.map and the .config are always kept), or is none`);
    }
  }
  if (words.length === 0) throw new InputError(Input.keep, text, `name at least one of ${KEEP_ITEMS.join(', ')}, or none`);
  return KEEP_ITEMS.filter((item) => words.includes(item));
}

/**
 * The boot request from `boot` (off, all, or arch/config targets), `boot-timeout` (seconds,
 * from parseDuration) and `boot-kvm`; undefined when nothing boots. Booting needs the kernel
 * image kept.
 */
export function parseBoot(
  text: string | undefined,
  timeoutSeconds: number,
  kvm: boolean,
  keep: KeepItem[],
  split: (t: string) => string[],
): BootSettings | undefined {
  if (!(timeoutSeconds >= MIN_BOOT_TIMEOUT && timeoutSeconds <= MAX_BOOT_TIMEOUT)) {
    throw new InputError(Input.bootTimeout, String(timeoutSeconds), `a boot may take from ${MIN_BOOT_TIMEOUT}s to 2h (e.g. 5m)`);
  }
  const words = split(text ?? 'off');
  if (words.length === 1 && words[0] === 'off') return undefined;
  let targets: BootSettings['targets'];
  if (words.length === 1 && words[0] === 'all') targets = 'all';
  else {
    for (const w of words) parseTargetName(Input.boot, w, 'boot is off, all, or arch/config targets of the plan, e.g. x86/tinyconfig+kb-boot.config');
    targets = [...new Set(words)];
  }
  if (!keep.includes('kernel')) throw new InputError(Input.keep, keep.join(' ') || 'none', 'booting needs the kernel kept: add kernel to keep, or set boot to off');
  return { targets, timeoutSeconds, kvm };
}
