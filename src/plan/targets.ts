import { InputError, describeValue } from '../errors.ts';
import { type TreeFacts } from '../ref/tree.ts';
import { globMatches, isConfigName, isPattern, optionsOfFragment, parseConfigSpec } from '../values/config-spec.ts';
import { type Fragment, type Dropped, type Target } from '../types/targets.ts';
import { KERNEL_ARCHES } from '../values/target-name.ts';
import { DERIVED_CONFIGS, type DerivedConfig } from './derived-configs.ts';

/** Config targets every arch's Makefile has; other names must be files in arch/<arch>/configs/. */
export const GENERIC_CONFIGS = ['defconfig', 'tinyconfig', 'allnoconfig', 'allmodconfig', 'allyesconfig', 'alldefconfig'];

/**
 * Arch × config for this tree. `requests` are config specs (`defconfig`,
 * `defconfig+kvm_guest.config`, `defconfig+CONFIG_X=y`, a derived variant's name) and
 * patterns (`all`, `multi_*`, `!*_nommu_*`), expanded per arch over the tree's defconfigs,
 * allnoconfig, allmodconfig, tinyconfig and the derived variants. Arches the tree does
 * not have (riscv before 4.15) and configs an arch does not have are dropped with a
 * reason rather than attempted.
 */
export function planTargets(arches: string[], requests: string[], tree: TreeFacts): { targets: Target[]; dropped: Dropped[] } {
  const targets: Target[] = [];
  const dropped: Dropped[] = [];
  const used = new Set<string>();
  for (const arch of arches) {
    if (!tree.arches.includes(arch)) {
      dropped.push({ arch, reason: `arch/${arch} does not exist in Linux ${tree.version.text}` });
      continue;
    }
    const files = tree.configs[arch] ?? [];
    const derived = (DERIVED_CONFIGS[arch] ?? []).filter((d) => GENERIC_CONFIGS.includes(d.base) || files.includes(d.base));
    const candidates = [...new Set([...files.filter((f) => f.endsWith('defconfig')), ...SWEEP_CONFIGS, ...derived.map((d) => d.name)])];
    const chosen = new Map<string, Target>();
    // Tree files a pattern chose whose names kernelbuilder would not accept from a user: never built.
    const refused = new Set<string>();
    const add = (target: Target, request: string) => {
      chosen.set(target.config, target);
      used.add(request);
    };
    for (const request of requests) {
      if (request.startsWith('!')) {
        for (const name of [...chosen.keys(), ...refused]) {
          if (globMatches(request.slice(1), name)) {
            chosen.delete(name);
            refused.delete(name);
          }
        }
        used.add(request);
      } else if (isPattern(request)) {
        for (const name of candidates) {
          if (request !== 'all' && !globMatches(request, name)) continue;
          if (isConfigName(name)) add(candidateTarget(arch, name, derived), request);
          else refused.add(name);
        }
      } else {
        const d = derived.find((x) => x.name === request);
        if (d) {
          add(candidateTarget(arch, request, derived), request);
          continue;
        }
        const spec = parseConfigSpec('configs', request);
        if (!GENERIC_CONFIGS.includes(spec.base) && !files.includes(spec.base)) {
          dropped.push({ arch, config: request, reason: `arch/${arch}/configs/${spec.base} does not exist` });
          continue;
        }
        const missing = spec.fragments.find((f) => f.kind === 'file' && tree.fragments[arch]?.[f.name] === undefined);
        if (missing?.kind === 'file') {
          dropped.push({ arch, config: request, reason: `fragment ${missing.name} is in neither arch/${arch}/configs/ nor kernel/configs/` });
          continue;
        }
        if (spec.fragments.length === 0) add({ arch, config: request }, request);
        else add({ arch, config: request, base: spec.base, fragments: spec.fragments, requires: requiredOptions(spec.fragments, tree.fragments[arch] ?? {}) }, request);
      }
    }
    targets.push(...chosen.values());
    for (const name of refused) {
      dropped.push({ arch, reason: `arch/${arch}/configs/ holds ${describeValue(name)}, a name kernelbuilder does not build: ${CONFIG_NAME_RULE}` });
    }
  }
  // A generic config exists on every arch: when it built nowhere, the arches were the problem.
  const generic = (request: string) => !isPattern(request) && GENERIC_CONFIGS.includes(request.split('+')[0]);
  for (const request of requests) {
    if (!used.has(request) && !generic(request) && !(isPattern(request) && targets.length > 0)) {
      const where = arches.filter((a) => tree.arches.includes(a)).map((a) => `arch/${a}/configs/`);
      throw new InputError(
        'configs',
        request,
        isPattern(request)
          ? `it matches no config of ${where.join(' or ') || 'any arch'} in Linux ${tree.version.text}`
          : `it is not one of ${GENERIC_CONFIGS.join(', ')} and no ${where.join(' or ') || 'arch'} holds it in Linux ${tree.version.text}`,
      );
    }
  }
  if (targets.length === 0) throw nothingToBuild(arches, requests, tree, dropped);
  return { targets, dropped };
}

/**
 * Nothing left to build is the inputs' fault, and says which: no arch asked for is in the
 * tree (naming the tree's arches), or the configs left nothing on the arches it has (with
 * every reason).
 */
function nothingToBuild(arches: string[], requests: string[], tree: TreeFacts, dropped: Dropped[]): InputError {
  const present = arches.filter((a) => tree.arches.includes(a));
  if (present.length === 0) {
    const has = tree.arches.filter((a) => KERNEL_ARCHES.includes(a));
    return new InputError('arches', arches.join(' '), `Linux ${tree.version.text} has no arch/ of ${arches.length === 1 ? 'it' : 'them'}; its arches are ${has.join(' ') || 'none'}`);
  }
  const reasons = dropped.map((d) => d.reason).join('; ') || 'the patterns removed every config';
  return new InputError('configs', requests.join(' '), `it leaves nothing to build on ${present.join(' ')} in Linux ${tree.version.text}: ${reasons}`);
}

const CONFIG_NAME_RULE = 'config names are letters, digits and _ . - (not starting with . or -, no ..), at most 100 characters';

/** What `all` adds beside the tree's defconfigs, as the original builder's sweep did. */
export const SWEEP_CONFIGS = ['allnoconfig', 'allmodconfig', 'tinyconfig'];

function candidateTarget(arch: string, name: string, derived: DerivedConfig[]): Target {
  const d = derived.find((x) => x.name === name);
  if (!d) return { arch, config: name };
  const fragments = d.options.map((o): Fragment => ({ kind: 'option', option: o.slice(0, o.indexOf('=')), value: o.slice(o.indexOf('=') + 1) }));
  return { arch, config: name, base: d.base, fragments, requires: d.options };
}

function requiredOptions(fragments: Fragment[], files: Record<string, string>): string[] {
  return fragments.flatMap((f) => (f.kind === 'option' ? [`${f.option}=${f.value}`] : f.kind === 'file' ? optionsOfFragment(files[f.name] ?? '') : []));
}
