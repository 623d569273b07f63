import { afterEach, describe, expect, it } from 'vitest';
import {
  Figure, accuracyVsEnergy, domainAccuracy, htmlTable, ipwBars, ipwOverTime, liveRunView, paretoFrontier, powerTrace,
  resetPlotlyInlining, type PhaseWindow, type PlotSummaryRow,
} from '../lib/plots/index.ts';
import { BrowserNotFoundError, findBrowser, formatFromPath } from '../lib/plots/export.ts';
import { PLOTLY_MIME } from '../lib/plots/figure.ts';
import { sparklineSvg } from '../lib/plots/live.ts';
import { MIME_BUNDLE, isDisplayable } from '../lib/plots/mime.ts';
import { downsampleMinMax } from '../lib/plots/power-trace.ts';
import { energyLabel } from '../lib/plots/rows.ts';
import type { BarTrace, ScatterTrace } from '../lib/plots/types.ts';
import type { ProfileProgress } from '../lib/profile/index.ts';
import type { QueryResult } from '../lib/store/types.ts';
import { dateTicks, linearTicks, logTicks, niceStep } from '../lib/plots/svg/ticks.ts';
import { decimateForPixels, renderSvg, wrapLines } from '../lib/plots/svg/render.ts';
import { textWidthPx } from '../lib/plots/svg/xml.ts';
import { byClass, parseXml } from './helpers/xml.ts';

function summary(model: string, accelerator: string, accuracy: number, meanEnergyJ: number, meanPowerW: number, extra: Partial<PlotSummaryRow> = {}): PlotSummaryRow {
  const ipw = accuracy / meanPowerW;
  const ipj = accuracy / meanEnergyJ;
  return {
    model, accelerator, queries: 100, accuracy, meanEnergyJ, meanPowerW, ipw, ipj, noAnswerRate: 0, errorRate: 0,
    ci: {
      accuracy: [accuracy - 0.05, accuracy + 0.04],
      ipw: [ipw * 0.9, ipw * 1.2],
      ipj: [ipj * 0.8, ipj * 1.1],
      meanEnergyJ: [meanEnergyJ * 0.9, meanEnergyJ * 1.1],
      meanPowerW: [meanPowerW - 1, meanPowerW + 1],
    },
    ...extra,
  };
}

// Frontier by hand: small (10 J, 0.4) < mid-gpu (30 J, 0.6) < big-gpu (60 J, 0.75).
// big-cpu (200 J, 0.74) is dominated by big-gpu; mid-cpu (35 J, 0.55) by mid-gpu.
const ROWS: PlotSummaryRow[] = [
  summary('small', 'cpu', 0.4, 10, 20),
  summary('mid', 'cpu', 0.55, 35, 25),
  summary('big', 'cpu', 0.74, 200, 40),
  summary('mid', 'cuda', 0.6, 30, 150),
  summary('big', 'cuda', 0.75, 60, 250),
];

function svgOf(fig: Figure) {
  return parseXml(fig.toSVG());
}

afterEach(() => resetPlotlyInlining());

describe('SVG subtitles', () => {
  it('wrap a long energy label to the figure width at word boundaries, and honour <br>', () => {
    const label = 'Energy: ESTIMATED (a model, not a measurement): estimated, process CPU time x 10 W per busy core, domain estimated:process-cpu; runs r1, r2 and r3';
    const lines = wrapLines(`${label}<br>second line`, 300, 12);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.at(-1)).toBe('second line');
    expect(lines.slice(0, -1).join(' ')).toBe(label);
    for (const line of lines) expect(textWidthPx(line, 12)).toBeLessThanOrEqual(300);
    const svg = parseXml(renderSvg({ data: [], layout: { width: 400, title: { text: 'T', subtitle: { text: label } } } }));
    const rendered = byClass(svg, 'ipw-subtitle').map((t) => t.text);
    expect(rendered.length).toBeGreaterThan(1);
    expect(rendered.join(' ')).toBe(label);
  });
});

