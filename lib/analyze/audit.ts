/**
 * `ipw audit`: re-integrates every query's energy from the run's raw power trace and compares it with the stored
 * figures. Written independently of lib/energy/attribution.ts on purpose (it must not import it): attribution
 * interpolates the cumulative counter at each window edge; this derives each sampling interval's mean power from
 * counter differences and integrates that piecewise-constant power over the window. The two are the same
 * mathematics done two ways, so they agree to rounding, and any larger difference means a stored figure does not
 * come from its trace.
 */
import fs from 'node:fs';
import { join } from 'node:path';
import { readResults, type QueryResult } from '../store/index.ts';

/** How far a stored figure may be from the re-integrated one: |recomputed - stored| <= absoluteJ + relative x |stored|. */
export interface AuditTolerance {
  /** Joules; default 1e-6 (1 uJ). Rounding between the two implementations is below 1e-9 J on any realistic trace. */
  absoluteJ?: number;
  /** Fraction of the stored figure; default 1e-6 (1 ppm). */
  relative?: number;
}

export const DEFAULT_AUDIT_TOLERANCE: Required<AuditTolerance> = { absoluteJ: 1e-6, relative: 1e-6 };

/** A power trace as written by lib/energy (`<base>.json` layout + `<base>.bin` float64 columns). */
export interface AuditTrace {
  base: string;
  rows: number;
  /** Sample times on the runner's clock, ms. */
  timeMs: Float64Array;
  /** Cumulative joules of the primary domains. */
  energyJ: Float64Array;
  /** Cumulative joules per domain, from the `channelJ:<domain>` columns. */
  channelJ: Map<string, Float64Array>;
  /** trace.json's `primaryDomains` and `systemDomains` (those that add up to the whole system), when it has them. */
  primaryDomains: string[] | null;
  systemDomains: string[] | null;
  /** trace.json's `idlePowerByDomainW` (the invocation's idle baseline per domain), when it has it. */
  idlePowerByDomainW: Record<string, number> | null;
  source: string | null;
}

/** The row fields the audit reads; the per-domain fields are optional (runs from before energy domains lack them). */
export type AuditRow = Pick<
  QueryResult,
  | 'queryId'
  | 'index'
  | 'energyJ'
  | 'prefillEnergyJ'
  | 'decodeEnergyJ'
  | 'netEnergyJ'
  | 'prefillNetEnergyJ'
  | 'decodeNetEnergyJ'
  | 'idlePowerW'
  | 'prefillMs'
  | 'clockStartMs'
  | 'clockEndMs'
  | 'traceFile'
  | 'energySource'
> & {
  energyDomain?: string;
  /** Maps of joules per domain, or their JSON text as stored in Parquet. */
  energyByDomainJ?: Record<string, number> | string | null;
  netEnergyByDomainJ?: Record<string, number> | string | null;
  systemEnergyJ?: number;
};

/** One stored figure set against its re-integration. */
export interface AuditCheck {
  queryId: string;
  index: number;
  /** `primary (<energyDomain>)` for the row's primary figures, the domain name for `energyByDomainJ` entries, `system (<domains>)` for systemEnergyJ. */
  domain: string;
  /** The row field checked, e.g. `decodeEnergyJ` or `energyByDomainJ`. */
  figure: string;
  storedJ: number;
  recomputedJ: number;
  absDiffJ: number;
  /** |diff| / max(|stored|, |recomputed|); 0 when both are 0. */
  relDiff: number;
  ok: boolean;
  /** Why a figure could not be re-integrated (e.g. its trace lacks the domain's column); empty otherwise. */
  problem: string;
}

export interface DomainAudit {
  domain: string;
  checks: number;
  failures: number;
  /** The check with the largest absolute difference, and the one with the largest relative difference. */
  maxAbs: AuditCheck | null;
  maxRel: AuditCheck | null;
}

export interface AuditReport {
  runDir: string;
  tolerance: Required<AuditTolerance>;
  method: string;
  queries: number;
  /** Queries whose energy was re-integrated. */
  audited: number;
  /** Queries whose stored energy is NaN: not measured (e.g. a remote server with no energy source), not a failure. */
  notMeasured: { queryId: string; index: number }[];
  traces: { base: string; rows: number; source: string | null }[];
  domains: DomainAudit[];
  failures: AuditCheck[];
  /** Stored figures the audit could not re-derive, and why (e.g. net per domain from a trace without idle power per domain). */
  notAudited: string[];
  ok: boolean;
}

