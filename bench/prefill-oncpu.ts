/**
 * Who holds the CPUs while `ipw profile` prefills and decodes: every context switch on the machine, recorded with
 * `perf record -e sched:sched_switch -a` (Debian's linux-perf, as root) around a profile run, then split by thread
 * over each query's prefill and decode windows: llama.cpp's threads (named ipw-llama), the energy sampler, the main
 * thread, this process's other threads (V8's and libuv's helpers), other processes, and idle.
 *
 *   npx tsx bench/prefill-oncpu.ts [-- --model small-f16 --threads 2 --queries 40]
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { monotonicOffsetMs, THREAD_NAMES } from '../lib/energy/index.ts';
import { profile } from '../lib/profile/index.ts';
import { roleOf, type ThreadRole } from '../lib/run/cpu-time.ts';
import { benchModelPath, benchPrompt, STUB_JUDGE } from './fixtures.ts';
import { median } from './stats.ts';

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: 'small-f16' },
    threads: { type: 'string', default: String(availableParallelism()) },
    queries: { type: 'string', default: '40' },
  },
});
const dir = mkdtempSync(join(tmpdir(), 'ipw-oncpu-'));
const perfData = join(dir, 'sched.data');

const perf = spawn('perf', ['record', '-q', '-k', 'mono', '-e', 'sched:sched_switch', '-a', '-o', perfData], { stdio: ['ignore', 'ignore', 'inherit'] });
/** Why perf stopped: '' when it was stopped by us. */
const perfStopped = new Promise<string>((resolve) => {
  perf.once('error', (error) => resolve(`could not run perf (${error.message})`));
  perf.once('exit', (code, signal) => resolve(code === 0 || signal === 'SIGINT' ? '' : `perf record exited with ${code ?? signal}`));
});
const perfFailure = (why: string) => new Error(`${why}; install Debian's linux-perf and run as root (or set kernel.perf_event_paranoid to -1)`);
let stoppedEarly: string | undefined;
void perfStopped.then((why) => (stoppedEarly = why));
while (!existsSync(perfData) && stoppedEarly === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
if (stoppedEarly !== undefined) throw perfFailure(stoppedEarly || 'perf record exited before recording');

const queries = Array.from({ length: Number(values.queries) }, (_, i) => ({ id: `q${i}`, prompt: benchPrompt(), domain: 'bench', answer: 'x', grader: 'judge' as const }));
const run = await profile({
  model: await benchModelPath(values.model),
  queries,
  outDir: join(dir, 'run'),
  maxTokens: 128,
  threads: Number(values.threads),
  gpu: false,
  template: 'raw',
  engine: 'direct',
  library: 'native',
  judge: STUB_JUDGE,
});
const offsetMs = monotonicOffsetMs();
perf.kill('SIGINT');
const why = await perfStopped;
if (why !== '') throw perfFailure(why);

/** What ran on each CPU, and when (CLOCK_MONOTONIC ms), from the recorded switches. */
type Slice = { startMs: number; endMs: number; comm: string; tid: number };
const slices: Slice[] = [];
const running = new Map<number, Omit<Slice, 'endMs'>>();
const switchLine = /\[(\d+)\]\s+([\d.]+):.*prev_comm=(.*) prev_pid=(\d+) .*next_comm=(.*) next_pid=(\d+) /;
const script = execFileSync('perf', ['script', '-i', perfData, '-F', 'cpu,time,trace'], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] });
for (const line of script.split('\n')) {
  const m = switchLine.exec(line);
  if (m === null) continue;
  const cpu = Number(m[1]);
  const atMs = Number(m[2]) * 1000;
  const was = running.get(cpu);
  if (was !== undefined) slices.push({ ...was, endMs: atMs });
  running.set(cpu, { startMs: atMs, comm: m[5]!, tid: Number(m[6]) });
}

const ownTids = new Set(readdirSync(`/proc/${process.pid}/task`).map(Number));
const ROLE_LABELS: Record<ThreadRole, string> = {
  llama: 'llama.cpp threads',
  sampler: 'energy sampler',
  main: 'main thread (the harness)',
  other: "this process's other threads (V8, libuv)",
};
/** The engine's and the sampler's threads have exited by now; their names still say whose they were. */
function category(slice: Slice): string {
  if (slice.comm.startsWith('swapper')) return 'idle';
  const named = slice.comm === THREAD_NAMES.llama || slice.comm === THREAD_NAMES.sampler;
  return named || ownTids.has(slice.tid) ? ROLE_LABELS[roleOf(String(slice.tid), slice.comm)] : 'other processes';
}