describe('paretoFrontier', () => {
  it('keeps the non-dominated rows, cheapest first', () => {
    expect(paretoFrontier(ROWS).map((r) => `${r.model}/${r.accelerator}`)).toEqual(['small/cpu', 'mid/cuda', 'big/cuda']);
  });

  it('drops a row tied on energy but less accurate, keeps exact duplicates, ignores non-finite values', () => {
    const points = [
      { id: 'a', meanEnergyJ: 5, accuracy: 0.5 },
      { id: 'b', meanEnergyJ: 5, accuracy: 0.3 },
      { id: 'c', meanEnergyJ: 5, accuracy: 0.5 },
      { id: 'nan', meanEnergyJ: Number.NaN, accuracy: 1 },
      { id: 'd', meanEnergyJ: 9, accuracy: 0.5 },
      { id: 'e', meanEnergyJ: 12, accuracy: 0.9 },
    ];
    expect(paretoFrontier(points).map((p) => p.id)).toEqual(['a', 'c', 'e']);
  });

  it('takes other cost and value accessors', () => {
    const points = [{ w: 3, ipw: 1 }, { w: 1, ipw: 2 }, { w: 2, ipw: 3 }];
    expect(paretoFrontier(points, { cost: (p) => p.w, value: (p) => p.ipw })).toEqual([{ w: 1, ipw: 2 }, { w: 2, ipw: 3 }]);
  });

  it('is empty for no rows', () => {
    expect(paretoFrontier([])).toEqual([]);
  });
});

describe('powerTrace', () => {
  const timeMs = Float64Array.from({ length: 200 }, (_, i) => 5000 + i * 50);
  const powerW = Float64Array.from({ length: 200 }, (_, i) => 10 + (i % 20));
  const windows: PhaseWindow[] = [
    { queryId: 'q1', startMs: 5100, endMs: 5600, phase: 'prefill' },
    { queryId: 'q1', startMs: 5600, endMs: 8000, phase: 'decode' },
    { queryId: 'q2', startMs: 9000, endMs: 9300, phase: 'prefill' },
    { queryId: 'q2', startMs: 9300, endMs: 14000, phase: 'decode' },
  ];

  it('draws power in seconds from the first sample, with query, prefill and decode spans', () => {
    const fig = powerTrace({ timeMs, powerW }, windows, { span: 'all' });
    expect(fig.data).toHaveLength(1);
    const line = fig.data[0] as ScatterTrace;
    expect(line.mode).toBe('lines');
    expect(line.x[0]).toBe(0);
    expect(line.x[199]).toBeCloseTo(9.95, 10);
    expect(line.y[3]).toBe(13);
    const shapes = fig.layout.shapes ?? [];
    expect(shapes.map((s) => s.name)).toEqual(['query', 'query', 'prefill', 'decode', 'prefill', 'decode']);
    expect(shapes[0]).toMatchObject({ x0: 0.1, x1: 3, xref: 'x', yref: 'paper', y0: 0, y1: 1 });
    expect(shapes[1]).toMatchObject({ x0: 4, x1: 9 });
    expect(shapes[4]).toMatchObject({ x0: 4, x1: 4.3 });
    // One legend entry per span kind.
    expect(shapes.filter((s) => s.showlegend).map((s) => s.name)).toEqual(['query', 'prefill', 'decode']);
    expect(fig.layout.yaxis?.title?.text).toBe('Power (W)');
    expect(fig.layout.title?.subtitle).toBeUndefined();
  });

  it('shows the query phase by default, naming the start-up it leaves out', () => {
    // 9 s of start-up (load, baseline, warm-up), then queries from 9 s to 10 s, then 1 s of shutdown.
    const t = Float64Array.from({ length: 221 }, (_, i) => i * 50);
    const w = Float64Array.from(t, () => 20);
    const queries: PhaseWindow[] = [
      { queryId: 'a', startMs: 9000, endMs: 9400, phase: 'prefill' },
      { queryId: 'a', startMs: 9400, endMs: 10000, phase: 'decode' },
    ];
    const fig = powerTrace({ timeMs: t, powerW: w }, queries);
    const x = (fig.data[0] as ScatterTrace).x as number[];
    // A 5% margin (50 ms) either side of the queries' 1 s, time zero at the first sample shown.
    expect(x[0]).toBe(0);
    expect(x[x.length - 1]).toBeCloseTo(1.1, 10);
    expect(fig.layout.shapes?.[0]).toMatchObject({ name: 'query', x0: 0.05, x1: 1.05 });
    expect(fig.layout.title?.subtitle?.text).toMatch(/The 9\.0 s before the first query \(model load, idle baseline, warm-up\) are not shown/);
    const all = powerTrace({ timeMs: t, powerW: w }, queries, { span: 'all' });
    expect(((all.data[0] as ScatterTrace).x as number[]).length).toBe(221);
    expect(all.layout.title?.subtitle).toBeUndefined();
  });

  it('reads only `length` samples of arrays with spare capacity', () => {
    const fig = powerTrace({ timeMs, powerW, length: 10 }, windows);
    expect((fig.data[0] as ScatterTrace).x).toHaveLength(10);
  });

  it('can leave query spans out and use another time origin', () => {
    const fig = powerTrace({ timeMs, powerW }, windows, { showQueries: false, originMs: 0 });
    expect((fig.layout.shapes ?? []).map((s) => s.name)).toEqual(['prefill', 'decode', 'prefill', 'decode']);
    expect((fig.data[0] as ScatterTrace).x[0]).toBe(5);
  });

  it('says "estimated" when the trace came from the estimator', () => {
    for (const input of [{ source: 'estimated' }, { isEstimate: true }]) {
      const fig = powerTrace({ timeMs, powerW, ...input }, windows);
      expect(fig.layout.yaxis?.title?.text).toBe('Power (W, estimated)');
      expect(fig.layout.title?.subtitle?.text).toMatch(/estimated/);
    }
  });

  it('static SVG has the line and one rect per span', () => {
    const svg = svgOf(powerTrace({ timeMs, powerW }, windows));
    expect(svg.name).toBe('svg');
    expect(byClass(svg, 'ipw-line')).toHaveLength(1);
    expect(byClass(svg, 'ipw-span')).toHaveLength(6);
  });

  it('downsampling keeps spikes and the ends', () => {
    const n = 100_000;
    const t = Float64Array.from({ length: n }, (_, i) => i);
    const w = Float64Array.from({ length: n }, (_, i) => (i === 54_321 ? 500 : i === 77_777 ? -3 : 20));
    const small = downsampleMinMax(t, w, 1000);
    expect(small.timeMs.length).toBeLessThanOrEqual(1000);
    expect(small.powerW).toContain(500);
    expect(small.powerW).toContain(-3);
    expect(small.timeMs[0]).toBe(0);
    expect(small.timeMs[small.timeMs.length - 1]).toBe(n - 1);
    expect([...small.timeMs]).toEqual([...small.timeMs].sort((a, b) => a - b));
    const fig = powerTrace({ timeMs: t, powerW: w }, [], { maxPoints: 1000 });
    expect((fig.data[0] as ScatterTrace).x.length).toBeLessThanOrEqual(1000);
  });
});

