// The reproduction notebooks (notebooks/*.ipynb), executed headless through Jupyter's own client (nbclient)
// with the ipw kernel, on the generated fixture models. Also checks that the committed files carry no outputs.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeNotebook, type ExecutedNotebook, type NotebookOutput } from '../kernel/notebook.ts';
import { BOOTSTRAP, formatNumber, summarize } from '../lib/metrics/index.ts';
import { REASONING_FIXTURE_THINKING_TOKENS } from '../lib/profile/index.ts';
import { ensureLlamaTools } from '../lib/run/llama-tools.ts';
import { readManifest, readResults } from '../lib/store/index.ts';

const NOTEBOOK_DIR = 'notebooks';
const folderBefore = readdirSync(NOTEBOOK_DIR).sort();
const notebooks = folderBefore.filter((f) => f.endsWith('.ipynb'));
const PLOTLY = 'application/vnd.plotly.v1+json';

// The notebooks write runs, models and figures under $IPW_NOTEBOOK_OUT (default: the OS temp folder).
const out = mkdtempSync(join(tmpdir(), 'ipw-notebooks-'));
const previousOut = process.env.IPW_NOTEBOOK_OUT;
beforeAll(() => {
  process.env.IPW_NOTEBOOK_OUT = out;
});
afterAll(() => {
  if (previousOut === undefined) delete process.env.IPW_NOTEBOOK_OUT;
  else process.env.IPW_NOTEBOOK_OUT = previousOut;
  rmSync(out, { recursive: true, force: true });
});

const durations: Record<string, number> = {};
async function execute(name: string): Promise<ExecutedNotebook> {
  const started = performance.now();
  const nb = await executeNotebook(join(NOTEBOOK_DIR, name), { timeoutS: 120 });
  durations[name] = (performance.now() - started) / 1000;
  return nb;
}

function allOutputs(nb: ExecutedNotebook): NotebookOutput[] {
  return nb.cells.flatMap((cell) => cell.outputs ?? []);
}

const html = (o: NotebookOutput): string => String(o.data?.['text/html'] ?? '');
const plain = (o: NotebookOutput): string => String(o.data?.['text/plain'] ?? '');

/** The one rich output whose HTML table has this caption. */
function tableWithCaption(nb: ExecutedNotebook, caption: string | RegExp): string {
  const found = allOutputs(nb).filter((o) => {
    const m = /<caption>([^<]*)<\/caption>/.exec(html(o));
    return m !== null && (typeof caption === 'string' ? m[1]!.startsWith(caption) : caption.test(m[1]!));
  });
  expect(found, `a table captioned ${caption}`).toHaveLength(1);
  return html(found[0]!);
}

function figures(nb: ExecutedNotebook): NotebookOutput[] {
  return allOutputs(nb).filter((o) => o.data?.[PLOTLY] !== undefined);
}

function figureTitled(nb: ExecutedNotebook, title: string): { data: { name?: string; text?: string[] }[]; layout: { title?: { text?: string } } } {
  const found = figures(nb)
    .map((o) => o.data![PLOTLY] as { data: { name?: string; text?: string[] }[]; layout: { title?: { text?: string } } })
    .filter((f) => f.layout.title?.text === title);
  expect(found, `a figure titled "${title}"`).toHaveLength(1);
  return found[0]!;
}

/** The single folder the notebook created under $IPW_NOTEBOOK_OUT (ipw-01-xxxx, ...). */
function workDir(prefix: string): string {
  const dirs = readdirSync(out).filter((d) => d.startsWith(prefix));
  expect(dirs).toHaveLength(1);
  return join(out, dirs[0]!);
}

