/**
 * Publication files (SVG, PNG, PDF) drawn by plotly.js itself in headless Chromium, so exports match the
 * interactive figure exactly. Offline: plotly.js is injected from node_modules, never fetched. One browser
 * is launched on first use and reused; `closeExportBrowser()` ends it (a script must call it to exit promptly).
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Figure } from './figure.ts';
import { plotlySource } from './plotly-source.ts';
import type { FigureJson } from './types.ts';

export type ExportFormat = 'svg' | 'png' | 'pdf';

export interface ExportOptions {
  /** CSS pixels; default the figure's layout size (720 x 440 when unset). */
  widthPx?: number;
  heightPx?: number;
  /** PNG pixel density: the file is widthPx*scale x heightPx*scale. Ignored by the vector formats. Default 1. */
  scale?: number;
  /** Chrome or Chromium executable; else $IPW_CHROME, else a probe of the usual Linux paths. */
  browserPath?: string;
  /** Default: from the file extension. */
  format?: ExportFormat;
}

export interface ExportResult {
  path: string;
  format: ExportFormat;
  bytes: number;
  /** Size in pixels of the written image (PNG: scaled; SVG/PDF: CSS pixels). */
  widthPx: number;
  heightPx: number;
}

export const BROWSER_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

const LAUNCH_ARGS = [
  '--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-sync',
];

export class BrowserNotFoundError extends Error {
  constructor(tried: readonly string[]) {
    super(
      'exportFigure needs Chrome or Chromium, and none was found (tried: ' + tried.join(', ') + '). ' +
        'Install Chromium (Debian/Ubuntu: apt-get install chromium), or point IPW at an installed Chrome with ' +
        'the browserPath option or the IPW_CHROME environment variable, e.g. ' +
        'IPW_CHROME="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" on macOS or ' +
        'IPW_CHROME="C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe" on Windows.',
    );
    this.name = 'BrowserNotFoundError';
  }
}

/** The executable to launch: explicit option, then $IPW_CHROME, then the first candidate that exists. */
export function findBrowser(explicit?: string, env: NodeJS.ProcessEnv = process.env, candidates: readonly string[] = BROWSER_CANDIDATES): string {
  const chosen = explicit ?? env.IPW_CHROME;
  if (chosen !== undefined && chosen !== '') {
    if (!existsSync(chosen)) throw new BrowserNotFoundError([chosen]);
    return chosen;
  }
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new BrowserNotFoundError(candidates);
  return found;
}

export function formatFromPath(filePath: string): ExportFormat {
  const ext = extname(filePath).slice(1).toLowerCase();
  if (ext === 'svg' || ext === 'png' || ext === 'pdf') return ext;
  throw new Error(`exportFigure: cannot tell the format of "${filePath}"; use a .svg, .png or .pdf name, or the format option`);
}

interface ExportSession {
  executablePath: string;
  browser: Promise<Browser>;
  page?: Promise<Page>;
}

let session: ExportSession | undefined;
// Exports share one page, so they run one at a time.
let queue: Promise<unknown> = Promise.resolve();

async function launch(executablePath: string): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launch({ executablePath, args: LAUNCH_ARGS, headless: true });
  } catch (error) {
    throw new Error(`exportFigure: could not start ${executablePath}: ${(error as Error).message}`);
  }
}

async function openPage(browser: Promise<Browser>): Promise<Page> {
  const page = await (await browser).newPage();
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0;overflow:hidden"><div id="ipw-export"></div></body></html>');
  await page.addScriptTag({ content: plotlySource() });
  return page;
}

/** The shared page with plotly.js loaded, (re)launching when the browser path changes or the page died. */
async function exportPage(executablePath: string): Promise<Page> {
  if (session && session.executablePath !== executablePath) await closeExportBrowser();
  session ??= { executablePath, browser: launch(executablePath) };
  const current = session;
  current.page ??= openPage(current.browser);
  try {
    const page = await current.page;
    if (!page.isClosed()) return page;
  } catch (error) {
    await closeExportBrowser();
    throw error;
  }
  current.page = openPage(current.browser);
  return current.page;
}

