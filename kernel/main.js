#!/usr/bin/env node
// Kernel entry named by kernel.json: `node kernel/main.js <connection_file>`. tsx lets the kernel, the project's
// lib and cells' `import ... from './x.ts'` load TypeScript directly.
import { register } from 'tsx/esm/api';

register();
const { startKernel } = await import('./server.ts');
await startKernel(process.argv[2]);
