// The kernel over its ZeroMQ protocol, as a front-end drives it: one kernel process for the whole file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kernelSpec } from '../kernel/install.ts';
import { encode } from '../kernel/wire.ts';
import { type Exchange, type RunningKernel, launchKernel, outputsOf, streamText } from '../support/jupyter-client.ts';

let kernel: RunningKernel;
const client = () => kernel.client;
const types = (e: Exchange) => e.iopub.map((m) => m.header.msg_type);
const result = (e: Exchange) => outputsOf(e, 'execute_result')[0]?.['data'] as Record<string, unknown> | undefined;

/** Waits until the cell's execute_input has been published, i.e. the cell is running. */
async function started(e: Promise<Exchange>, code: string): Promise<void> {
  while (!client().allIopub.some((m) => m.header.msg_type === 'execute_input' && m.content['code'] === code)) {
    await new Promise((r) => setTimeout(r, 20));
  }
  // Let the cell get into its loop; any point after execute_input would do.
  await new Promise((r) => setTimeout(r, 100));
  void e;
}

beforeAll(async () => {
  const spec = kernelSpec();
  kernel = await launchKernel(spec.argv, { env: spec.env });
});

afterAll(async () => {
  await kernel?.stop();
});

describe('ipw kernel protocol', () => {
  it('answers kernel_info with TypeScript language info and beats its heart', async () => {
    const { reply, iopub } = await client().request('shell', 'kernel_info_request', {});
    expect(reply.header.msg_type).toBe('kernel_info_reply');
    expect(reply.content).toMatchObject({
      status: 'ok',
      protocol_version: '5.3',
      language_info: { name: 'typescript', mimetype: 'text/typescript', file_extension: '.ts' },
    });
    expect(iopub.map((m) => m.content['execution_state'])).toEqual(['busy', 'idle']);
    expect(await client().heartbeat()).toBe(true);
  });

  it('publishes execute_input and execute_result, and keeps variables between cells', async () => {
    const first = await client().execute('const answer: number = 41; answer + 1');
    expect(first.reply.content).toMatchObject({ status: 'ok', execution_count: expect.any(Number) });
    expect(types(first)).toEqual(['status', 'execute_input', 'execute_result', 'status']);
    expect(result(first)).toEqual({ 'text/plain': '42' });
    const again = await client().execute('const answer = "redefined"; answer');
    expect(result(again)).toEqual({ 'text/plain': "'redefined'" });
    expect((again.reply.content['execution_count'] as number) - (first.reply.content['execution_count'] as number)).toBe(1);
  });

  it('sends console output as stream messages before the result', async () => {
    const e = await client().execute('console.log("out", 1); console.error("err"); process.stdout.write("raw\\n"); 7');
    expect(streamText(e, 'stdout')).toBe('out 1\nraw\n');
    expect(streamText(e, 'stderr')).toBe('err\n');
    expect(types(e).indexOf('stream')).toBeLessThan(types(e).indexOf('execute_result'));
  });

  it('reports an exception as an error message and an error reply, and skips cells queued behind it', async () => {
    const failing = client().execute('function explode() { throw new TypeError("nope") }\nexplode()');
    const queued = client().execute('globalThis.ranAfterError = true');
    const e = await failing;
    expect(e.reply.content).toMatchObject({ status: 'error', ename: 'TypeError', evalue: 'nope' });
    const [error] = outputsOf(e, 'error');
    expect(error).toMatchObject({ ename: 'TypeError', evalue: 'nope' });
    expect((error!['traceback'] as string[]).join('\n')).toMatch(/at explode \(cell\[\d+\]:1:/);
    expect((await queued).reply.content['status']).toBe('aborted');
    expect(result(await client().execute('typeof ranAfterError'))).toEqual({ 'text/plain': "'undefined'" });
  });

  it('sends display_data, update_display_data, mime bundles of displayable values and HTML tables', async () => {
    const e = await client().execute([
      'const id = await display({ "text/html": "<b>v1</b>" }, { displayId: "fig" });',
      'await updateDisplay("fig", { "text/html": "<b>v2</b>" });',
      'class Fig { [Symbol.for("ipw.mimeBundle")]() { return { "image/svg+xml": "<svg/>", "text/plain": "Fig" } } }',
      'new Fig()',
    ].join('\n'));
    const display = outputsOf(e, 'display_data')[0]!;
    expect(display).toEqual({ data: { 'text/html': '<b>v1</b>' }, metadata: {}, transient: { display_id: 'fig' } });
    expect(outputsOf(e, 'update_display_data')[0]).toMatchObject({ data: { 'text/html': '<b>v2</b>' }, transient: { display_id: 'fig' } });
    expect(result(e)).toEqual({ 'image/svg+xml': '<svg/>', 'text/plain': 'Fig' });
    const table = result(await client().execute('[{ model: "a", ipw: 1.5 }, { model: "b", ipw: 2 }]'))!;
    expect(table['text/html']).toMatch(/<table[^>]*>.*<th>model<\/th><th>ipw<\/th>.*<td>a<\/td>/);
  });

  it('completes and inspects names defined by earlier cells', async () => {
    await client().execute('const researcher = { joules: 1, judge: "x", model: "m" }');
    const completion = await client().request('shell', 'complete_request', { code: 'researcher.j', cursor_pos: 12 });
    expect(completion.reply.content).toMatchObject({ status: 'ok', matches: ['joules', 'judge'], cursor_start: 11, cursor_end: 12 });
    const names = await client().request('shell', 'complete_request', { code: 'resea', cursor_pos: 5 });
    expect(names.reply.content['matches']).toContain('researcher');
    const inspection = await client().request('shell', 'inspect_request', { code: 'researcher', cursor_pos: 4, detail_level: 0 });
    expect(inspection.reply.content).toMatchObject({ status: 'ok', found: true });
    expect((inspection.reply.content['data'] as Record<string, string>)['text/plain']).toContain("judge: 'x'");
    const incomplete = await client().request('shell', 'is_complete_request', { code: 'for (const x of [1]) {' });
    expect(incomplete.reply.content['status']).toBe('incomplete');
    const history = await client().request('shell', 'history_request', { hist_access_type: 'tail', n: 1, output: false, raw: true });
    expect(history.reply.content['history']).toEqual([[0, expect.any(Number), 'const researcher = { joules: 1, judge: "x", model: "m" }']]);
  });

  it('interrupts a synchronous loop on SIGINT, keeping earlier variables and answering heartbeats meanwhile', async () => {
    await client().execute('let kept = "still here"; let spins = 0');
    const code = 'while (true) { spins++ }';
    const running = client().execute(code);
    await started(running, code);
    expect(await client().heartbeat()).toBe(true);
    kernel.child.kill('SIGINT');
    const e = await running;
    expect(e.reply.content).toMatchObject({ status: 'error', ename: 'KeyboardInterrupt' });
    expect(result(await client().execute('[kept, spins > 0]'))).toEqual({ 'text/plain': "[ 'still here', true ]" });
  });

  it('interrupts a synchronous loop on interrupt_request over the control channel', async () => {
    const code = 'for (;;) { spins++ }';
    const running = client().execute(code);
    await started(running, code);
    const interrupt = await client().request('control', 'interrupt_request', {}, false);
    expect(interrupt.reply.content).toEqual({ status: 'ok' });
    expect((await running).reply.content).toMatchObject({ status: 'error', ename: 'KeyboardInterrupt' });
    expect(result(await client().execute('kept'))).toEqual({ 'text/plain': "'still here'" });
  });

  it('interrupts an awaiting loop, aborting ipw.signal so the loop stops', async () => {
    const code = 'let ticks = 0; while (!ipw.signal.aborted) { ticks++; await new Promise((r) => setTimeout(r, 5)) }';
    const running = client().execute(code);
    await started(running, code);
    await client().request('control', 'interrupt_request', {}, false);
    expect((await running).reply.content).toMatchObject({ status: 'error', ename: 'KeyboardInterrupt' });
    const after = await client().execute('const t0 = ticks; await new Promise((r) => setTimeout(r, 50)); [t0 > 0, ticks === t0]');
    expect(result(after)).toEqual({ 'text/plain': '[ true, true ]' });
  });

  it('rejects a message with a wrong signature without running it', async () => {
    const forged = client().message('execute_request', { code: 'globalThis.forged = true', silent: false, store_history: true, user_expressions: {}, allow_stdin: false });
    const frames = encode(forged, client().signer);
    frames[1] = Buffer.from('0'.repeat(64));
    await client().sendFrames('shell', frames);
    // Shell requests run in order, so had the forged one been accepted it would have run before this one.
    expect(result(await client().execute('typeof forged'))).toEqual({ 'text/plain': "'undefined'" });
    expect(client().allIopub.some((m) => (m.parent_header as { msg_id?: string }).msg_id === forged.header.msg_id)).toBe(false);
    expect(kernel.stderr()).toContain('invalid signature');
  });

  it('imports node-llama-cpp (ESM with top-level await) statically and with await import()', async () => {
    const e = await client().execute('import { getLlama } from "node-llama-cpp";\nconst nlc = await import("node-llama-cpp");\n[typeof getLlama, nlc.getLlama === getLlama]');
    expect(e.reply.content['status']).toBe('ok');
    expect(result(e)).toEqual({ 'text/plain': "[ 'function', true ]" });
    expect(streamText(e, 'stderr')).toBe('');
  });

  it('loads the project lib by package name and through the preloaded ipw object', async () => {
    const e = await client().execute('import { summarize } from "ipw-lab/metrics";\n[typeof summarize, typeof ipw.metrics.summarize, ipw.signal instanceof AbortSignal]');
    expect(result(e)).toEqual({ 'text/plain': "[ 'function', 'function', true ]" });
  });

  it('shuts down on request', async () => {
    const exited = new Promise<number | null>((resolve) => kernel.child.once('exit', (code) => resolve(code)));
    const { reply } = await client().request('control', 'shutdown_request', { restart: false }, false);
    expect(reply.content).toEqual({ status: 'ok', restart: false });
    expect(await exited).toBe(0);
  });
});
