#!/usr/bin/env node
// Runs the TypeScript sources directly (tsx); see docs/adr/0002-run-typescript-with-tsx.md.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
