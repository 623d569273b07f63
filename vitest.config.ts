import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Model tests load llama.cpp; running them in parallel on 2 cores would distort timings and memory.
    fileParallelism: false,
    pool: 'forks',
  },
});