describe('accuracyVsEnergy', () => {
  it('plots one marker trace per accelerator plus the frontier, with CI error bars', () => {
    const fig = accuracyVsEnergy(ROWS);
    expect(fig.data.map((t) => t.name)).toEqual(['cpu', 'cuda', 'Pareto frontier']);
    const cpu = fig.data[0] as ScatterTrace;
    expect(cpu.x).toEqual([10, 35, 200]);
    expect(cpu.y).toEqual([0.4, 0.55, 0.74]);
    expect(cpu.text).toEqual(['small', 'mid', 'big']);
    expect(cpu.error_y?.array[0]).toBeCloseTo(0.04, 10);
    expect(cpu.error_y?.arrayminus[0]).toBeCloseTo(0.05, 10);
    expect(cpu.error_x?.array[2]).toBeCloseTo(20, 10);
    expect(cpu.error_x?.arrayminus[2]).toBeCloseTo(20, 10);
    const frontier = fig.data[2] as ScatterTrace;
    expect(frontier.x).toEqual([10, 30, 60]);
    expect(frontier.y).toEqual([0.4, 0.6, 0.75]);
    expect(frontier.line?.shape).toBe('hv');
    expect(fig.layout.xaxis?.title?.text).toBe('Energy per query (J)');
    // 200 J / 10 J = 20x: linear axis by default.
    expect(fig.layout.xaxis?.type).toBeUndefined();
  });

  it('switches to a log energy axis for wide ranges, and draws it statically', () => {
    const wide = [...ROWS, summary('tiny', 'npu', 0.2, 0.5, 2)];
    const fig = accuracyVsEnergy(wide);
    expect(fig.layout.xaxis?.type).toBe('log');
    const svg = svgOf(fig);
    const ticks = byClass(svg, 'ipw-tick').map((t) => t.text);
    expect(ticks).toEqual(expect.arrayContaining(['1', '10', '100']));
  });

  it('labels estimated energy, from the rows or from the option', () => {
    const estimated = ROWS.map((r) => ({ ...r, energySource: 'estimated' }));
    expect(accuracyVsEnergy(estimated).layout.xaxis?.title?.text).toBe('Energy per query (J, estimated)');
    const mixed = ROWS.map((r, i) => ({ ...r, energyIsEstimate: i === 0 }));
    const fig = accuracyVsEnergy(mixed);
    expect(fig.layout.xaxis?.title?.text).toBe('Energy per query (J, partly estimated)');
    expect(fig.layout.title?.subtitle?.text).toMatch(/partly estimated/);
    expect(accuracyVsEnergy(ROWS, { energyIsEstimate: true }).layout.title?.subtitle?.text).toMatch(/^Energy is estimated/);
    expect(accuracyVsEnergy(estimated, { energyIsEstimate: false }).layout.xaxis?.title?.text).toBe('Energy per query (J)');
  });

  it('static SVG: a point per row and per frontier step, error bars for x and y', () => {
    const svg = svgOf(accuracyVsEnergy(ROWS));
    expect(byClass(svg, 'ipw-point')).toHaveLength(ROWS.length + 3);
    expect(byClass(svg, 'ipw-errorbar')).toHaveLength(ROWS.length * 2);
    expect(byClass(svg, 'ipw-line')).toHaveLength(1);
    expect(byClass(svg, 'ipw-label').map((l) => l.text)).toEqual(['small', 'mid', 'big', 'mid', 'big']);
  });
});

