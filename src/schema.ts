/*
 * A small schema language for JSON that comes from elsewhere (a shard's results.json, a
 * folder given to `report`): each schema checks a value and returns it as its type, or
 * throws a SchemaError naming the field and what is allowed there, never the value (it
 * may be anything, a secret or a terminal escape).
 *
 * A check descends only as deep as the schema is declared, never as deep as the data:
 * 5,000 nested brackets where a string belongs fail at the first one, and no recursion
 * follows them. Objects keep only their declared fields, so nothing unchecked passes on.
 *
 * Part of the ground floor: imports nothing of ours.
 */

/** A value that is not what the schema allows there: the field's path and the rule, in words. */
export class SchemaError extends Error {
  override name = 'SchemaError';
  constructor(
    readonly field: string,
    readonly allowed: string,
  ) {
    super(`field ${field} is not allowed; ${allowed}`);
  }
}

/** Checks a value found at `field` and returns it as a T; throws SchemaError. */
export interface Schema<T> {
  /** What is allowed, in words: the end of the error when the value is not. */
  readonly allowed: string;
  check(value: unknown, field: string): T;
}

/** A field an object may lack (absent or undefined); its check may also drop it (returns undefined). */
export interface OptionalSchema<T> extends Schema<T | undefined> {
  readonly optional: true;
}

/** The type a schema checks for. */
export type Infer<S> = S extends Schema<infer T> ? T : never;

/** The longest text a plain string holds: a name, a line of a report; longer is no field we write. */
const LINE_LIMIT = 4096;

const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A string. By default one line of printable text of at most LINE_LIMIT characters: it
 * may become a header of an email or a comment of a reproducer. `anyText` for text read
 * from a log (excerpts, messages of diagnostics): every medium escapes it on the way out.
 */
export function string(opts: { pattern?: RegExp; allowed?: string; maxLength?: number; anyText?: boolean } = {}): Schema<string> {
  const maxLength = opts.maxLength ?? (opts.anyText ? Infinity : LINE_LIMIT);
  const allowed = opts.allowed ?? (opts.anyText ? 'it is text' : `it is one line of text without control characters, at most ${maxLength} characters`);
  return {
    allowed,
    check(value, field) {
      if (typeof value !== 'string' || value.length > maxLength || (!opts.anyText && CONTROL.test(value)) || (opts.pattern && !opts.pattern.test(value))) {
        throw new SchemaError(field, allowed);
      }
      return value;
    },
  };
}

/** A finite number. */
export function number(allowed = 'it is a number'): Schema<number> {
  return primitive(allowed, (v): v is number => Number.isFinite(v));
}

/** A whole number from 0 that JavaScript counts exactly: bytes, seconds, occurrences. */
export function count(allowed = 'it is a whole number from 0'): Schema<number> {
  return primitive(allowed, (v): v is number => Number.isSafeInteger(v) && (v as number) >= 0);
}

export function boolean(): Schema<boolean> {
  return primitive('it is true or false', (v): v is boolean => typeof v === 'boolean');
}

/** One of a few literal values. */
export function oneOf<const T extends readonly (string | number | boolean | null)[]>(values: T, allowed = `it is one of: ${values.join(', ')}`): Schema<T[number]> {
  return primitive(allowed, (v): v is T[number] => values.includes(v as T[number]));
}

function primitive<T>(allowed: string, is: (v: unknown) => v is T): Schema<T> {
  return {
    allowed,
    check(value, field) {
      if (!is(value)) throw new SchemaError(field, allowed);
      return value;
    },
  };
}

/** A field that may be absent. */
export function optional<T>(schema: Schema<T>): OptionalSchema<T> {
  return {
    allowed: schema.allowed,
    optional: true,
    check: (value, field) => (value === undefined ? undefined : schema.check(value, field)),
  };
}

/**
 * A field whose value is never taken as read: whatever it holds, it is dropped (a command
 * line only a runner of ours may write, say). Typed as T so the record keeps its shape.
 */
export function neverRead<T>(allowed: string): OptionalSchema<T> {
  return { allowed, optional: true, check: () => undefined };
}

