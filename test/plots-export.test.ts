/** Real Chromium: exported files, and the figure HTML as notebook front-ends run it (or do not). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accuracyVsEnergy, closeExportBrowser, exportFigure, ipwBars, powerTrace, resetPlotlyInlining, type PlotSummaryRow,
} from '../lib/plots/index.ts';
import { BROWSER_CANDIDATES } from '../lib/plots/export.ts';
import { MIME_BUNDLE } from '../lib/plots/mime.ts';
import { tempDir } from './helpers/fixture.ts';
import { byClass, parseXml } from './helpers/xml.ts';

const browserPath = process.env.IPW_CHROME ?? BROWSER_CANDIDATES.find((path) => existsSync(path));

function summary(model: string, accelerator: string, accuracy: number, meanEnergyJ: number, meanPowerW: number): PlotSummaryRow {
  const ipw = accuracy / meanPowerW;
  return {
    model, accelerator, queries: 50, accuracy, meanEnergyJ, meanPowerW, ipw, ipj: accuracy / meanEnergyJ, noAnswerRate: 0, errorRate: 0,
    ci: { accuracy: [accuracy - 0.1, accuracy + 0.1], ipw: [ipw * 0.9, ipw * 1.1], ipj: [0, 1], meanEnergyJ: [meanEnergyJ * 0.8, meanEnergyJ * 1.2], meanPowerW: [0, 1] },
    energySource: 'estimated',
  };
}

const ROWS = [summary('small', 'cpu', 0.4, 10, 20), summary('big', 'cpu', 0.7, 90, 45), summary('big', 'cuda', 0.72, 30, 200)];

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe.skipIf(!browserPath)('exportFigure with Chromium', () => {
  const dir = tempDir('ipw-plots-');
  afterAll(() => closeExportBrowser());

  it('writes an SVG that parses and holds the plotted bars', async () => {
    const fig = ipwBars(ROWS);
    const result = await exportFigure(fig, join(dir, 'bars.svg'), { widthPx: 640, heightPx: 400 });
    expect(result).toMatchObject({ format: 'svg', widthPx: 640, heightPx: 400 });
    const svg = readFileSync(result.path, 'utf8');
    expect(result.bytes).toBe(Buffer.byteLength(svg));
    const root = parseXml(svg);
    expect(root.name).toBe('svg');
    expect(root.attributes.width).toBe('640');
    // plotly draws each bar as a path inside a g.point.
    expect(byClass(root, 'point').length).toBe(ROWS.length);
    expect(svg).toContain('IPW (accuracy per W, estimated)');
  });

  it('writes a PNG of width*scale x height*scale pixels', async () => {
    const result = await exportFigure(accuracyVsEnergy(ROWS), join(dir, 'sub', 'ave.png'), { widthPx: 500, heightPx: 300, scale: 2 });
    const bytes = readFileSync(result.path);
    expect(pngSize(bytes)).toEqual({ width: 1000, height: 600 });
    expect(result).toMatchObject({ format: 'png', widthPx: 1000, heightPx: 600, bytes: bytes.length });
    expect(bytes.length).toBeGreaterThan(5_000);
  });

  it('writes a one-page PDF', async () => {
    const t = Array.from({ length: 500 }, (_, i) => i * 20);
    const fig = powerTrace({ timeMs: t, powerW: t.map((x) => 20 + 10 * Math.sin(x / 700)) }, [
      { queryId: 'q', startMs: 1000, endMs: 2000, phase: 'prefill' },
      { queryId: 'q', startMs: 2000, endMs: 7000, phase: 'decode' },
    ]);
    const result = await exportFigure(fig, join(dir, 'power.pdf'));
    const bytes = readFileSync(result.path);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.subarray(-8).toString('latin1')).toContain('%%EOF');
    expect(bytes.length).toBeGreaterThan(3_000);
    expect(bytes.length).toBe(result.bytes);
    expect(bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  });

  it('fails clearly for a browser path that does not exist', async () => {
    await expect(exportFigure(ipwBars(ROWS), join(dir, 'x.svg'), { browserPath: '/nonexistent/chrome' })).rejects.toThrow(/IPW_CHROME/);
  });
});

describe.skipIf(!browserPath)('figure HTML in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: browserPath!, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  });
  afterAll(() => browser?.close());

  function notebookPage(outputs: string[], preamble = ''): string {
    return `<!doctype html><html><head><meta charset="utf-8">${preamble}</head><body>${outputs.map((o) => `<div class="output">${o}</div>`).join('')}</body></html>`;
  }

  it('draws every figure from one inlined plotly.js, offline, even where RequireJS defines `define`', async () => {
    resetPlotlyInlining();
    const outputs = [ipwBars(ROWS), accuracyVsEnergy(ROWS)].map((fig) => fig[MIME_BUNDLE]()['text/html'] as string);
    const context = await browser.newContext();
    const requests: string[] = [];
    context.on('request', (request) => {
      if (!request.url().startsWith('data:') && request.url() !== 'about:blank') requests.push(request.url());
    });
    const page = await context.newPage();
    // A stand-in for RequireJS: an AMD `define` that would swallow plotly if it were visible.
    const fakeRequire = '<script>window.define = function(){ window.amdCalls = (window.amdCalls || 0) + 1; }; window.define.amd = {};</script>';
    await page.setContent(notebookPage(outputs, fakeRequire));
    await page.waitForFunction(() => document.querySelectorAll('.ipw-figure .main-svg').length >= 2, undefined, { timeout: 20_000 });
    await page.waitForFunction(() => document.querySelectorAll('img.ipw-static').length === 0, undefined, { timeout: 5_000 });
    const state = await page.evaluate(() => ({
      plotly: typeof (window as unknown as { Plotly?: unknown }).Plotly,
      defineRestored: typeof (window as unknown as { define?: { amd?: unknown } }).define?.amd,
      amdCalls: (window as unknown as { amdCalls?: number }).amdCalls ?? 0,
      bars: document.querySelectorAll('.ipw-figure .barlayer .point').length,
    }));
    expect(state).toEqual({ plotly: 'object', defineRestored: 'object', amdCalls: 0, bars: ROWS.length });
    expect(requests).toEqual([]);
    await context.close();
  });

  it('shows the static image when scripts do not run (untrusted notebook, GitHub)', async () => {
    const html = ipwBars(ROWS).toHTML({ plotly: 'reuse' });
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.setContent(notebookPage([html]));
    const image = await page.evaluate(async () => {
      const img = document.querySelector('img.ipw-static') as HTMLImageElement;
      await img.decode();
      return { width: img.naturalWidth, height: img.naturalHeight };
    });
    expect(image).toEqual({ width: 720, height: 440 });
    await context.close();
  });

  it('the static SVG is well-formed XML for the browser too', async () => {
    const page = await browser.newPage();
    const svg = accuracyVsEnergy(ROWS).toSVG();
    const errors = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      return doc.getElementsByTagName('parsererror').length + (doc.documentElement.nodeName === 'svg' ? 0 : 1);
    }, svg);
    expect(errors).toBe(0);
    await page.close();
  });
});
