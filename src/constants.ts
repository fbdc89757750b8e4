/** Names of the action's inputs and outputs, as in action.yml; the CLI uses the same names as options. */
export const Input = {
  source: 'source',
  ref: 'ref',
  tree: 'tree',
  arches: 'arches',
  configs: 'configs',
  logs: 'logs',
  image: 'image',
  imageTable: 'image-table',
  toolchain: 'toolchain',
  toolchains: 'toolchains',
  tmpfsSize: 'tmpfs-size',
  jobs: 'jobs',
  targetTimeout: 'target-timeout',
  memory: 'memory',
  cpus: 'cpus',
  logsLimit: 'logs-limit',
  ccache: 'ccache',
  ccacheDir: 'ccache-dir',
  ccacheSize: 'ccache-size',
  baseline: 'baseline',
  force: 'force',
  upload: 'upload',
  mode: 'mode',
  refs: 'refs',
  shards: 'shards',
  shard: 'shard',
  targets: 'targets',
  results: 'results',
  noise: 'noise',
  emailTo: 'email-to',
  keep: 'keep',
  boot: 'boot',
  bootTimeout: 'boot-timeout',
  bootKvm: 'boot-kvm',
  makeVars: 'make-vars',
  kcidbOrigin: 'kcidb-origin',
  bisect: 'bisect',
  bisectLimit: 'bisect-limit',
  bisectTimeout: 'bisect-timeout',
  kunit: 'kunit',
  kunitArches: 'kunit-arches',
  testRetries: 'test-retries',
  kunitTimeout: 'kunit-timeout',
} as const;

/** Options of the CLI's bisect command that are not action inputs (the action bisects between a baseline and its build). */
export const BisectOption = {
  good: 'good',
  bad: 'bad',
  target: 'target',
  what: 'what',
} as const;

/**
 * A series' options: the CLI's series command takes the range or the patches; the action's
 * build mode, with `commits: each`, the commits of the push (from `commits-base` where
 * given); both what each commit is checked for.
 */
export const SeriesOption = {
  range: 'range',
  patches: 'patches',
  commits: 'commits',
  commitsBase: 'commits-base',
  commitsLimit: 'commits-limit',
  checkpatch: 'checkpatch',
  checkpatchIgnore: 'checkpatch-ignore',
  failOn: 'fail-on',
} as const;

/** Options of the CLI's simulate command that are not action inputs: the machine it predicts for, and the output's form. */
export const SimulateOption = {
  cores: 'cores',
  json: 'json',
  html: 'html',
} as const;

export const Output = {
  sha: 'sha',
  buildId: 'build-id',
  kernelVersion: 'kernel-version',
  image: 'image',
  result: 'result',
  failedTargets: 'failed-targets',
  failedBoots: 'failed-boots',
  resultsJson: 'results-json',
  summary: 'summary',
  email: 'email',
  kcidbJson: 'kcidb-json',
  junitXml: 'junit-xml',
  skipped: 'skipped',
  matrix: 'matrix',
  firstBadCommits: 'first-bad-commits',
  seriesJson: 'series-json',
} as const;

/** State the main step leaves for the post step. */
export const State = {
  logsDir: 'logs-dir',
  upload: 'upload',
  artifacts: 'artifact-options',
} as const;

/** Label put on every container kernelbuilder starts, so leftovers can be found and removed. */
export const CONTAINER_LABEL = 'org.kernelbuilder.build';

/** Label with the pid of the process that started a container: a leftover's owner is gone. */
export const OWNER_LABEL = 'org.kernelbuilder.owner-pid';

/** Where the in-container driver is mounted; the image holds toolchains only. */
export const DRIVER_MOUNT = '/opt/kernelbuilder';
