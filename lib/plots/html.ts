/**
 * Offline HTML for a figure. plotly.js travels inside the first figure's output of a notebook (or page), and
 * later figures use `window.Plotly`; nothing is fetched from a CDN. Each figure's div first holds a static SVG
 * `<img>`, which the script replaces once plotly has drawn, so outputs whose scripts never run (GitHub,
 * untrusted notebooks) still show the figure.
 */
import { randomUUID } from 'node:crypto';
import { escapeHtml, jsonForScript } from './mime.ts';
import { plotlySource } from './plotly-source.ts';
import type { FigureJson } from './types.ts';

/** 'auto': inline plotly.js in the first figure of this kernel session only; 'inline'/'reuse' force either way. */
export type PlotlyInclusion = 'auto' | 'inline' | 'reuse';

let inlinedThisSession = false;

/**
 * Forget that plotly.js was inlined. The kernel calls this when a session (re)starts, because a new session's
 * notebook page may no longer hold the output that carried plotly.js.
 */
export function resetPlotlyInlining(): void {
  inlinedThisSession = false;
}

/**
 * plotly.js as one inline script. `define` is hidden while it evaluates because plotly 2.x registers with
 * RequireJS (classic Notebook) as an anonymous AMD module and then never sets `window.Plotly`.
 * `</script` inside the library would end the element early, so it is escaped (it only occurs in strings).
 */
export function plotlyScriptTag(): string {
  const source = plotlySource().replace(/<\/(script)/gi, '<\\/$1');
  return (
    '<script type="text/javascript">(function(){' +
    'if (window.Plotly) return;' +
    'var hiddenDefine = window.define; window.define = undefined;' +
    'try {\n' + source + '\n} finally { window.define = hiddenDefine; }' +
    '})();</script>'
  );
}

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

export interface FigureHtmlOptions {
  plotly?: PlotlyInclusion;
  /** Static SVG shown until (or instead of) the interactive plot. */
  staticSvg: string;
  widthPx: number;
  heightPx: number;
  alt: string;
}

/**
 * The draw script waits for the div and for `window.Plotly`: classic Notebook runs an output's scripts before
 * attaching it to the page, and a figure may be drawn before the output that carries plotly.js.
 */
function drawScript(id: string, fig: FigureJson): string {
  return (
    '<script type="text/javascript">(function(){' +
    `var id = ${jsonForScript(id)}; var fig = ${jsonForScript(fig)};` +
    'function draw(tries){' +
    'var el = document.getElementById(id); var P = window.Plotly;' +
    'if (!el || !P) { if (tries < 100) setTimeout(function(){ draw(tries + 1); }, 100); return; }' +
    'var target = document.createElement("div"); el.appendChild(target);' +
    'P.newPlot(target, fig.data, fig.layout, fig.config).then(function(){' +
    'var img = el.querySelector("img.ipw-static"); if (img) img.parentNode.removeChild(img);' +
    '});' +
    '}' +
    'draw(0);' +
    '})();</script>'
  );
}

export function figureHtml(fig: FigureJson, options: FigureHtmlOptions): string {
  const inclusion = options.plotly ?? 'auto';
  const inline = inclusion === 'inline' || (inclusion === 'auto' && !inlinedThisSession);
  if (inline && inclusion === 'auto') inlinedThisSession = true;
  const id = `ipw-fig-${randomUUID()}`;
  const img =
    `<img class="ipw-static" alt="${escapeHtml(options.alt)}" width="${options.widthPx}" height="${options.heightPx}"` +
    ` style="max-width:100%;height:auto" src="data:image/svg+xml;base64,${base64(options.staticSvg)}">`;
  return (
    (inline ? plotlyScriptTag() : '') +
    `<div class="ipw-figure" id="${id}" style="max-width:100%">${img}</div>` +
    drawScript(id, fig)
  );
}
