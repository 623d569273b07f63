/** Tick positions and labels for the static renderer's axes. */

export interface Tick {
  value: number;
  label: string;
}

/** Step of 1, 2 or 5 times a power of ten giving about `target` intervals over `span`. */
export function niceStep(span: number, target: number): number {
  if (!(span > 0)) return 1;
  const raw = span / Math.max(1, target);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10;
  return nice * power;
}

/** Decimal places that show a step exactly (0.25 -> 2, 5 -> 0). */
function decimalsFor(step: number): number {
  for (let decimals = 0; decimals < 12; decimals++) {
    if (Math.abs(Math.round(step * 10 ** decimals) - step * 10 ** decimals) < 1e-6) return decimals;
  }
  return 12;
}

export function linearTicks(lo: number, hi: number, target = 6): Tick[] {
  const step = niceStep(hi - lo, target);
  const decimals = decimalsFor(step);
  const ticks: Tick[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) {
    const value = k * step;
    // -0 prints as "0" but toFixed keeps the sign of tiny negatives from float error.
    const label = (Math.abs(value) < step * 1e-9 ? 0 : value).toFixed(decimals);
    ticks.push({ value, label });
  }
  return ticks;
}

/** Label for a log-axis tick: plain decimals across the usual range, exponent form beyond it. */
function logLabel(value: number): string {
  if (value >= 1e5 || value < 1e-4) return value.toExponential(0).replace('e+', 'e');
  return Number(value.toPrecision(6)).toString();
}

/** Ticks at powers of ten, plus 2x and 5x when the domain covers few decades. Bounds are data values, not logs. */
export function logTicks(lo: number, hi: number): Tick[] {
  const first = Math.floor(Math.log10(lo));
  const last = Math.ceil(Math.log10(hi));
  const multipliers = last - first <= 2 ? [1, 2, 5] : [1];
  const ticks: Tick[] = [];
  for (let exponent = first; exponent <= last; exponent++) {
    for (const multiplier of multipliers) {
      const value = multiplier * 10 ** exponent;
      if (value >= lo * (1 - 1e-9) && value <= hi * (1 + 1e-9)) ticks.push({ value, label: logLabel(value) });
    }
  }
  return ticks;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MS = 86_400_000;

/** Calendar ticks (UTC) for epoch-millisecond bounds: years, months or days, whichever gives 2-8 ticks. */
export function dateTicks(loMs: number, hiMs: number): Tick[] {
  const spanDays = (hiMs - loMs) / DAY_MS;
  const start = new Date(loMs);
  const ticks: Tick[] = [];
  if (spanDays > 3 * 365) {
    const step = [1, 2, 5, 10, 20, 50].find((years) => spanDays / 365 / years <= 8) ?? 100;
    let year = Math.ceil(start.getUTCFullYear() / step) * step;
    for (; Date.UTC(year, 0, 1) <= hiMs; year += step) {
      const value = Date.UTC(year, 0, 1);
      if (value >= loMs) ticks.push({ value, label: String(year) });
    }
    return ticks;
  }
  if (spanDays > 60) {
    const step = [1, 2, 3, 6, 12].find((months) => spanDays / 30.4 / months <= 8) ?? 12;
    let month = start.getUTCFullYear() * 12 + start.getUTCMonth();
    month = Math.ceil(month / step) * step;
    for (; ; month += step) {
      const value = Date.UTC(Math.floor(month / 12), month % 12, 1);
      if (value > hiMs) break;
      if (value >= loMs) ticks.push({ value, label: `${MONTHS[month % 12]} ${Math.floor(month / 12)}` });
    }
    return ticks;
  }
  const step = [1, 2, 7, 14, 30].find((days) => spanDays / days <= 8) ?? 30;
  let day = Math.ceil(loMs / DAY_MS / step) * step;
  for (; day * DAY_MS <= hiMs; day += step) {
    const date = new Date(day * DAY_MS);
    ticks.push({ value: day * DAY_MS, label: `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}` });
  }
  return ticks;
}

/** Epoch ms for a plotly date value ("2024-05-01", full ISO, or a number already in ms); NaN if unreadable. */
export function dateValueMs(value: number | string | null): number {
  if (value === null) return Number.NaN;
  if (typeof value === 'number') return value;
  // Plotly reads a bare date as midnight with no zone; UTC keeps the static image independent of the host zone.
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  return Date.parse(iso);
}
