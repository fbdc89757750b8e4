/**
 * A small, pure reader of Dockerfile text, enough to check kernelbuilder's images without
 * building them: instructions (continuations joined, comments dropped), stages, ARG
 * defaults, labels with ${ARG} substituted, and what RUN lines install.
 */

export interface Instruction {
  /** Upper-case keyword: FROM, RUN, LABEL, ... */
  keyword: string;
  /** The rest of the instruction, continuation lines joined with single spaces. */
  args: string;
  /** 1-based line where the instruction starts. */
  line: number;
}

export interface Stage {
  /** The FROM argument: image reference (maybe `${BASE}`), without `AS name`. */
  from: string;
  alias?: string;
  /** Instructions after the FROM, up to the next FROM. */
  instructions: Instruction[];
}

export interface Dockerfile {
  /** ARG instructions before the first FROM (the global ones). */
  globalArgs: Record<string, string | undefined>;
  /** Instructions before the first FROM. */
  preamble: Instruction[];
  stages: Stage[];
  all: Instruction[];
}

/** Split Dockerfile text into instructions. Heredocs are not supported (none are used). */
export function instructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  const lines = text.split(/\r?\n/);
  let current: { parts: string[]; line: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const trimmed = raw.trim();
    // Comment lines are dropped, also inside a continued instruction (as Docker does).
    if (trimmed.startsWith('#')) continue;
    if (!current) {
      if (trimmed === '') continue;
      current = { parts: [], line: i + 1 };
    } else if (trimmed === '') {
      continue;
    }
    const continued = /\\$/.test(trimmed);
    current.parts.push(continued ? trimmed.slice(0, -1).trim() : trimmed);
    if (!continued) {
      out.push(toInstruction(current.parts.join(' '), current.line));
      current = undefined;
    }
  }
  if (current) out.push(toInstruction(current.parts.join(' '), current.line));
  return out;
}

function toInstruction(text: string, line: number): Instruction {
  const m = /^(\S+)\s*(.*)$/s.exec(text)!;
  return { keyword: m[1]!.toUpperCase(), args: m[2]!.trim(), line };
}

/** Parse a Dockerfile into its global ARGs and stages. */
export function parseDockerfile(text: string): Dockerfile {
  const all = instructions(text);
  const preamble: Instruction[] = [];
  const stages: Stage[] = [];
  for (const ins of all) {
    if (ins.keyword === 'FROM') {
      const m = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(ins.args);
      stages.push({ from: m?.[1] ?? ins.args, alias: m?.[2], instructions: [] });
    } else if (stages.length === 0) {
      preamble.push(ins);
    } else {
      stages[stages.length - 1]!.instructions.push(ins);
    }
  }
  const globalArgs: Record<string, string | undefined> = {};
  for (const ins of preamble) if (ins.keyword === 'ARG') Object.assign(globalArgs, parseArg(ins.args));
  return { globalArgs, preamble, stages, all };
}

/** `NAME[=default]` of an ARG instruction. */
export function parseArg(args: string): Record<string, string | undefined> {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/.exec(args.trim());
  if (!m) throw new Error(`not an ARG: ${args}`);
  return { [m[1]!]: m[2] === undefined ? undefined : unquote(m[2]) };
}

/**
 * The ARG values in scope at the end of a stage: its own ARGs with their defaults, and
 * global ARGs redeclared without a value (Docker's scoping rules).
 */
export function stageArgs(file: Dockerfile, stage: Stage): Record<string, string> {
  const scope: Record<string, string> = {};
  for (const ins of stage.instructions) {
    if (ins.keyword !== 'ARG') continue;
    for (const [name, value] of Object.entries(parseArg(ins.args))) {
      const v = value ?? file.globalArgs[name];
      if (v !== undefined) scope[name] = v;
    }
  }
  return scope;
}

/** key=value pairs of LABEL (or ENV) arguments; values may be "double" or 'single' quoted. */
export function keyValues(args: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /\s*([^\s=]+)=("(?:[^"\\]|\\.)*"|'[^']*'|[^\s"']*)/gy;
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = re.exec(args)) !== null) {
    out[unquote(m[1]!)] = unquote(m[2]!);
    last = re.lastIndex;
    if (last >= args.length) break;
  }
  if (args.slice(last).trim() !== '') throw new Error(`cannot read key=value pairs from: ${args}`);
  return out;
}

/** The labels of a stage, with ${NAME} / $NAME replaced by the stage's ARG values. */
export function stageLabels(file: Dockerfile, stage: Stage): Record<string, string> {
  const scope = stageArgs(file, stage);
  const labels: Record<string, string> = {};
  for (const ins of stage.instructions) {
    if (ins.keyword !== 'LABEL') continue;
    for (const [k, v] of Object.entries(keyValues(ins.args))) labels[k] = substitute(v, scope);
  }
  return labels;
}

/** Replace ${NAME} and $NAME from `scope`; unknown names become '' as in Docker. */
export function substitute(value: string, scope: Record<string, string>): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, a, b) => scope[(a ?? b) as string] ?? '');
}

function unquote(s: string): string {
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) return s.slice(1, -1).replace(/\\(.)/g, '$1');
  if (s.length >= 2 && s.startsWith("'") && s.endsWith("'")) return s.slice(1, -1);
  return s;
}

/** The shell commands of a RUN, split at `&&`, `||` and `;` (quotes are not parsed). */
export function commands(run: string): string[][] {
  return run
    .split(/&&|\|\||;/)
    .map((c) => c.trim().split(/\s+/).filter(Boolean).map((w) => w.replace(/^"(.*)"$/, '$1')))
    .filter((c) => c.length > 0);
}

/** Packages named by `apt-get install` in the RUN instructions (options dropped). */
export function aptPackages(file: Dockerfile): string[] {
  const pkgs: string[] = [];
  for (const ins of file.all) {
    if (ins.keyword !== 'RUN') continue;
    for (const words of commands(ins.args)) {
      const at = words.indexOf('install');
      if (at < 0 || !words.slice(0, at).some((w) => w === 'apt-get')) continue;
      pkgs.push(...words.slice(at + 1).filter((w) => !w.startsWith('-')));
    }
  }
  return pkgs;
}

/** Tuples the Dockerfile builds cross toolchains for with crossdev, and the GCC version asked. */
export function crossdevToolchains(file: Dockerfile): { version: string; tuples: string[] }[] {
  const out: { version: string; tuples: string[] }[] = [];
  for (const ins of file.all) {
    if (ins.keyword !== 'RUN') continue;
    for (const words of commands(ins.args)) {
      const helper = words.findIndex((w) => /(^|\/)kb-gentoo\.sh$/.test(w));
      if (helper >= 0 && words[helper + 1] === 'crossdev') {
        out.push({ version: words[helper + 2] ?? '', tuples: words.slice(helper + 3) });
        continue;
      }
      const cd = words.indexOf('crossdev');
      if (cd >= 0) {
        const tuples: string[] = [];
        let version = '';
        for (let i = cd + 1; i < words.length; i++) {
          if ((words[i] === '-t' || words[i] === '--target') && words[i + 1]) tuples.push(words[++i]!);
          else if ((words[i] === '--g' || words[i] === '--gcc') && words[i + 1]) version = words[++i]!;
        }
        if (tuples.length > 0) out.push({ version, tuples });
      }
    }
  }
  return out;
}
