// `npm run build:llama-tools`: builds (or finds cached) llama-bench and llama-server from node-llama-cpp's bundled llama.cpp.
import { ensureLlamaTools } from '../lib/run/llama-tools.ts';

const tools = await ensureLlamaTools();
process.stdout.write(`${JSON.stringify(tools, null, 2)}\n`);
