// Round trip of a trivial cell (`1+1 // i`: execute_request until execute_reply and the idle status), over ZeroMQ,
// for the ipw kernel and stock tslab in the same run. Target: median under 20 ms and no slower than tslab.
// Run: npx tsx bench/kernel.ts [--n 200] [--same]
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { kernelSpec } from '../kernel/install.ts';
import { launchKernel } from '../support/jupyter-client.ts';
import { median } from './stats.ts';

const { values } = parseArgs({
  options: { n: { type: 'string', default: '200' }, warmup: { type: 'string', default: '20' }, same: { type: 'boolean', default: false } },
});
const n = Number(values.n);
const warmup = Number(values.warmup);
const tslab = fileURLToPath(new URL('../node_modules/tslab/bin/tslab', import.meta.url));

async function roundTrips(argv: string[], env: Record<string, string>): Promise<number[]> {
  const kernel = await launchKernel(argv, { env });
  try {
    const times: number[] = [];
    for (let i = 0; i < warmup + n; i++) {
      const t0 = performance.now();
      // The comment varies because stock tslab stalls after about 170 executions of byte-identical code;
      // --same sends plain `1+1` every time (keep --n under 150 then).
      const { reply } = await kernel.client.execute(values.same ? '1+1' : `1+1 // ${i}`);
      const ms = performance.now() - t0;
      if (reply.content['status'] !== 'ok') throw new Error(`1+1 failed: ${JSON.stringify(reply.content)}`);
      if (i >= warmup) times.push(ms);
    }
    return times;
  } finally {
    await kernel.stop();
  }
}

const spec = kernelSpec();
const ours = await roundTrips(spec.argv, spec.env);
const theirs = await roundTrips([process.execPath, tslab, 'kernel', '--config-path', '{connection_file}'], {});
const p90 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)]!;
const row = (name: string, xs: number[]): string => `${name.padEnd(12)} median ${median(xs).toFixed(2)} ms   p90 ${p90(xs).toFixed(2)} ms`;
process.stdout.write(`${values.same ? '1+1' : '1+1 // i'} round trip over ZeroMQ, ${n} cells after ${warmup} warm-up (node ${process.version})\n`);
process.stdout.write(`${row('ipw kernel', ours)}\n${row('tslab 1.0.22', theirs)}\n`);
process.stdout.write(`ratio ipw/tslab ${(median(ours) / median(theirs)).toFixed(2)}  (target: ipw median < 20 ms and ratio <= 1)\n`);
