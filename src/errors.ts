/**
 * Expected failures, each with a message a person can act on. The entry points map
 * them to a failed step or a non-zero exit in one place; anything else is a bug and
 * keeps its stack trace. A failed kernel build is not an error: it is a result.
 */
export class KernelbuilderError extends Error {
  override name = 'KernelbuilderError';
}

/** An input (action input or CLI option) that is not allowed: names it, its value and what is allowed. */
export class InputError extends KernelbuilderError {
  override name = 'InputError';
  constructor(
    readonly input: string,
    value: string,
    /** What is allowed, so that a caller may name its own input instead (bisect's --target for a build's arches). */
    readonly allowed: string,
  ) {
    super(`input '${input}': ${describeValue(value)} is not allowed; ${allowed}`);
  }
}

/** The source repository, a ref in it, or the tree at that ref cannot be used. */
export class SourceError extends KernelbuilderError {
  override name = 'SourceError';
}

/** The Docker engine does not answer, or an image is missing or unfit. */
export class DockerError extends KernelbuilderError {
  override name = 'DockerError';
}

/** Quote a user value for an error message: bounded, control characters made visible. */
export function describeValue(value: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 80)}… (${value.length} characters)` : value;
  return JSON.stringify(shown);
}