/**
 * Joules of [startMs, endMs] from a cumulative counter sampled at `timeMs`: each interval between samples has the
 * mean power (counter difference / duration), and that power is integrated over the interval's overlap with the
 * window. Before the first and after the last sample the nearest interval's power continues. A jump between two
 * samples with the same timestamp t is a step, counted when startMs < t <= endMs. Pure.
 */
export function integrateCounterJ(timeMs: Float64Array, counterJ: Float64Array, startMs: number, endMs: number, length = timeMs.length): number {
  if (!(endMs >= startMs)) throw new RangeError(`window ends (${endMs}) before it starts (${startMs})`);
  if (length < 2) return 0;
  // Extrapolation beyond the trace uses the first / last interval of positive length.
  let first = 0;
  while (first < length - 1 && !(timeMs[first + 1]! > timeMs[first]!)) first++;
  let last = length - 2;
  while (last > 0 && !(timeMs[last + 1]! > timeMs[last]!)) last--;
  if (first > last) return 0;
  // Joules per millisecond: times an overlap in ms gives joules.
  const powerOf = (k: number): number => (counterJ[k + 1]! - counterJ[k]!) / (timeMs[k + 1]! - timeMs[k]!);
  let joules = 0;
  const t0 = timeMs[0]!;
  const tn = timeMs[length - 1]!;
  if (startMs < t0) joules += powerOf(first) * (Math.min(endMs, t0) - startMs);
  if (endMs > tn) joules += powerOf(last) * (endMs - Math.max(startMs, tn));
  // First interval that can overlap: the last sample at or before startMs.
  let lo = 0;
  let hi = length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (timeMs[mid]! <= startMs) lo = mid;
    else hi = mid - 1;
  }
  for (let k = lo; k < length - 1; k++) {
    const a = timeMs[k]!;
    const b = timeMs[k + 1]!;
    if (a > endMs) break;
    if (b > a) {
      const overlapMs = Math.min(b, endMs) - Math.max(a, startMs);
      if (overlapMs > 0) joules += powerOf(k) * overlapMs;
    } else if (b === a && startMs < a && a <= endMs) {
      joules += counterJ[k + 1]! - counterJ[k]!;
    }
  }
  return joules;
}

/** Reads `<base>.json` and the binary file it names, checking the layout; errors name the file and what is wrong. */
export function readAuditTrace(runDir: string, base: string): AuditTrace {
  const jsonPath = join(runDir, `${base}.json`);
  if (!fs.existsSync(jsonPath)) {
    throw new Error(
      `${jsonPath} is missing, so the queries that lie in trace "${base}" cannot be audited. ` +
        'Each profiling invocation writes its trace (trace.json + trace.bin, then trace-2, ... after resumes) when it ends; ' +
        'a process that was killed writes none. Copy the run folder with all its trace files.',
    );
  }
  let layout: { format?: unknown; rows?: unknown; columns?: unknown; binFile?: unknown; primaryDomains?: unknown; systemDomains?: unknown; idlePowerByDomainW?: unknown; source?: unknown };
  try {
    layout = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
  } catch (error) {
    throw new Error(`${jsonPath} is not valid JSON (${(error as Error).message})`);
  }
  if (layout.format !== 'ipw-power-trace/1') throw new Error(`${jsonPath}: field "format" is ${JSON.stringify(layout.format)}, expected "ipw-power-trace/1"`);
  const rows = layout.rows;
  const columns = layout.columns;
  if (!(typeof rows === 'number' && Number.isInteger(rows) && rows >= 0)) throw new Error(`${jsonPath}: field "rows" must be a whole number, got ${JSON.stringify(rows)}`);
  if (!(Array.isArray(columns) && columns.every((c) => typeof c === 'string'))) throw new Error(`${jsonPath}: field "columns" must be a list of column names`);
  for (const needed of ['timeMs', 'energyJ']) if (!columns.includes(needed)) throw new Error(`${jsonPath}: no "${needed}" column`);
  const binFile = typeof layout.binFile === 'string' ? layout.binFile : `${base}.bin`;
  const binPath = join(runDir, binFile);
  if (!fs.existsSync(binPath)) throw new Error(`${binPath} is missing (named by ${jsonPath}); the trace's samples are in it, so trace "${base}" cannot be audited`);
  const bytes = fs.readFileSync(binPath);
  const expected = rows * columns.length * 8;
  if (bytes.length !== expected) {
    throw new Error(`${binPath} holds ${bytes.length} bytes, but ${jsonPath} describes ${rows} rows x ${columns.length} float64 columns = ${expected} bytes; the trace is truncated or not this run's`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const column = (k: number): Float64Array => {
    const out = new Float64Array(rows);
    for (let i = 0; i < rows; i++) out[i] = view.getFloat64((k * rows + i) * 8, true);
    return out;
  };
  const channelJ = new Map<string, Float64Array>();
  columns.forEach((name: string, k: number) => {
    if (name.startsWith('channelJ:')) channelJ.set(name.slice('channelJ:'.length), column(k));
  });
  const names = (value: unknown): string[] | null => (Array.isArray(value) && value.every((d) => typeof d === 'string') ? value : null);
  const idle = layout.idlePowerByDomainW;
  return {
    base,
    rows,
    timeMs: column(columns.indexOf('timeMs')),
    energyJ: column(columns.indexOf('energyJ')),
    channelJ,
    primaryDomains: names(layout.primaryDomains),
    systemDomains: names(layout.systemDomains),
    idlePowerByDomainW: typeof idle === 'object' && idle !== null && !Array.isArray(idle) ? numbers(idle as Record<string, unknown>) : null,
    source: typeof layout.source === 'string' ? layout.source : null,
  };
}

/** JSON has no NaN: the store writes NaN as null or the string "NaN"; anything not a number reads as NaN. */
function numbers(map: Record<string, unknown>): Record<string, number> {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, typeof v === 'number' ? v : NaN]));
}