/** A list, each item checked; longer than `maxItems` is refused before any item is. */
export function array<T>(item: Schema<T>, allowed = `it is a list; each item: ${item.allowed}`, maxItems = Infinity): Schema<T[]> {
  return {
    allowed,
    check(value, field) {
      if (!Array.isArray(value) || value.length > maxItems) throw new SchemaError(field, allowed);
      return value.map((v, i) => item.check(v, `${field}[${i}]`));
    },
  };
}

/** An object used as a map: each key checked by `key` (before it is named in a path), each value by `value`. */
export function record<K extends string, V>(key: Schema<K>, value: Schema<V>, allowed = `it maps names (${key.allowed}) to values`): Schema<Record<K, V>> {
  return {
    allowed,
    check(data, field) {
      if (!isPlainObject(data)) throw new SchemaError(field, allowed);
      // fromEntries defines own properties: a key "__proto__" stays a key, never a prototype.
      return Object.fromEntries(
        Object.entries(data).map(([k, v]) => {
          const name = key.check(k, field);
          return [name, value.check(v, join(field, name))];
        }),
      ) as Record<K, V>;
    },
  };
}

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends OptionalSchema<unknown> ? K : never }[keyof S];
type Flatten<T> = { [K in keyof T]: T[K] } & {};
/** The record a shape checks: optional schemas give optional fields. */
type InferShape<S extends Shape> = Flatten<{ [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Exclude<Infer<S[K]>, undefined> }>;

/** An object with these fields, each checked; fields it does not declare are left out of what it returns. */
export function object<S extends Shape>(shape: S, allowed = 'it is an object'): Schema<InferShape<S>> {
  return {
    allowed,
    check(data, field) {
      if (!isPlainObject(data)) throw new SchemaError(field || '(top)', allowed);
      const out: Record<string, unknown> = {};
      for (const [name, schema] of Object.entries(shape)) {
        const raw = Object.hasOwn(data, name) ? data[name] : undefined;
        if (raw === undefined && !('optional' in schema)) throw new SchemaError(join(field, name), schema.allowed);
        const value = schema.check(raw, join(field, name));
        if (value !== undefined) out[name] = value;
      }
      return out as InferShape<S>;
    },
  };
}

/** A value any one of the schemas allows (tried in order). */
export function union<const S extends readonly Schema<unknown>[]>(schemas: S, allowed = schemas.map((s) => s.allowed).join('; or ')): Schema<Infer<S[number]>> {
  return {
    allowed,
    check(value, field) {
      for (const s of schemas) {
        try {
          return s.check(value, field) as Infer<S[number]>;
        } catch (e) {
          if (!(e instanceof SchemaError)) throw e;
        }
      }
      throw new SchemaError(field, allowed);
    },
  };
}

/**
 * The schema, and a validator of what it returned: `valid` says whether it is allowed
 * (a validator that throws says no). `allowed` replaces the schema's words, also when
 * the value fails the schema itself (a field inside it keeps its own).
 */
export function refine<T>(schema: Schema<T>, allowed: string, valid: (value: T) => boolean): Schema<T> {
  return {
    allowed,
    check(value, field) {
      let checked: T;
      try {
        checked = schema.check(value, field);
      } catch (e) {
        // Not even the schema's type: say what the field is, not only that it is, say, text.
        if (e instanceof SchemaError && e.field === field) throw new SchemaError(field, allowed);
        throw e;
      }
      let ok: boolean;
      try {
        ok = valid(checked);
      } catch {
        ok = false;
      }
      if (!ok) throw new SchemaError(field, allowed);
      return checked;
    },
  };
}

/**
 * The schema (an object's), and a rule between its fields: `problem` returns the field
 * (relative to the object) that breaks it and what is allowed there, or undefined.
 */
export function related<T>(schema: Schema<T>, problem: (value: T) => { field: string; allowed: string } | undefined): Schema<T> {
  return {
    allowed: schema.allowed,
    check(value, field) {
      const checked = schema.check(value, field);
      const p = problem(checked);
      if (p) throw new SchemaError(join(field, p.field), p.allowed);
      return checked;
    },
  };
}

/**
 * `true` when A and B are the same type (each field, optional or not, the same): used as
 * `true satisfies Same<Infer<typeof s>, Declared>` so that tsc fails when a schema and a
 * type declared elsewhere drift apart.
 */
export type Same<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;

function join(field: string, name: string): string {
  return field ? `${field}.${name.slice(0, 40)}` : name.slice(0, 40);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