interface RenderRequest {
  fig: FigureJson;
  format: ExportFormat;
  widthPx: number;
  heightPx: number;
  scale: number;
}

async function render(page: Page, request: RenderRequest): Promise<Buffer> {
  const layout = { ...request.fig.layout, width: request.widthPx, height: request.heightPx };
  const config = { ...request.fig.config, staticPlot: true, responsive: false };
  if (request.format === 'pdf') {
    await page.setViewportSize({ width: request.widthPx, height: request.heightPx });
    await page.evaluate(
      async ({ data, layout: l, config: c }) => {
        const plotly = (window as unknown as { Plotly: { newPlot(el: HTMLElement, ...args: unknown[]): Promise<unknown>; purge(el: HTMLElement): void } }).Plotly;
        const el = document.getElementById('ipw-export')!;
        plotly.purge(el);
        await plotly.newPlot(el, data, l, c);
      },
      { data: request.fig.data, layout, config },
    );
    return page.pdf({
      width: `${request.widthPx}px`,
      height: `${request.heightPx}px`,
      printBackground: true,
      margin: { top: '0', right: '0', bottom: '0', left: '0' },
      pageRanges: '1',
    });
  }
  const dataUrl = await page.evaluate(
    ({ data, layout: l, config: c, format, width, height, scale }) => {
      const plotly = (window as unknown as { Plotly: { toImage(fig: unknown, opts: unknown): Promise<string> } }).Plotly;
      return plotly.toImage({ data, layout: l, config: c }, { format, width, height, scale });
    },
    { data: request.fig.data, layout, config, format: request.format, width: request.widthPx, height: request.heightPx, scale: request.format === 'png' ? request.scale : 1 },
  );
  const comma = dataUrl.indexOf(',');
  const header = dataUrl.slice(0, comma);
  const payload = dataUrl.slice(comma + 1);
  return header.endsWith(';base64') ? Buffer.from(payload, 'base64') : Buffer.from(decodeURIComponent(payload), 'utf8');
}

/** Write `fig` to `filePath` as SVG, PNG or PDF (by extension), using headless Chrome/Chromium. */
export async function exportFigure(fig: Figure | FigureJson, filePath: string, options: ExportOptions = {}): Promise<ExportResult> {
  const json = fig instanceof Figure ? fig.toJSON() : fig;
  const format = options.format ?? formatFromPath(filePath);
  const widthPx = Math.round(options.widthPx ?? json.layout.width ?? 720);
  const heightPx = Math.round(options.heightPx ?? json.layout.height ?? 440);
  const scale = options.scale ?? 1;
  if (!(widthPx > 0 && heightPx > 0 && scale > 0)) throw new Error('exportFigure: widthPx, heightPx and scale must be positive');
  const executablePath = findBrowser(options.browserPath);
  const task = queue.then(async () => {
    const page = await exportPage(executablePath);
    const bytes = await render(page, { fig: json, format, widthPx, heightPx, scale });
    await mkdir(dirname(filePath), { recursive: true });
    await writeFile(filePath, bytes);
    const pixelScale = format === 'png' ? scale : 1;
    return { path: filePath, format, bytes: bytes.length, widthPx: Math.round(widthPx * pixelScale), heightPx: Math.round(heightPx * pixelScale) };
  });
  queue = task.catch(() => undefined);
  return task;
}

/** Close the export browser, if one was started. Safe to call any number of times. */
export async function closeExportBrowser(): Promise<void> {
  const ending = session;
  session = undefined;
  if (!ending) return;
  try {
    await (await ending.browser).close();
  } catch {
    // A browser that failed to launch or already died has nothing left to close.
  }
}