function domainMap(value: unknown, field: string, where: string): Record<string, number> | null {
  if (value === undefined || value === null || value === '') return null;
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      parsed = undefined;
    }
  }
  if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return numbers(parsed as Record<string, unknown>);
  throw new Error(`${where}: field "${field}" is not an object of joules per domain: ${String(value).slice(0, 80)}`);
}

function compare(row: AuditRow, domain: string, figure: string, storedJ: number, recomputedJ: number, tolerance: Required<AuditTolerance>, problem = ''): AuditCheck {
  const absDiffJ = Math.abs(recomputedJ - storedJ);
  const scale = Math.max(Math.abs(storedJ), Math.abs(recomputedJ));
  const relDiff = scale > 0 ? absDiffJ / scale : absDiffJ === 0 ? 0 : Infinity;
  const ok = problem === '' && absDiffJ <= tolerance.absoluteJ + tolerance.relative * Math.abs(storedJ);
  return { queryId: row.queryId, index: row.index, domain, figure, storedJ, recomputedJ, absDiffJ: Number.isNaN(absDiffJ) ? Infinity : absDiffJ, relDiff: Number.isNaN(relDiff) ? Infinity : relDiff, ok, problem };
}

/** The checks of one row against its trace. Pure. */
export function auditRow(row: AuditRow, trace: AuditTrace, tolerance: Required<AuditTolerance>, where = `query ${row.queryId}`): AuditCheck[] {
  const startMs = row.clockStartMs;
  const endMs = row.clockEndMs;
  const splitMs = startMs + row.prefillMs;
  const win = (counter: Float64Array, a: number, b: number) => integrateCounterJ(trace.timeMs, counter, a, b, trace.rows);
  const primary = `primary (${row.energyDomain || row.energySource})`;
  const checks: AuditCheck[] = [];
  const phases = [
    { figure: 'energyJ', netFigure: 'netEnergyJ', fromMs: startMs, toMs: endMs },
    { figure: 'prefillEnergyJ', netFigure: 'prefillNetEnergyJ', fromMs: startMs, toMs: splitMs },
    { figure: 'decodeEnergyJ', netFigure: 'decodeNetEnergyJ', fromMs: splitMs, toMs: endMs },
  ] as const;
  for (const { figure, netFigure, fromMs, toMs } of phases) {
    const grossJ = win(trace.energyJ, fromMs, toMs);
    checks.push(compare(row, primary, figure, row[figure], grossJ, tolerance));
    // Net is NaN without an idle baseline: nothing to check then.
    if (!(Number.isNaN(row[netFigure]) && Number.isNaN(row.idlePowerW))) {
      checks.push(compare(row, primary, netFigure, row[netFigure], grossJ - row.idlePowerW * ((toMs - fromMs) / 1000), tolerance));
    }
  }
  const byDomain = domainMap(row.energyByDomainJ, 'energyByDomainJ', where);
  if (byDomain === null) return checks;
  const netByDomain = domainMap(row.netEnergyByDomainJ, 'netEnergyByDomainJ', where);
  const recomputed = new Map<string, number>();
  for (const [domain, storedJ] of Object.entries(byDomain)) {
    const counter = trace.channelJ.get(domain);
    if (counter === undefined) {
      checks.push(compare(row, domain, 'energyByDomainJ', storedJ, NaN, tolerance, `trace "${trace.base}" has no column channelJ:${domain}`));
      continue;
    }
    const grossJ = win(counter, startMs, endMs);
    recomputed.set(domain, grossJ);
    if (Number.isNaN(storedJ) && Number.isNaN(grossJ)) continue;
    checks.push(compare(row, domain, 'energyByDomainJ', storedJ, grossJ, tolerance));
    // Net per domain needs that invocation's idle power per domain, which the trace carries in newer runs.
    const idleW = trace.idlePowerByDomainW?.[domain];
    const storedNetJ = netByDomain?.[domain];
    if (idleW !== undefined && storedNetJ !== undefined && !(Number.isNaN(storedNetJ) && Number.isNaN(idleW))) {
      checks.push(compare(row, domain, 'netEnergyByDomainJ', storedNetJ, grossJ - idleW * ((endMs - startMs) / 1000), tolerance));
    }
  }
  // The system figure adds the domains the trace names as adding up without double counting (RAPL subzones left out).
  if (typeof row.systemEnergyJ === 'number' && trace.systemDomains !== null) {
    const systemJ = trace.systemDomains.reduce((sum, d) => sum + (recomputed.get(d) ?? (trace.channelJ.has(d) ? win(trace.channelJ.get(d)!, startMs, endMs) : NaN)), 0);
    if (!(Number.isNaN(row.systemEnergyJ) && Number.isNaN(systemJ))) {
      checks.push(compare(row, `system (${trace.systemDomains.join('+')})`, 'systemEnergyJ', row.systemEnergyJ, systemJ, tolerance));
    }
  }
  return checks;
}

