import { Input } from '../constants.ts';
import { InputError } from '../errors.ts';
import { type KunitRequest, type KunitSettings } from '../types/kunit.ts';
import { MAX_TEST_RETRIES } from '../logs-layout.ts';
import { isTreeFilePath } from '../values/config-spec.ts';
import { parseDuration } from '../values/duration.ts';
import { KUNIT_QEMU_CONFIGS } from '../plan/kunit-targets.ts';

export const DEFAULT_KUNIT_ARCHES = 'um';
export const DEFAULT_TEST_RETRIES = '2';
export const DEFAULT_KUNIT_TIMEOUT = '5m';
/** Where KUnit runs: um (the kernel as a Linux program), and booted in QEMU on the arches of KUNIT_QEMU_CONFIGS. */
export const KUNIT_ARCHES: readonly string[] = ['um', ...Object.keys(KUNIT_QEMU_CONFIGS)];
/** The most KUnit configs one run takes: each is a target of its own. */
const MAX_KUNIT_CONFIGS = 16;

const KUNIT_SYNTAX =
  "kunit is off (the default), or a list of: default (the tree's tools/testing/kunit/configs/default.config), all (its all_tests.config), " +
  'or a .kunitconfig of the tree (lib/kunit/.kunitconfig, or its folder lib/kunit)';

/**
 * KUnit from `kunit` (off, or default, all and .kunitconfig paths), `kunit-arches` (um, x86, ...),
 * `test-retries` (0 to MAX_TEST_RETRIES) and `kunit-timeout`; undefined when off. Every
 * input is checked whatever `kunit` says, so a typo shows before it matters. That a path
 * is a regular file of the tree is checked by the plan, which reads the tree.
 */
export function parseKunit(read: (name: string) => string | undefined, splitList: (text: string) => string[]): KunitSettings | undefined {
  const text = read(Input.kunit) ?? 'off';
  const words = splitList(text);
  const arches = splitList(read(Input.kunitArches) ?? DEFAULT_KUNIT_ARCHES);
  if (arches.length === 0) throw new InputError(Input.kunitArches, read(Input.kunitArches) ?? '', `name at least one of: ${KUNIT_ARCHES.join(' ')}`);
  for (const arch of arches) {
    if (!KUNIT_ARCHES.includes(arch)) {
      throw new InputError(Input.kunitArches, arch, `KUnit runs on ${KUNIT_ARCHES.join(' ')} (um: UML, the kernel as a Linux program; the others booted in QEMU)`);
    }
  }
  const retries = read(Input.testRetries) ?? DEFAULT_TEST_RETRIES;
  if (!/^\d$/.test(retries) || Number(retries) > MAX_TEST_RETRIES) {
    throw new InputError(Input.testRetries, retries, `test-retries is a whole number from 0 to ${MAX_TEST_RETRIES}: how many times a KUnit run with a failing case is run again`);
  }
  const timeoutSeconds = parseDuration(Input.kunitTimeout, read(Input.kunitTimeout) ?? DEFAULT_KUNIT_TIMEOUT)!;
  if (words.length === 1 && words[0] === 'off') return undefined;
  if (words.length === 0) throw new InputError(Input.kunit, text, KUNIT_SYNTAX);
  if (words.length > MAX_KUNIT_CONFIGS) throw new InputError(Input.kunit, text, `at most ${MAX_KUNIT_CONFIGS} KUnit configs a run`);
  const requests = [...new Set(words)].map((w) => kunitRequest(w));
  return { requests, arches: [...new Set(arches)], retries: Number(retries), timeoutSeconds };
}

function kunitRequest(word: string): KunitRequest {
  if (word === 'default' || word === 'all') return { kind: word };
  const path = word.replace(/\/+$/, '');
  if (!isTreeFilePath(path)) throw new InputError(Input.kunit, word, `it is no path of the tree (relative, no .., letters, digits and _ . + -): ${KUNIT_SYNTAX}`);
  return { kind: 'file', path };
}
