import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostname } from 'node:os';
import { type PostState, decidePostUpload, isEnterpriseServer, loadPostState, savePostState } from '../../src/publish/post-upload.ts';
import { parseArtifactOptions } from '../../src/publish/artifact-options.ts';

const state: PostState = { logsDir: '/runner/logs/next/next-20260105', upload: true, artifacts: { retentionDays: 5, compressionLevel: 9 } };
const actions = { ACTIONS_RUNTIME_TOKEN: 'token', GITHUB_SERVER_URL: 'https://github.com' };
const built = (path: string) => path === '/runner/logs/next/next-20260105/results.json';

test('state: post gets back what main saved, and nothing when main had no logs folder', () => {
  const saved = new Map<string, string>();
  savePostState(state, (name, value) => saved.set(name, value));
  const get = (name: string) => saved.get(name) ?? '';
  assert.deepEqual(loadPostState(get), state);
  // Options as the inputs give them, with the retention left to the repository.
  const defaults = { ...state, upload: false, artifacts: parseArtifactOptions(() => '') };
  savePostState(defaults, (name, value) => saved.set(name, value));
  assert.deepEqual(loadPostState(get), defaults);
  assert.equal(loadPostState(() => ''), undefined);
});

test('decide: upload with the saved options where the service is there', () => {
  for (const server of ['https://github.com', 'https://octo.ghe.com', 'http://results.localhost:8080', undefined]) {
    assert.deepEqual(decidePostUpload(state, { ...actions, GITHUB_SERVER_URL: server }, built), { action: 'upload', logsDir: state.logsDir, artifacts: state.artifacts }, String(server));
  }
});

test('decide: nothing when main saved no state, upload is off, or this is not GitHub Actions', () => {
  assert.deepEqual(decidePostUpload(undefined, actions, built), { action: 'none' });
  assert.deepEqual(decidePostUpload({ ...state, upload: false }, { ...actions, GITHUB_SERVER_URL: 'https://ghes.example.com' }, built), { action: 'none' });
  const outside = decidePostUpload(state, { GITHUB_SERVER_URL: 'https://github.com' }, built);
  assert.equal(outside.action, 'none');
  assert.match(outside.action === 'none' ? outside.info! : '', /no ACTIONS_RUNTIME_TOKEN/);
});

test('decide: on GitHub Enterprise Server, one warning that says where the logs are and how to fetch them', () => {
  const decision = decidePostUpload(state, { ...actions, GITHUB_SERVER_URL: 'https://ghes.example.com' }, built);
  assert.equal(decision.action, 'warn');
  const message = decision.action === 'warn' ? decision.message : '';
  assert.match(message, /GitHub Enterprise Server \(https:\/\/ghes\.example\.com\)/);
  assert.ok(message.includes(`runner ${hostname()} in ${state.logsDir}`), message);
  assert.ok(message.includes(`scp -r ${hostname()}:${state.logsDir} .`), message);
  assert.match(message, /actions\/upload-artifact@v3/);
});

test('decide: a warning, no upload, when main left no results.json', () => {
  const decision = decidePostUpload(state, actions, () => false);
  assert.equal(decision.action, 'warn');
  assert.match(decision.action === 'warn' ? decision.message : '', /has no results\.json/);
});

test('GHES is every server but github.com, *.ghe.com and *.localhost, as @actions/artifact rules', () => {
  const table: [string | undefined, boolean][] = [
    [undefined, false],
    ['', false],
    ['https://github.com', false],
    ['https://GitHub.com/', false],
    ['https://acme.ghe.com', false],
    ['http://api.localhost', false],
    ['https://ghes.example.com', true],
    ['https://github.example.org', true],
    ['https://ghe.com.example.org', true],
    ['not a url', false],
  ];
  for (const [url, ghes] of table) assert.equal(isEnterpriseServer(url), ghes, String(url));
});