/**
 * Audits rows against their traces; `loadTrace` is called once per trace base name (the file-reading edge).
 * A row with NaN energy is reported as not measured; a row with energy but no trace is a failure. Pure apart from
 * `loadTrace`.
 */
export function auditRows(runDir: string, rows: readonly AuditRow[], loadTrace: (base: string) => AuditTrace, options: { tolerance?: AuditTolerance } = {}): AuditReport {
  const tolerance = { ...DEFAULT_AUDIT_TOLERANCE, ...options.tolerance };
  for (const key of ['absoluteJ', 'relative'] as const) {
    if (!(tolerance[key] >= 0)) throw new RangeError(`tolerance.${key} must be a number, 0 or more; got ${tolerance[key]}`);
  }
  const traces = new Map<string, AuditTrace>();
  const notMeasured: AuditReport['notMeasured'] = [];
  const checks: AuditCheck[] = [];
  const notAudited = new Set<string>();
  let audited = 0;
  for (const row of rows) {
    if (Number.isNaN(row.energyJ)) {
      notMeasured.push({ queryId: row.queryId, index: row.index });
      continue;
    }
    const where = `${runDir}: query ${row.queryId} (row ${row.index})`;
    if (row.traceFile === null || row.traceFile === '') {
      checks.push(compare(row, `primary (${row.energyDomain || row.energySource})`, 'energyJ', row.energyJ, NaN, tolerance, 'the row names no trace file (traceFile is null)'));
      continue;
    }
    let trace = traces.get(row.traceFile);
    if (trace === undefined) {
      trace = loadTrace(row.traceFile);
      traces.set(row.traceFile, trace);
    }
    checks.push(...auditRow(row, trace, tolerance, where));
    if (trace.idlePowerByDomainW === null && domainMap(row.netEnergyByDomainJ, 'netEnergyByDomainJ', where) !== null) {
      notAudited.add(`netEnergyByDomainJ: trace "${trace.base}" does not record the idle power per domain it was computed with`);
    }
    audited++;
  }
  const byDomain = new Map<string, AuditCheck[]>();
  for (const c of checks) byDomain.set(c.domain, [...(byDomain.get(c.domain) ?? []), c]);
  const domains: DomainAudit[] = [...byDomain].map(([domain, cs]) => ({
    domain,
    checks: cs.length,
    failures: cs.filter((c) => !c.ok).length,
    maxAbs: cs.reduce<AuditCheck | null>((m, c) => (m === null || c.absDiffJ > m.absDiffJ ? c : m), null),
    maxRel: cs.reduce<AuditCheck | null>((m, c) => (m === null || c.relDiff > m.relDiff ? c : m), null),
  }));
  const failures = checks.filter((c) => !c.ok);
  return {
    runDir,
    tolerance,
    method: 'per-interval mean power from counter differences, integrated piecewise over each window (independent of lib/energy/attribution.ts)',
    queries: rows.length,
    audited,
    notMeasured,
    traces: [...traces.values()].map((t) => ({ base: t.base, rows: t.rows, source: t.source })),
    domains,
    failures,
    notAudited: [...notAudited],
    ok: failures.length === 0,
  };
}