describe('ipwBars', () => {
  it('groups bars by accelerator along models, with CI error arrays', () => {
    const fig = ipwBars(ROWS, { metric: 'ipw' });
    expect(fig.layout.barmode).toBe('group');
    expect(fig.data.map((t) => t.type)).toEqual(['bar', 'bar']);
    const cpu = fig.data[0] as BarTrace;
    expect(cpu.name).toBe('cpu');
    expect(cpu.x).toEqual(['small', 'mid', 'big']);
    expect(cpu.y).toEqual([0.4 / 20, 0.55 / 25, 0.74 / 40]);
    expect(cpu.error_y?.array[0]).toBeCloseTo(0.02 * 0.2, 12);
    expect(cpu.error_y?.arrayminus[0]).toBeCloseTo(0.02 * 0.1, 12);
    expect(fig.layout.yaxis?.title?.text).toBe('IPW (accuracy per W)');
  });

  it('plots IPJ when asked', () => {
    const fig = ipwBars(ROWS, { metric: 'ipj' });
    expect((fig.data[1] as BarTrace).y).toEqual([0.6 / 30, 0.75 / 60]);
    expect(fig.layout.yaxis?.title?.text).toBe('IPJ (accuracy per J)');
  });

  it('clamps error bars when the interval misses the estimate, and leaves rows without a CI bare', () => {
    const rows = [summary('a', 'cpu', 0.5, 10, 10), { ...summary('b', 'cpu', 0.5, 10, 10), ci: undefined }];
    rows[0]!.ci!.ipw = [0.06, 0.08];
    const bars = ipwBars(rows).data[0] as BarTrace;
    expect(bars.error_y?.arrayminus).toEqual([0, null]);
    expect(bars.error_y?.array[0]).toBeCloseTo(0.03, 12);
    expect(ipwBars([{ ...summary('c', 'cpu', 0.5, 1, 1), ci: undefined }]).data[0]!.error_y).toBeUndefined();
  });

  it('labels estimated power', () => {
    const fig = ipwBars(ROWS.map((r) => ({ ...r, energyIsEstimate: true })));
    expect(fig.layout.yaxis?.title?.text).toBe('IPW (accuracy per W, estimated)');
    expect(fig.layout.title?.subtitle?.text).toMatch(/^Power is estimated/);
  });

  it('static SVG: one bar and one error bar per row, non-finite values skipped', () => {
    const rows = [...ROWS, summary('broken', 'cpu', 0.5, 0, 0)];
    rows[5] = { ...rows[5]!, ipw: Number.NaN };
    const fig = ipwBars(rows);
    expect((fig.data[0] as BarTrace).y[3]).toBeNull();
    const svg = svgOf(fig);
    expect(byClass(svg, 'ipw-bar')).toHaveLength(ROWS.length);
    expect(byClass(svg, 'ipw-errorbar')).toHaveLength(ROWS.length);
  });
});

