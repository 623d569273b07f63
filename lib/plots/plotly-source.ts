import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

let cached: string | undefined;

/** Path of the plotly.js bundle installed with this package; the only copy of plotly.js IPW ever uses. */
export function plotlyBundlePath(): string {
  return createRequire(import.meta.url).resolve('plotly.js-dist-min/plotly.min.js');
}

/** plotly.min.js source (about 4.8 MB), read once per process. */
export function plotlySource(): string {
  cached ??= readFileSync(plotlyBundlePath(), 'utf8');
  return cached;
}