/** Audits a run folder: rows from results.parquet when present, else journal.jsonl (lib/store's readResults), traces from disk. */
export async function auditRun(runDir: string, options: { tolerance?: AuditTolerance } = {}): Promise<AuditReport> {
  const rows = (await readResults(runDir)) as unknown as AuditRow[];
  return auditRows(runDir, rows, (base) => readAuditTrace(runDir, base), options);
}

const joules = (j: number): string => (Number.isFinite(j) ? `${j.toPrecision(4)} J` : String(j));
const percent = (r: number): string => (Number.isFinite(r) ? `${(r * 100).toPrecision(3)}%` : String(r));
const who = (c: AuditCheck | null): string => (c === null ? '' : `${c.queryId} ${c.figure}`);

/** The audit as text: tolerance, the largest absolute and relative difference per domain, and every failure (up to `maxFailures`). Pure. */
export function formatAudit(report: AuditReport, maxFailures = 20): string {
  const t = report.tolerance;
  const lines = [
    `Audit of ${report.runDir}: ${report.queries} queries, ${report.audited} re-integrated from ${report.traces.map((x) => `${x.base}.bin (${x.rows} samples)`).join(', ') || 'no trace'}` +
      (report.notMeasured.length > 0 ? `; ${report.notMeasured.length} not measured (energy NaN): ${report.notMeasured.slice(0, 5).map((q) => q.queryId).join(', ')}${report.notMeasured.length > 5 ? ', ...' : ''}` : ''),
    `Method: ${report.method}.`,
    `Tolerance: |recomputed - stored| <= ${t.absoluteJ} J + ${t.relative} x |stored|.`,
    '',
  ];
  const header = ['domain', 'checks', 'failures', 'max |diff|', 'at', 'max rel diff', 'at'];
  const body = report.domains.map((d) => [d.domain, String(d.checks), String(d.failures), joules(d.maxAbs?.absDiffJ ?? 0), who(d.maxAbs), percent(d.maxRel?.relDiff ?? 0), who(d.maxRel)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  for (const r of [header, ...body]) lines.push(r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
  lines.push('');
  for (const n of report.notAudited) lines.push(`Not audited: ${n}.`);
  if (report.ok) {
    lines.push(report.audited > 0 ? 'OK: every stored figure matches its trace within the tolerance.' : 'Nothing to audit: no query has measured energy.');
  } else {
    lines.push(`FAILED: ${report.failures.length} stored figure(s) differ from the trace beyond the tolerance:`);
    for (const c of report.failures.slice(0, maxFailures)) {
      lines.push(
        `  query ${c.queryId} (row ${c.index}), domain ${c.domain}, ${c.figure}: ` +
          (c.problem !== '' ? c.problem : `stored ${joules(c.storedJ)}, trace gives ${joules(c.recomputedJ)} (diff ${joules(c.absDiffJ)}, ${percent(c.relDiff)})`),
      );
    }
    if (report.failures.length > maxFailures) lines.push(`  ... and ${report.failures.length - maxFailures} more`);
  }
  return `${lines.join('\n')}\n`;
}
