// Bundle the action and the CLI into dist/ (committed: the runner executes dist/, not src/).
// The @actions packages are ESM-only, so the bundle is ESM; dockerode and its deps are
// CommonJS and need `require` and `__dirname`, given by the banner. ssh2's optional native
// addons (*.node, cpu-features) stay out, so dist/ does not depend on the machine that
// built it: ssh2 loads them in try/catch and runs without them.
import { build } from 'esbuild';
import { syncDriver } from './sync-driver.mjs';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';

mkdirSync('dist', { recursive: true });
// dist/driver stays: running builds bind-mount it and bash reads driver.sh as it runs, so
// it is synced file by file below instead of being deleted and copied.
for (const entry of readdirSync('dist', { withFileTypes: true }).filter((e) => e.name !== 'driver')) {
  rmSync(`dist/${entry.name}`, { recursive: true, force: true });
}
await build({
  entryPoints: { index: 'src/index.ts', post: 'src/post.ts', cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  external: ['*.node', 'cpu-features'],
  banner: {
    js: [
      "import { createRequire as __kbRequire } from 'node:module';",
      "import { fileURLToPath as __kbPath } from 'node:url';",
      "import { dirname as __kbDirname } from 'node:path';",
      'const require = __kbRequire(import.meta.url);',
      'const __kbFilename = __kbPath(import.meta.url);',
      'const __kbDirname2 = __kbDirname(__kbFilename);',
    ].join(' '),
  },
  // CommonJS code's free __dirname/__filename, renamed so they cannot clash with ESM
  // modules of the bundle that declare their own.
  define: { __dirname: '__kbDirname2', __filename: '__kbFilename' },
  legalComments: 'none',
  logLevel: 'warning',
});
syncDriver('src/driver', 'dist/driver');