describe('domainAccuracy', () => {
  const rows = ['math', 'code'].flatMap((domain, d) =>
    [summary('small', 'cpu', 0.4 - d / 10, 10, 20), summary('big', 'cpu', 0.7 - d / 10, 60, 40)].map((r) => ({ ...r, domain })),
  );

  it('bars per domain, one series per model, accuracy CIs', () => {
    const fig = domainAccuracy(rows);
    expect(fig.data.map((t) => t.name)).toEqual(['small', 'big']);
    const small = fig.data[0] as BarTrace;
    expect(small.x).toEqual(['math', 'code']);
    expect(small.y[1]).toBeCloseTo(0.3, 12);
    expect(small.error_y?.array[1]).toBeCloseTo(0.04, 12);
    expect(fig.layout.yaxis?.range).toEqual([0, 1.05]);
    const svg = svgOf(fig);
    expect(byClass(svg, 'ipw-bar')).toHaveLength(4);
    expect(byClass(svg, 'ipw-errorbar')).toHaveLength(4);
  });

  it('names series by model and accelerator when both vary', () => {
    const mixed = [...rows, { ...summary('small', 'cuda', 0.5, 5, 100), domain: 'math' }];
    expect(domainAccuracy(mixed).data.map((t) => t.name)).toEqual(['small / cpu', 'big / cpu', 'small / cuda']);
  });
});

describe('ipwOverTime', () => {
  const dated = [
    { ...summary('b', 'cpu', 0.6, 20, 30), releaseDate: '2024-06-01' },
    { ...summary('a', 'cpu', 0.5, 20, 40), releaseDate: new Date('2023-01-15T00:00:00Z') },
    { ...summary('c', 'cpu', 0.55, 20, 50), releaseDate: '2025-02-01' },
    { ...summary('d', 'cuda', 0.9, 20, 20), releaseDate: '2025-03-01' },
    { ...summary('bad', 'cpu', 0.9, 20, 20), releaseDate: 'not a date' },
  ];

  it('plots by release date with a best-to-date step and skips undated rows', () => {
    const fig = ipwOverTime(dated);
    expect(fig.layout.xaxis?.type).toBe('date');
    const cpu = fig.data[0] as ScatterTrace;
    expect(cpu.x).toEqual(['2023-01-15', '2024-06-01', '2025-02-01']);
    expect(cpu.text).toEqual(['a', 'b', 'c']);
    const best = fig.data[2] as ScatterTrace;
    expect(best.name).toBe('best to date');
    expect(best.x).toEqual(['2023-01-15', '2024-06-01', '2025-03-01']);
    expect(best.y).toEqual([0.5 / 40, 0.6 / 30, 0.9 / 20]);
    const svg = svgOf(fig);
    expect(byClass(svg, 'ipw-point')).toHaveLength(4);
    expect(byClass(svg, 'ipw-tick').map((t) => t.text)).toEqual(expect.arrayContaining(['Jan 2024', 'Jul 2024', 'Jan 2025']));
  });
});

