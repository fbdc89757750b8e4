// Types only: what reads the inputs. Imports nothing, so that any module may import it.

/** Reads one raw input by its action.yml name; empty string when not given. */
export type InputReader = (name: string) => string;
