// Round trip of a trivial cell (`1+1 // i`: execute_request until execute_reply and the idle status), over ZeroMQ,
// for the ipw kernel and stock tslab in the same run. Target: median under 20 ms and no slower than tslab.
// Run: npx tsx bench/kernel.ts [--n 200] [--warmup 20] [--same] [--stall-s 10]
//
// Stock tslab 1.0.22 stops answering after about 170 executions in one kernel (byte-identical code or not). A kernel
// whose reply takes longer than --stall-s is declared stalled: it is stopped, the report says after how many
// executions, and the ratio compares both kernels over the executions tslab did finish. Progress goes to stderr.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { kernelSpec } from '../kernel/install.ts';
import { launchKernel } from '../support/jupyter-client.ts';
import { median } from './stats.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '20' },
    same: { type: 'boolean', default: false },
    'stall-s': { type: 'string', default: '10' },
  },
});
const n = Number(values.n);
const warmup = Number(values.warmup);
const stallMs = Number(values['stall-s']) * 1000;
const tslab = fileURLToPath(new URL('../node_modules/tslab/bin/tslab', import.meta.url));

interface Timings {
  /** Round trips of the measured executions (after the warm-up), in order. */
  times: number[];
  /** Executions (warm-up included) answered before the kernel stalled; undefined when it answered all. */
  stalledAfter?: number;
}

const log = (text: string): void => void process.stderr.write(`${text}\n`);

async function roundTrips(name: string, argv: string[], env: Record<string, string>): Promise<Timings> {
  log(`${name}: starting`);
  const kernel = await launchKernel(argv, { env });
  try {
    const times: number[] = [];
    for (let i = 0; i < warmup + n; i++) {
      const t0 = performance.now();
      // The comment varies so that no kernel can answer from a cache of identical code; --same sends plain `1+1`.
      const exchange = kernel.client.execute(values.same ? '1+1' : `1+1 // ${i}`);
      let timer: NodeJS.Timeout | undefined;
      const stalled = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), stallMs)));
      const answered = await Promise.race([exchange, stalled]);
      clearTimeout(timer);
      if (answered === undefined) {
        log(`${name}: no reply to execution ${i + 1} within ${stallMs / 1000} s: stalled after ${i} executions`);
        return { times, stalledAfter: i };
      }
      const ms = performance.now() - t0;
      if (answered.reply.content['status'] !== 'ok') throw new Error(`${name}: 1+1 failed: ${JSON.stringify(answered.reply.content)}`);
      if (i >= warmup) times.push(ms);
      if ((i + 1) % 50 === 0 || i + 1 === warmup + n) log(`${name}: ${i + 1}/${warmup + n} executions, last ${ms.toFixed(1)} ms`);
    }
    return { times };
  } finally {
    await kernel.stop();
  }
}

const spec = kernelSpec();
const ours = await roundTrips('ipw kernel', spec.argv, spec.env);
const theirs = await roundTrips('tslab 1.0.22', [process.execPath, tslab, 'kernel', '--config-path', '{connection_file}'], {});

const p90 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)]!;
const row = (name: string, t: Timings): string => {
  const stall = t.stalledAfter === undefined ? '' : `   (stalled after ${t.stalledAfter} executions; ${t.times.length} measured)`;
  return t.times.length === 0 ? `${name.padEnd(12)} no measured executions${stall}` : `${name.padEnd(12)} median ${median(t.times).toFixed(2)} ms   p90 ${p90(t.times).toFixed(2)} ms${stall}`;
};
process.stdout.write(`${values.same ? '1+1' : '1+1 // i'} round trip over ZeroMQ, ${n} cells after ${warmup} warm-up (node ${process.version})\n`);
process.stdout.write(`${row('ipw kernel', ours)}\n${row('tslab 1.0.22', theirs)}\n`);
// Over the executions both kernels finished: all of them, or those before tslab stalled.
const both = Math.min(ours.times.length, theirs.times.length);
const target = '(target: ipw median < 20 ms and ratio <= 1)';
if (both === 0) {
  process.stdout.write(`ratio ipw/tslab not computed: tslab finished no measured execution before it stalled ${target}\n`);
} else {
  const over = both === n ? '' : `, over the first ${both} measured executions, which both kernels finished`;
  process.stdout.write(`ratio ipw/tslab ${(median(ours.times.slice(0, both)) / median(theirs.times.slice(0, both))).toFixed(2)}${over}  ${target}\n`);
}
if (theirs.stalledAfter !== undefined) {
  process.stdout.write(`note: stock tslab stopped answering after ${theirs.stalledAfter} executions (no reply within ${stallMs / 1000} s; --stall-s); it was stopped there\n`);
}