describe('Figure MIME bundle', () => {
  const decode = (html: string) => {
    const match = /<img class="ipw-static"[^>]* src="data:image\/svg\+xml;base64,([^"]+)"/.exec(html);
    return match ? Buffer.from(match[1]!, 'base64').toString('utf8') : undefined;
  };

  it('follows the display contract with plotly JSON, HTML, SVG and text', () => {
    const fig = ipwBars(ROWS);
    expect(isDisplayable(fig)).toBe(true);
    const bundle = (fig as unknown as Record<symbol, () => Record<string, unknown>>)[Symbol.for('ipw.mimeBundle')]!();
    expect(Object.keys(bundle).sort()).toEqual([PLOTLY_MIME, 'image/svg+xml', 'text/html', 'text/plain'].sort());
    expect(bundle[PLOTLY_MIME]).toEqual(JSON.parse(JSON.stringify(fig.toJSON())));
    expect(bundle['text/plain']).toBe('Figure "Intelligence per watt": 2 traces');
    parseXml(bundle['image/svg+xml'] as string);
  });

  it('inlines plotly.js once per session, never from the network, with define hidden', () => {
    const first = accuracyVsEnergy(ROWS)[MIME_BUNDLE]()['text/html'] as string;
    const second = ipwBars(ROWS)[MIME_BUNDLE]()['text/html'] as string;
    for (const html of [first, second]) {
      expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
      expect(html).not.toMatch(/<link[^>]*href=["']?https?:/i);
      expect(html).not.toMatch(/require\(\s*\[/);
    }
    expect(first.length).toBeGreaterThan(1_000_000);
    expect(first).toContain('window.define = undefined');
    expect(first).toContain('plotly.js v4');
    expect(second.length).toBeLessThan(100_000);
    expect(second).toContain('window.Plotly');
    resetPlotlyInlining();
    const afterReset = ipwBars(ROWS)[MIME_BUNDLE]()['text/html'] as string;
    expect(afterReset.length).toBeGreaterThan(1_000_000);
    // The inlined library cannot end its own script element early.
    expect(first.match(/<\/script>/g)).toHaveLength(2);
  });

  it('puts the static SVG inside the figure div, so script-less viewers still show it', () => {
    const fig = domainAccuracy(ROWS.map((r) => ({ ...r, domain: 'math' })));
    const html = fig.toHTML({ plotly: 'reuse' });
    expect(html).toMatch(/^<div class="ipw-figure" id="ipw-fig-[0-9a-f-]+"[^>]*><img class="ipw-static"/);
    expect(decode(html)).toBe(fig.toSVG());
  });

  it('keeps data from closing the script element', () => {
    const fig = ipwBars([summary('</script><script>alert(1)</script>', 'cpu', 0.5, 1, 1)]);
    const html = fig.toHTML({ plotly: 'reuse' });
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('\\u003c/script>');
    parseXml(fig.toSVG());
  });

  it('is immutable: changing a JSON copy or using withLayout leaves the figure as it was', () => {
    const fig = ipwBars(ROWS);
    const json = fig.toJSON();
    json.data[0]!.name = 'changed';
    expect(fig.data[0]!.name).toBe('cpu');
    const wide = fig.withLayout({ width: 1000 });
    expect(wide.widthPx).toBe(1000);
    expect(fig.widthPx).toBe(720);
    expect(parseXml(wide.toSVG()).attributes.width).toBe('1000');
  });
});

describe('energyLabel', () => {
  it('says nothing when rows carry no provenance', () => {
    expect(energyLabel([{}, {}])).toBe('unknown');
    expect(energyLabel([{ energySource: 'rapl' }])).toBe('measured');
    expect(energyLabel([{ energySource: 'estimated' }, { energyIsEstimate: true }])).toBe('estimated');
    expect(energyLabel([{ energySource: 'estimated' }, { energySource: 'nvml' }])).toBe('partly estimated');
  });
});

describe('htmlTable', () => {
  it('renders summary rows with CIs as [lo, hi] and numbers to 4 significant digits', () => {
    const table = htmlTable(ROWS.slice(0, 2), { columns: ['model', 'accelerator', 'queries', 'accuracy', { key: 'ipw', label: 'IPW' }], caption: 'IPW <by> model' });
    const bundle = table[MIME_BUNDLE]();
    expect(Object.keys(bundle)).toEqual(['text/html', 'text/plain']);
    const html = bundle['text/html'] as string;
    expect(html).toContain('<caption>IPW &lt;by&gt; model</caption>');
    expect(html).toContain('<th style="text-align:right">IPW</th>');
    expect(html).toContain('>0.4 [0.35, 0.44]</td>');
    expect(html).toContain('>0.02 [0.018, 0.024]</td>');
    expect(html).toContain('<td style="text-align:right">100</td>');
    const text = bundle['text/plain'] as string;
    expect(text.split('\n')[1]).toMatch(/^model\s+accelerator\s+queries\s+accuracy\s+IPW$/);
    expect(text).toContain('0.022 [0.0198, 0.0264]');
  });

  it('shows query results: all keys by default, long text cut, arrays summarised, HTML escaped', () => {
    const result: Partial<QueryResult> = {
      queryId: 'q<1>', response: 'x'.repeat(500), interTokenMs: [1, 2, 3], correct: true, energyJ: 1.23456789, promptTokens: 12,
    };
    const html = htmlTable([result]).toHTML();
    expect(html).toContain('<th style="text-align:left">queryId</th>');
    expect(html).toContain('q&lt;1&gt;');
    expect(html).toContain('[3 values]');
    expect(html).toContain('>1.235</td>');
    expect(html).toContain(`title="${'x'.repeat(500)}"`);
    expect(html).toContain(`${'x'.repeat(119)}…`);
  });

  it('caps rows and says how many are hidden', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ i }));
    const table = htmlTable(rows, { maxRows: 10 });
    // Header, ten rows, and the footer note.
    expect(table.toHTML().match(/<tr>/g)).toHaveLength(12);
    expect(table.toHTML()).toContain('... 20 more rows');
    expect(table.toString()).toContain('... 20 more rows');
  });
});

