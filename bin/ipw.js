#!/usr/bin/env node
// The CLI is TypeScript; tsx registers its loader so `ipw` runs without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../lib/cli/index.ts');
process.exitCode = await main(process.argv.slice(2));
