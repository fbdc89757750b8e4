#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { runCli } from './entry/cli.ts';

// What ships with the CLI lies beside it: driver/ in src/ and dist/, images/ one level up.
process.exitCode = await runCli(process.argv.slice(2), {
  driverDir: fileURLToPath(new URL('./driver/', import.meta.url)),
  imagesDir: fileURLToPath(new URL('../images/', import.meta.url)),
});