describe('liveRunView', () => {
  it('shows progress, watts, joules, running accuracy and a sparkline', () => {
    const progress = { done: 40, total: 160, doneNow: 30, elapsedMs: 60_000, correct: 22, energyJ: 1234.5, last: { meanPowerW: 31.25, energyIsEstimate: true, model: 'tiny' } };
    const view = liveRunView(progress, { powerHistoryW: [10, 20, 30, 25] });
    const bundle = view[MIME_BUNDLE]();
    expect(Object.keys(bundle)).toEqual(['text/html', 'text/plain']);
    const html = bundle['text/html'] as string;
    expect(html).toContain('Profiling tiny');
    expect(html).toContain('40 / 160 (25.0%)');
    expect(html).toContain('31.3 W');
    expect(html).toContain('1235 J');
    expect(html).toContain('0.550');
    expect(html).toContain('watts now (estimated)');
    expect(html).toContain('~4m 00s');
    expect(html).toContain('width:25.0%');
    const svg = parseXml(/<svg[\s\S]*<\/svg>/.exec(html)![0]);
    expect(byClass(svg, 'ipw-sparkline-line')).toHaveLength(1);
    expect(bundle['text/plain']).toBe('40/160 queries | 31.3 W now (estimated) | 1235 J so far (estimated) | accuracy 0.550 | elapsed 1m 00s | ~4m 00s left');
  });

  it('accepts lib/profile progress objects and copes with the first update', () => {
    const last = { meanPowerW: 5, energyIsEstimate: false, model: 'm' } as unknown as QueryResult;
    const progress: ProfileProgress = { done: 0, total: 3, doneNow: 0, elapsedMs: 0, correct: 0, energyJ: 0, errors: 0, last };
    const html = liveRunView(progress).toHTML();
    expect(html).toContain('0 / 3 (0.0%)');
    expect(html).not.toContain('NaN');
    expect(html).not.toContain('<svg');
  });

  it('sparkline scales from zero and survives too few points', () => {
    const svg = parseXml(sparklineSvg([0, 50, 100], { widthPx: 104, heightPx: 24 }));
    expect(byClass(svg, 'ipw-sparkline-line')[0]!.attributes.d).toBe('M2,22L52,12L102,2');
    expect(byClass(parseXml(sparklineSvg([7])), 'ipw-sparkline-line')).toHaveLength(0);
  });
});

