import { InputError } from '../errors.ts';
import { Input } from '../constants.ts';

const ALLOWED =
  "a ref is remote/branch, a remote, a tag, a branch or a commit sha: letters, digits and . _ / + - only, " +
  "not starting with '-' or '/', without '..', '//' or a component starting with '.'";

/**
 * Refuse refs that git could read as an option or a revision expression, or that could
 * play tricks on a shell or a path: kernelbuilder passes refs to git and into paths,
 * so only plain ref names get through. `input` is the input the ref came from (ref, or a line of refs).
 */
export function checkRefSyntax(ref: string, input: string = Input.ref): string {
  const ok =
    ref.length > 0 &&
    ref.length <= 255 &&
    /^[A-Za-z0-9._/+-]+$/.test(ref) &&
    !ref.startsWith('-') &&
    !ref.startsWith('/') &&
    !ref.endsWith('/') &&
    !ref.includes('..') &&
    !ref.includes('//') &&
    !ref.endsWith('.lock') &&
    !ref.split('/').some((part) => part.startsWith('.'));
  if (!ok) throw new InputError(input, ref, ALLOWED);
  return ref;
}