describe('committed notebooks', () => {
  it('exist, use the ipw kernelspec and carry no outputs', () => {
    // Exactly these: a new notebook needs its own test of its key outputs below.
    expect([...notebooks].sort()).toEqual(['01-quickstart.ipynb', '02-compare-models.ipynb', '03-energy-deep-dive.ipynb', '04-paper-figures.ipynb', '05-agents.ipynb', '06-serving.ipynb', '07-sweep.ipynb']);
    for (const name of notebooks) {
      const nb = JSON.parse(readFileSync(join(NOTEBOOK_DIR, name), 'utf8')) as {
        nbformat: number;
        metadata: { kernelspec?: Record<string, string> };
        cells: { cell_type: string; outputs?: unknown[]; execution_count?: number | null }[];
      };
      expect(nb.nbformat, name).toBe(4);
      expect(nb.metadata.kernelspec, name).toEqual({ name: 'ipw', display_name: 'IPW Lab (TypeScript)', language: 'typescript' });
      for (const cell of nb.cells.filter((c) => c.cell_type === 'code')) {
        expect(cell.outputs, name).toEqual([]);
        expect(cell.execution_count, name).toBeNull();
      }
    }
  });
});

describe('notebooks execute headless on the fixture models', () => {
  afterAll(() => {
    console.log(`notebook execution (s): ${JSON.stringify(Object.fromEntries(Object.entries(durations).map(([k, v]) => [k, Number(v.toFixed(1))])))}`);
  });

  it('01-quickstart: sample counts, live view updated in place, IPW table of the run, power trace figure', async () => {
    const nb = await execute('01-quickstart.ipynb');

    expect(tableWithCaption(nb, 'The sample set: 338 queries in 7 domains')).toContain('<td style="text-align:left">geography</td>');

    // nbclient applies update_display_data to the output with that display id, so the saved notebook holds one
    // live panel showing the final state (it went through "starting", the idle baseline and the warm-up first).
    const profileCell = nb.cells.find((c) => String(c.source).includes('liveRun(display'))!;
    const live = (profileCell.outputs ?? []).filter((o) => o.output_type === 'display_data');
    expect(live).toHaveLength(1);
    expect(plain(live[0]!)).toMatch(/^60\/60 queries .* \| start-up \d+s$/);
    expect(html(live[0]!)).toContain('class="ipw-live" data-phase="queries"');
    expect(html(live[0]!)).toContain('ipw-sparkline-line');
    // The run used the session opened in the cell before: the model was not loaded again.
    const manifest = readManifest(join(workDir('ipw-01-'), 'run'));
    expect(manifest.settings.modelSession).toEqual({ baselineTakenAt: null, warm: false });

    // The IPW table shows the run's own numbers (recomputed here from the run folder).
    const results = await readResults(join(workDir('ipw-01-'), 'run'));
    expect(results).toHaveLength(60);
    const [overall] = summarize(results, { groupBy: ['model', 'accelerator'], bootstrap: BOOTSTRAP });
    expect(overall!.ipw).toBeGreaterThan(0);
    const table = tableWithCaption(nb, 'IPW over the slice');
    expect(table).toContain('IPW (acc/W)');
    expect(table).toContain(`>${formatNumber(overall!.ipw)} [`);
    expect(table).toContain(`>${formatNumber(overall!.ipj)} [`);
    expect(table).toContain(`>${formatNumber(overall!.accuracy)} [`);
    expect(tableWithCaption(nb, 'IPW per domain').match(/<tr>/g)).toHaveLength(1 + 7);

    const [trace] = figures(nb);
    expect(figures(nb)).toHaveLength(1);
    expect(Object.keys(trace!.data!)).toEqual(expect.arrayContaining([PLOTLY, 'text/html', 'image/svg+xml']));
    expect(String(trace!.data!['image/svg+xml'])).toMatch(/^<svg/);
    expect(html(trace!)).toContain('data:image/svg+xml;base64,');
    const plot = trace!.data![PLOTLY] as { data: { y: (number | null)[] }[]; layout: { shapes: { name: string }[] } };
    expect(plot.data[0]!.y.filter((y) => y !== null && y > 0).length).toBeGreaterThan(10);
    // One shaded span per query, plus its prefill and decode.
    expect(plot.layout.shapes.filter((s) => s.name === 'query')).toHaveLength(60);
    expect(plot.layout.shapes.filter((s) => s.name === 'prefill')).toHaveLength(60);
  }, 180_000);

  it('02-compare-models: three models on one slice, the accuracy-energy frontier and IPW/IPJ bars', async () => {
    const nb = await execute('02-compare-models.ipynb');
    const panels = allOutputs(nb).filter((o) => html(o).includes('class="ipw-live"'));
    expect(panels.map((o) => plain(o).split(' | ')[0])).toEqual(['60/60 queries', '60/60 queries', '60/60 queries']);
    const summary = tableWithCaption(nb, 'Models on the same 60 queries');
    for (const model of ['fixture-acc40', 'fixture-acc60', 'fixture-acc80']) expect(summary).toContain(`>${model}<`);

    const frontier = figureTitled(nb, 'Accuracy vs energy per query');
    expect(frontier.data.map((t) => t.name)).toContain('Pareto frontier');
    expect(frontier.data[0]!.text).toEqual(['fixture-acc40', 'fixture-acc60', 'fixture-acc80']);
    figureTitled(nb, 'Intelligence per watt');
    figureTitled(nb, 'Intelligence per joule');
    const bench = tableWithCaption(nb, 'Bench model, F16 vs Q8_0');
    expect(bench).toContain('>F16<');
    expect(bench).toContain('>Q8_0<');
  }, 180_000);

  it('03-energy-deep-dive: source table, gross vs net, prefill vs decode, the manifest energy report', async () => {
    const nb = await execute('03-energy-deep-dive.ipynb');
    const sources = tableWithCaption(nb, 'Energy sources');
    for (const name of ['nvml', 'amd-gpu', 'powermetrics', 'rapl', 'estimated']) expect(sources).toContain(`>${name}<`);
    expect(tableWithCaption(nb, 'Gross vs net energy per query')).toContain('mean net J');
    expect(tableWithCaption(nb, 'Prefill vs decode')).toMatch(/>prefill<[\s\S]*>decode</);
    figureTitled(nb, 'Energy per query by phase');
    expect(tableWithCaption(nb, 'Idle baseline')).toContain('idlePowerW');
    expect(tableWithCaption(nb, 'Span split')).toContain('between queries');
    expect(tableWithCaption(nb, 'Cross-check and sampler')).toContain('counterJ');
    const verdict = plain(allOutputs(nb).at(-1)!);
    expect(verdict).toMatch(/Energy in this run: (ESTIMATED|measured) by/);
  }, 180_000);

  it('04-paper-figures: a study over three runs, per-domain accuracy, IPW trend, coverage, SVG and PDF exports', async () => {
    const nb = await execute('04-paper-figures.ipynb');
    expect(tableWithCaption(nb, 'Runs in the study').match(/<tr>/g)).toHaveLength(1 + 3);
    figureTitled(nb, 'Accuracy by domain');
    figureTitled(nb, 'IPW over release date');
    expect(tableWithCaption(nb, 'IPW by release date')).toContain('>2024-01-15<');
    expect(tableWithCaption(nb, 'Local coverage')).toContain('>(all)<');
    expect(tableWithCaption(nb, 'Coverage growth').match(/<tr>/g)).toHaveLength(1 + 3);

    const dir = join(workDir('ipw-04-'), 'figures');
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['domain-accuracy.pdf', 'domain-accuracy.svg', 'ipw-over-time.pdf', 'ipw-over-time.svg']);
    for (const file of files) {
      const bytes = readFileSync(join(dir, file));
      if (file.endsWith('.svg')) expect(bytes.toString('utf8', 0, 200)).toContain('<svg');
      else expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(bytes.length).toBeGreaterThan(1000);
    }
    expect(tableWithCaption(nb, 'Figures written to')).toContain('%PDF-');
  }, 180_000);

  it('05-agents: the agent task set, KV reuse against re-prefill, a task timeline, energy per turn, reasoning on/off', async () => {
    const nb = await execute('05-agents.ipynb');
    const set = tableWithCaption(nb, 'The agent task set: 62 tasks in 3 domains');
    for (const [domain, tasks] of [['arithmetic', 22], ['lookup', 22], ['files', 18]]) {
      expect(set).toContain(`<td style="text-align:left">${domain}</td><td style="text-align:right">${tasks}</td>`);
    }
    expect(tableWithCaption(nb, 'Scripted tasks the fixture solves (6)')).toContain('>search → search → calculator<');
    const panels = allOutputs(nb).filter((o) => html(o).includes('class="ipw-live"'));
    expect(panels.map((o) => plain(o).split(' | ')[0])).toEqual(['6/6 queries', '6/6 queries', '12/12 queries', '12/12 queries']);

    // The task table shows the two runs' own numbers (recomputed here from their folders), under their energy label.
    const dir = workDir('ipw-05-');
    const summary = tableWithCaption(nb, /^Agent tasks per KV mode \(energy: .+ \(.+\), domain .+, (ESTIMATED|measured)\)$/);
    expect(summary.match(/<tr>/g)).toHaveLength(1 + 2);
    for (const kv of ['reuse', 'reprefill']) {
      const results = await readResults(join(dir, `agent-${kv}`));
      expect(results.map((r) => r.correct)).toEqual([true, true, true, true, true, true]);
      const [cell] = summarize(results, { groupBy: ['model', 'accelerator'] });
      expect(summary).toMatch(new RegExp(`>${kv}</td><td[^>]*>6</td><td[^>]*>1 \\[1, 1\\]</td><td[^>]*>${formatNumber(cell!.meanEnergyJ, 3).replace('.', '\\.')} \\[`));
    }
    // 4 turns over 2 KV modes: lookup-17 takes four, the others two or three.
    expect(tableWithCaption(nb, /^Energy per turn, means over tasks \(energy: /).match(/<tr>/g)).toHaveLength(1 + 8);

    const timeline = figureTitled(nb, 'lookup-17: two searches and a calculator call (kv reuse)') as unknown as {
      data: { name?: string; y: (number | null)[] }[];
      layout: { shapes: { name: string }[]; annotations: { text: string }[]; title: { subtitle: { text: string } } };
    };
    expect(timeline.layout.shapes.filter((s) => s.name === 'turn: prefill')).toHaveLength(4);
    expect(timeline.layout.shapes.filter((s) => s.name === 'tool call')).toHaveLength(3);
    expect(timeline.layout.annotations.map((a) => a.text)).toEqual(['T1', 'T2', 'T3', 'T4', 'search', 'search', 'calculator']);
    expect(timeline.data[0]!.name).toBe('power');
    expect(timeline.data[0]!.y.some((y) => y !== null && y > 0)).toBe(true);
    expect(timeline.layout.title.subtitle.text).toContain('4 turns, 3 tool calls');
    expect(figureTitled(nb, 'Energy per turn as the history grows').data.map((t) => t.name)).toEqual(['reprefill', 'reuse']);
    expect(figureTitled(nb, 'Reasoning off / on: accuracy, energy and IPW').data.map((t) => t.name)).toEqual(['reasoning off', 'reasoning on']);
    // Every figure draws (SVG for pages without plotly) and names its energy source.
    const source = (await readResults(join(dir, 'reasoning-on')))[0]!.energySource;
    expect(figures(nb)).toHaveLength(3);
    for (const fig of figures(nb)) {
      expect(String(fig.data!['image/svg+xml'])).toMatch(/^<svg/);
      expect((fig.data![PLOTLY] as { layout: { title: { subtitle: { text: string } } } }).layout.title.subtitle.text).toContain(source);
    }

    // Thinking tokens counted apart, and the thinking/answer split adding up to the query's joules (to display rounding).
    const text = allOutputs(nb).map((o) => String(o.text ?? '')).join('');
    const split = /reasoning on: (\d+) thinking tokens of (\d+) generated per query; per query ([\d.]+) prefill \+ ([\d.]+) thinking \+ ([\d.]+) answering = ([\d.]+) J/.exec(text);
    expect(split, text).not.toBeNull();
    expect(Number(split![1])).toBe(REASONING_FIXTURE_THINKING_TOKENS + 2);
    const [prefill, think, answer, whole] = split!.slice(3).map(Number);
    expect(Math.abs(prefill! + think! + answer! - whole!)).toBeLessThanOrEqual(0.02 * whole!); // each part rounded to 3 digits
    expect(text).toMatch(/reasoning off: no thinking block \(reasoningTokens null\), \d+ tokens generated per query/);
  }, 180_000);

  it('06-serving: a rate sweep on the fixture model served by llama-server, the load-level table and the serving plots', async () => {
    const nb = await execute('06-serving.ipynb');
    const levels = tableWithCaption(nb, /^Load levels \(energy: /);
    // Light load, saturation and two Poisson levels, each with all 12 requests completed.
    expect(levels.match(/<tr>/g)).toHaveLength(1 + 4);
    expect(levels).toContain('>closed x1<');
    expect(levels).toContain('>closed x8<');
    expect(levels.match(/>poisson [\d.]+\/s</g)).toHaveLength(2);
    for (const title of ['TTFT against load', 'TPOT against load', 'Throughput against load', 'Energy per request against load', 'Energy per request against p99 latency']) {
      figureTitled(nb, title);
    }
    const timeline = figures(nb).map((o) => o.data![PLOTLY] as { layout: { title?: { text?: string }; shapes?: unknown[] } }).find((f) => f.layout.title?.text?.startsWith('Saturation: 12 requests'));
    expect(timeline?.layout.shapes?.length).toBeGreaterThanOrEqual(12);
  }, 240_000);

  it('07-sweep: a 2x2x2 grid repeated twice, its frontier, repetitions, MFU/MBU from a measured peak, cost and carbon', async () => {
    await ensureLlamaTools(); // the peak probe runs llama-bench of the native build
    const nb = await execute('07-sweep.ipynb');
    expect(tableWithCaption(nb, 'Measured peak of ')).toMatch(/>[\d.]+ GFLOP\/s<[\s\S]*>[\d.]+ GB\/s</);
    const cells = tableWithCaption(nb, /^Sweep cells \(16\)/);
    expect(cells.match(/<tr>/g)).toHaveLength(1 + 16);
    expect(cells).toMatch(/>(E|L|EL)<\/td>/);
    expect(figureTitled(nb, 'Sweep: accuracy vs energy per query').data.map((t) => t.name)).toContain('Pareto frontier');
    figureTitled(nb, 'Sweep: accuracy vs p99 latency');
    expect(tableWithCaption(nb, 'Repetitions').match(/<tr>/g)).toHaveLength(1 + 8);
    // Every MFU and MBU is a share of the measured peak, at most 100%.
    const efficiency = tableWithCaption(nb, 'Compute efficiency (ESTIMATES; peaks measured by ipw peak');
    const shares = [...efficiency.matchAll(/>([\d.]+)%</g)].map((m) => Number(m[1]));
    expect(shares).toHaveLength(16 * 3);
    for (const share of shares) expect(share).toBeLessThanOrEqual(100);
    expect(tableWithCaption(nb, 'Cost and carbon per query (derived ESTIMATES)').match(/<tr>/g)).toHaveLength(1 + 16);
    const text = allOutputs(nb).map((o) => String(o.text ?? '')).join('');
    expect(text).toMatch(/grid: World average, \d+ gCO2e\/kWh in \d{4} \(lifecycle\), as published in Ember/);
    expect(text).toMatch(/MFU: .*peak FLOP\/s from ipw peak on .* measured: llama-bench/);
    // Each cell is a run folder whose manifest records its derived figures.
    const sweepDir = join(workDir('ipw-07-'), 'sweep');
    const folders = readdirSync(sweepDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(folders).toHaveLength(16);
    expect((readManifest(join(sweepDir, folders[0]!)).derived as { rates: { grid: { region: string } } }).rates.grid.region).toBe('WORLD');
  }, 300_000);

  it('writes nothing into the notebooks folder', () => {
    expect(readdirSync(NOTEBOOK_DIR).sort()).toEqual(folderBefore);
  });
});