describe('export set-up', () => {
  it('finds the browser from the option, then IPW_CHROME, then the probe list', () => {
    const node = process.execPath;
    expect(findBrowser(node, {}, [])).toBe(node);
    expect(findBrowser(undefined, { IPW_CHROME: node }, [])).toBe(node);
    expect(findBrowser(undefined, {}, ['/nonexistent/chrome', node])).toBe(node);
  });

  it('explains how to point it at Chrome on macOS and Windows when none is found', () => {
    let error: unknown;
    try {
      findBrowser(undefined, {}, ['/nonexistent/chromium']);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    const message = (error as Error).message;
    expect(message).toContain('/nonexistent/chromium');
    expect(message).toContain('IPW_CHROME');
    expect(message).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(message).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(() => findBrowser('/nonexistent/explicit', {}, [process.execPath])).toThrow(/nonexistent\/explicit/);
  });

  it('takes the format from the file name', () => {
    expect(formatFromPath('out/fig.PDF')).toBe('pdf');
    expect(formatFromPath('fig.svg')).toBe('svg');
    expect(() => formatFromPath('fig.jpeg')).toThrow(/\.svg, \.png or \.pdf/);
  });
});

describe('static renderer axes', () => {
  it('picks 1-2-5 steps and labels with just enough decimals', () => {
    expect(niceStep(1, 5)).toBeCloseTo(0.2, 12);
    expect(niceStep(73, 6)).toBe(10);
    expect(linearTicks(0, 0.0185, 5).map((t) => t.label)).toEqual(['0.000', '0.005', '0.010', '0.015']);
    expect(linearTicks(-1.2, 1.2, 5).map((t) => t.label)).toEqual(['-1.0', '-0.5', '0.0', '0.5', '1.0']);
  });

  it('log ticks at powers of ten, with 2x and 5x over short ranges', () => {
    expect(logTicks(0.3, 2000).map((t) => t.label)).toEqual(['1', '10', '100', '1000']);
    expect(logTicks(3, 60).map((t) => t.label)).toEqual(['5', '10', '20', '50']);
  });

  it('date ticks fall on calendar boundaries', () => {
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
    expect(dateTicks(day('2019-03-01'), day('2025-06-01')).map((t) => t.label)).toEqual(['2020', '2021', '2022', '2023', '2024', '2025']);
    expect(dateTicks(day('2024-01-10'), day('2024-06-20')).map((t) => t.label)).toEqual(['Feb 2024', 'Mar 2024', 'Apr 2024', 'May 2024', 'Jun 2024']);
    expect(dateTicks(day('2024-03-01'), day('2024-03-08')).map((t) => t.label)[0]).toBe('Mar 1');
  });

  it('thins long lines per pixel column but keeps each column\'s extremes', () => {
    const points: [number, number][] = Array.from({ length: 10_000 }, (_, i) => [i / 100, i === 5_050 ? 999 : i % 7]);
    const thin = decimateForPixels(points, 100);
    expect(thin.length).toBeLessThanOrEqual(400);
    expect(thin.some((p) => p[1] === 999)).toBe(true);
    expect(thin[0]).toEqual(points[0]);
    expect(thin[thin.length - 1]).toEqual(points[points.length - 1]);
  });
});

describe('power derived from an energy counter', () => {
  it('averages over at least the minimum interval and keeps measured power where present', async () => {
    const { powerFromEnergy } = await import('../lib/plots/power-trace.ts');
    // 10 W for the first 100 ms, then 30 W; samples 10 ms apart, one sample 1 ms after another.
    const timeMs = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 101, 110, 120, 130, 140];
    const energyJ = timeMs.map((t) => (t <= 100 ? 0.01 * t : 1 + 0.03 * (t - 100)));
    const powerW = timeMs.map((t) => (t === 130 ? 99 : NaN));
    const derived = powerFromEnergy(timeMs, energyJ, powerW, 20);
    expect(derived[0]).toBeNaN();
    expect(derived[1]).toBeNaN(); // only 10 ms of history
    expect(derived[5]).toBeCloseTo(10, 9);
    expect(derived[11]).toBeCloseTo(((1.03 - 0.8) / 21) * 1000, 9); // 101 ms back to 80 ms, not a 1 ms spike
    expect(derived[14]).toBe(99);
    expect(derived[15]).toBeCloseTo(30, 9);
  });
});
