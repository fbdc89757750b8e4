import { availableParallelism } from 'node:os';
import { Input, SimulateOption } from '../constants.ts';
import { InputError } from '../errors.ts';
import { sizeInBytes } from '../values/size.ts';
import { type Inputs, type InputReader } from '../types/inputs.ts';
import { parseShards } from '../fanout/plan-refs.ts';
import { type SimSettings } from './plan-simulation.ts';

const MAX_CORES = 1024;

/**
 * The machine `simulate` predicts for, from its options beside the build's inputs: cores
 * (default this machine's), shards (default 1), and -j as given, else cores + 2 as a build
 * on that machine would take it; the tmpfs and memory limit as the build's inputs say.
 */
export function getSimSettings(read: InputReader, inputs: Inputs): SimSettings {
  const cores = parseCores(read(SimulateOption.cores).trim() || undefined);
  return {
    cores,
    jobs: read(Input.jobs).trim() === '' ? cores + 2 : inputs.jobs,
    tmpfsBytes: sizeInBytes(inputs.tmpfsSize),
    ...(inputs.memory === undefined ? {} : { memoryBytes: inputs.memory }),
    shards: parseShards(read(Input.shards)),
  };
}

/** Cores of the simulated machine: a whole number from 1 to 1024; default this machine's. */
export function parseCores(text: string | undefined): number {
  if (text === undefined) return availableParallelism();
  const cores = /^[1-9][0-9]{0,3}$/.test(text) ? Number(text) : NaN;
  if (!(cores >= 1 && cores <= MAX_CORES)) throw new InputError(SimulateOption.cores, text, `cores is a whole number from 1 to ${MAX_CORES} (default: this machine's, ${availableParallelism()})`);
  return cores;
}
