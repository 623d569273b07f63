#!/usr/bin/env node
// CommonJS on purpose (bin/package.json): an ESM entry is read through libuv's threadpool before its first line
// runs, which fixes the pool's size; a CommonJS entry is read synchronously, so the line below still takes effect.
// One pool thread keeps node-llama-cpp's per-decode compute threads off each other's core (shared FACTS), and
// avoids re-executing Node, which would complicate signals and orphan the child when the parent is killed.
process.env.UV_THREADPOOL_SIZE ??= '1';

// The CLI is TypeScript; tsx registers its loader so `ipw` runs without a build step.
import('tsx/esm/api')
  .then(async ({ register }) => {
    register();
    const { main } = await import('../lib/cli/index.ts');
    process.exitCode = await main(process.argv.slice(2));
  })
  .catch((error) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