/** CPU-ms by category within [startMs, endMs]. */
function cpuMsByCategory(startMs: number, endMs: number): Map<string, number> {
  const byCategory = new Map<string, number>();
  for (const slice of slices) {
    const overlapMs = Math.min(slice.endMs, endMs) - Math.max(slice.startMs, startMs);
    if (overlapMs > 0) byCategory.set(category(slice), (byCategory.get(category(slice)) ?? 0) + overlapMs);
  }
  return byCategory;
}

/** Each category's share of the CPU time in the windows: pooled over all of them, and in the median window. */
function shares(windows: Array<[number, number]>): { pooled: Map<string, number>; median: Map<string, number> } {
  const cores = cpus().length;
  const perWindow = windows.map(([startMs, endMs]) => ({ cpuMs: (endMs - startMs) * cores, byCategory: cpuMsByCategory(startMs, endMs) }));
  const totalMs = perWindow.reduce((sum, w) => sum + w.cpuMs, 0);
  const keys = new Set(perWindow.flatMap((w) => [...w.byCategory.keys()]));
  const pooled = new Map([...keys].map((k) => [k, perWindow.reduce((sum, w) => sum + (w.byCategory.get(k) ?? 0), 0) / totalMs]));
  const inMedian = new Map([...keys].map((k) => [k, median(perWindow.map((w) => (w.byCategory.get(k) ?? 0) / w.cpuMs))]));
  return { pooled, median: inMedian };
}

const recorded = [slices[0]?.startMs ?? Infinity, slices.at(-1)?.endMs ?? -Infinity];
const rows = run.results.filter((r) => r.clockStartMs + offsetMs > recorded[0]! && r.clockEndMs + offsetMs < recorded[1]!);
const prefill = rows.map((r): [number, number] => [r.clockStartMs + offsetMs, r.clockStartMs + r.ttftMs + offsetMs]);
const decode = rows.map((r): [number, number] => [r.clockStartMs + r.ttftMs + offsetMs, r.clockEndMs + offsetMs]);
const [prefillShares, decodeShares] = [shares(prefill), shares(decode)];
const categories = [...prefillShares.pooled.keys()].sort((a, b) => prefillShares.pooled.get(b)! - prefillShares.pooled.get(a)!);
// Idle at a prefill's start is a sleeping OpenMP team thread being woken; later in it, a compute thread that blocked.
const idleMs = (windows: Array<[number, number]>) => windows.reduce((sum, w) => sum + (cpuMsByCategory(w[0], w[1]).get('idle') ?? 0), 0);
const prefillIdleMs = idleMs(prefill);
const firstHalfMsIdleMs = idleMs(prefill.map(([startMs, endMs]) => [startMs, Math.min(endMs, startMs + 0.5)]));

console.log(`${values.model}, ${values.threads} threads, ${rows.length} queries of 128 tokens; host ${cpus()[0]?.model}, ${cpus().length} CPUs`);
console.log(`prefill median ${median(rows.map((r) => r.ttftMs)).toFixed(2)} ms (${median(rows.map((r) => r.promptTokens / (r.ttftMs / 1000))).toFixed(0)} tok/s)`);
console.log('| who held the CPUs | share of prefill CPU time: all windows | in the median window | share of decode CPU time: all | median |');
console.log('|---|---|---|---|---|');
const pct = (x: number | undefined) => `${((x ?? 0) * 100).toFixed(2)}%`;
for (const c of categories) {
  console.log(`| ${c} | ${pct(prefillShares.pooled.get(c))} | ${pct(prefillShares.median.get(c))} | ${pct(decodeShares.pooled.get(c))} | ${pct(decodeShares.median.get(c))} |`);
}
if (prefillIdleMs > 0) console.log(`idle CPU time in prefills: ${pct(firstHalfMsIdleMs / prefillIdleMs)} of it in their first 0.5 ms`);
