import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  RunJournal,
  finalizeRun,
  startRun,
  writeManifest,
  type HardwareInfo,
  type QueryResult,
  type SoftwareInfo,
} from '../lib/store/index.ts';
import { ROW_TRACE_AND_SPAN } from './helpers/result-row.ts';

/**
 * A synthetic study with answers known by construction (see test/analyze.test.ts):
 * 10 queries (m0-m5 math, s0-s3 science); local variants alpha/cpu (split over two hosts), alpha/cuda,
 * beta/cpu, gamma/cpu; the reference "cloud" on a remote endpoint. Energy per query is constant per
 * variant; power is base + 0.5 * (global query index % 3), so every sum is exact in binary floating point.
 */
export const QUERY_IDS = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 's0', 's1', 's2', 's3'] as const;
export const domainOf = (id: string): string => (id.startsWith('m') ? 'math' : 'science');

export interface VariantSpec {
  model: string;
  accelerator: string;
  energyJ: number;
  basePowerW: number;
  correct: readonly string[];
}

export const VARIANTS: readonly VariantSpec[] = [
  { model: 'alpha-q4_k_m', accelerator: 'cpu', energyJ: 2, basePowerW: 8, correct: ['m0', 'm1', 's0'] },
  { model: 'alpha-q4_k_m', accelerator: 'cuda', energyJ: 1, basePowerW: 20, correct: ['m0', 'm1', 's0'] },
  { model: 'beta', accelerator: 'cpu', energyJ: 4, basePowerW: 16, correct: ['m1', 'm2', 's1'] },
  { model: 'gamma', accelerator: 'cpu', energyJ: 0.5, basePowerW: 4, correct: ['m3', 's0'] },
  { model: 'cloud', accelerator: 'remote', energyJ: 10, basePowerW: 100, correct: ['m0', 'm1', 'm2', 'm4', 's0', 's1', 's2'] },
];

export const RELEASE_DATES = new Map([
  ['alpha-q4_k_m', '2024-01-01'],
  ['beta', '2024-07-01'],
  ['gamma', '2025-01-01'],
]);

export function powerOf(variant: VariantSpec, queryId: string): number {
  return variant.basePowerW + 0.5 * (QUERY_IDS.indexOf(queryId as (typeof QUERY_IDS)[number]) % 3);
}

export function resultRow(runId: string, variant: VariantSpec, queryId: string, index: number, overrides: Partial<QueryResult> = {}): QueryResult {
  const qi = QUERY_IDS.indexOf(queryId as (typeof QUERY_IDS)[number]);
  const promptTokens = 10 + qi;
  const completionTokens = 20 + 2 * qi;
  const correct = variant.correct.includes(queryId);
  return {
    runId,
    queryId,
    index,
    domain: domainOf(queryId),
    model: variant.model,
    accelerator: variant.accelerator,
    grader: 'numeric',
    startedAt: '2026-01-01T00:00:00.000Z',
    response: correct ? `answer ${queryId}` : 'wrong',
    stopReason: 'eos',
    promptTokens,
    completionTokens,
    ttftMs: 1,
    prefillMs: 1,
    decodeMs: 1,
    decodeTokensPerS: 1,
    interTokenMs: [1],
    reference: `answer ${queryId}`,
    pred: correct ? `answer ${queryId}` : null,
    correct,
    // Every fourth query that fails could not run at all: summaries count those apart from unanswered ones.
    gradeStatus: correct ? 'answered' : qi % 4 === 3 ? 'error' : 'no_answer',
    gradeRule: 'fixture',
    verdict: '',
    energyJ: variant.energyJ,
    prefillEnergyJ: 0,
    decodeEnergyJ: variant.energyJ,
    meanPowerW: powerOf(variant, queryId),
    // Exactly linear in both token counts: 100 + 3 * completion = 100 + 6 * prompt - 0.
    durationMs: 100 + 3 * completionTokens,
    energySource: 'estimated',
    energyMethod: 'fixture',
    energyIsEstimate: true,
    netEnergyJ: NaN,
    prefillNetEnergyJ: NaN,
    decodeNetEnergyJ: NaN,
    idlePowerW: NaN,
    energyMeasure: 'model',
    energyFlags: '',
    ...ROW_TRACE_AND_SPAN,
    ...overrides,
  };
}

