import { Input } from '../constants.ts';
import { InputError } from '../errors.ts';
import { RESERVED_TREE_NAMES } from '../logs-layout.ts';

/** A tree name: one folder of the logs root, and none of the logs root's own folders. */
export function checkTreeName(tree: string, from = 'it'): string {
  checkPathComponent(Input.tree, tree);
  if (RESERVED_TREE_NAMES.includes(tree)) {
    throw new InputError(Input.tree, tree, `${from} names a folder the logs root keeps for itself (${RESERVED_TREE_NAMES.join(', ')}); choose another tree name`);
  }
  return tree;
}

/** Names that become one folder of a path: no separators, no dot names. */
export function checkPathComponent(input: string, value: string): string {
  if (!/^[A-Za-z0-9_+-][A-Za-z0-9._+-]{0,99}$/.test(value)) {
    throw new InputError(input, value, 'use letters, digits and . _ + - (not starting with a dot), at most 100 characters');
  }
  return value;
}
