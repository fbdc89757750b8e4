import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Input, Output, SeriesOption } from '../../src/constants.ts';
import { getInputs, parseMode } from '../../src/inputs/inputs.ts';
import { ArtifactInput } from '../../src/publish/artifact-options.ts';
import { parseShards } from '../../src/fanout/plan-refs.ts';
import { getSeriesInputs, parseCommits } from '../../src/series/plan.ts';
import { readActionYml } from '../support/action-yml.ts';

// The runner hands the action action.yml's default for every input the workflow leaves
// out, while the CLI gets the code's own default: the two must be the same, and every
// name the code reads must be one the runner passes.

const yml = readActionYml();
const sorted = (names: Iterable<string>) => [...names].sort();

test('action.yml has exactly the inputs and outputs the code names', () => {
  // A series' options but the CLI's range are the action's too, with commits: each or patches.
  const seriesInputs = Object.values(SeriesOption).filter((name) => name !== SeriesOption.range);
  assert.deepEqual(sorted(Object.keys(yml.inputs)), sorted([...Object.values(Input), ...Object.values(ArtifactInput), ...seriesInputs]));
  assert.deepEqual(sorted(Object.keys(yml.outputs)), sorted(Object.values(Output)));
  for (const [name, field] of [...Object.entries(yml.inputs), ...Object.entries(yml.outputs)]) {
    assert.ok(field.description, `${name} has a description`);
  }
  for (const [name, field] of Object.entries(yml.inputs)) assert.equal(field.required, 'false', `${name}: required only in some modes, which the code checks`);
});

test("every default of action.yml reads as the code's own default for that input", () => {
  const required = { [Input.source]: '/srv/linux', [Input.ref]: 'next/master' };
  const readNames = new Set<string>();
  const parse = (given: Record<string, string>) =>
    getInputs((name) => {
      readNames.add(name);
      return given[name] ?? '';
    });
  const codeDefaults = parse(required);
  // Inputs read outside getInputs, each by its own parser.
  // A series' options, as getSeriesInputs reads them beside a range.
  const series = (name: string) => (text: string) => {
    const { limit, checkpatch, checkpatchIgnore, failOn } = getSeriesInputs((n) => (n === name ? text : n === SeriesOption.range ? 'v6.0..v6.1' : n === Input.source ? '/srv/linux' : ''));
    return { limit, checkpatch, checkpatchIgnore, failOn };
  };
  const ownParsers: Record<string, (text: string) => unknown> = {
    [Input.mode]: parseMode,
    [Input.shards]: parseShards,
    [SeriesOption.commits]: parseCommits,
    [SeriesOption.commitsLimit]: series(SeriesOption.commitsLimit),
    [SeriesOption.checkpatch]: series(SeriesOption.checkpatch),
  };
  const defaults = Object.entries(yml.inputs).filter(([, field]) => field.default !== undefined);
  assert.ok(defaults.length >= 10, 'the reader found the defaults');
  for (const [name, { default: value }] of defaults) {
    if (ownParsers[name]) assert.deepEqual(ownParsers[name](value), ownParsers[name](''), `input ${name}: default ${value}`);
    else {
      assert.ok(readNames.has(name), `input ${name} has a default in action.yml, but getInputs does not read it`);
      assert.deepEqual(parse({ ...required, [name]: value }), codeDefaults, `input ${name}: action.yml's default ${JSON.stringify(value)} is not the code's`);
    }
  }
});