function hardware(host: string): HardwareInfo {
  return {
    hostname: host,
    cpu: { manufacturer: 'x', model: 'x', physicalCores: 2, logicalCores: 2, speedGHz: null },
    memoryBytes: 1,
    os: { platform: 'linux', distro: '', release: '', kernel: '', arch: 'x64' },
    gpus: [],
    notes: [],
  };
}

const SOFTWARE: SoftwareInfo = {
  node: 'v20', ipwLab: null, nodeLlamaCpp: null, llamaCpp: null, duckdb: null, duckdbNodeApi: null, systeminformation: null, notes: [],
};

export interface RunOptions {
  runId: string;
  variant: VariantSpec;
  queryIds: readonly string[];
  host: string;
  overrides?: (queryId: string) => Partial<QueryResult>;
  /** Leave manifest.json out, as for a run that stopped early but was finalized. */
  noManifest?: boolean;
}

/** Writes one real run folder (run.json, journal, results.parquet, manifest.json) through lib/store. */
export async function writeRun(root: string, options: RunOptions): Promise<string> {
  const dir = path.join(root, options.runId);
  const { variant } = options;
  startRun(dir, {
    runId: options.runId,
    model: { path: `/models/${variant.model}.gguf` },
    queriesSource: 'data/study.jsonl',
    queryIds: [...options.queryIds],
    settings: {},
  });
  const journal = RunJournal.open(dir);
  options.queryIds.forEach((id, i) => journal.append(resultRow(options.runId, variant, id, i, options.overrides?.(id))));
  journal.close();
  await finalizeRun(dir);
  if (!options.noManifest) {
    writeManifest(dir, {
      runId: options.runId,
      model: { sha256: null, name: variant.model, accelerator: variant.accelerator },
      hardware: hardware(options.host),
      software: SOFTWARE,
      settings: {},
      energy: { source: 'estimated', method: 'fixture', isEstimate: true },
      counts: { queries: options.queryIds.length, completed: options.queryIds.length },
      timings: {},
      summary: null,
    });
  }
  return dir;
}

/** Writes a run folder holding exactly `rows` (all of one model and accelerator), with a manifest naming `host`. */
export async function writeRows(root: string, runId: string, rows: readonly QueryResult[], host: string): Promise<string> {
  const dir = path.join(root, runId);
  const first = rows[0]!;
  startRun(dir, { runId, model: { path: `/models/${first.model}.gguf` }, queriesSource: 'data/study.jsonl', queryIds: rows.map((r) => r.queryId), settings: {} });
  const journal = RunJournal.open(dir);
  for (const row of rows) journal.append(row);
  journal.close();
  await finalizeRun(dir);
  writeManifest(dir, {
    runId,
    model: { sha256: null, name: first.model, accelerator: first.accelerator },
    hardware: hardware(host),
    software: SOFTWARE,
    settings: {},
    energy: { source: first.energySource, method: first.energyMethod, isEstimate: first.energyIsEstimate },
    counts: { queries: rows.length, completed: rows.length },
    timings: {},
    summary: null,
  });
  return dir;
}

/** The whole synthetic study under a fresh temp folder; returns the folder. */
export async function writeStudy(): Promise<string> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ipw-analyze-'));
  const [alphaCpu, alphaCuda, beta, gamma, cloud] = VARIANTS as [VariantSpec, VariantSpec, VariantSpec, VariantSpec, VariantSpec];
  const math = QUERY_IDS.filter((id) => id.startsWith('m'));
  const science = QUERY_IDS.filter((id) => id.startsWith('s'));
  await writeRun(root, { runId: 'alpha-cpu-laptop', variant: alphaCpu, queryIds: math, host: 'laptop' });
  await writeRun(root, { runId: 'alpha-cpu-desktop', variant: alphaCpu, queryIds: science, host: 'desktop' });
  await writeRun(root, { runId: 'alpha-cuda', variant: alphaCuda, queryIds: QUERY_IDS, host: 'gpu-box' });
  await writeRun(root, { runId: 'beta-cpu', variant: beta, queryIds: QUERY_IDS, host: 'laptop' });
  await writeRun(root, { runId: 'gamma-cpu', variant: gamma, queryIds: QUERY_IDS, host: 'laptop' });
  await writeRun(root, { runId: 'cloud', variant: cloud, queryIds: QUERY_IDS, host: 'api' });
  return root;
}
