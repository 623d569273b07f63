import fs from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE, PARQUET_FILE, loadRunSummary, readManifest, type RunManifest } from '../store/index.ts';
import type { RunTag } from './types.ts';

/** GGUF quantization names as they appear in file names and llama.cpp type descriptions. */
const QUANT_PATTERN = /(?:^|[^A-Za-z0-9])(I?Q[1-8](?:_[A-Z0-9]+)*|BF16|F16|F32|FP16|FP8)(?=$|[^A-Za-z0-9])/i;

function quantizationOf(...candidates: unknown[]): string | null {
  for (const candidate of candidates) {
    if (typeof candidate !== 'string') continue;
    const match = QUANT_PATTERN.exec(candidate);
    if (match?.[1]) return match[1].toUpperCase();
  }
  return null;
}

function stringOr(value: unknown, fallback: string | null): string | null {
  return typeof value === 'string' && value !== '' ? value : fallback;
}

/**
 * Tags one run from run.json and, when the run finished, manifest.json. An explicit
 * `model.quantization` in the manifest wins over what the model name or type description imply.
 * `fallbackModel`/`fallbackAccelerator` come from the results rows, for runs without a manifest.
 */
export function tagRun(runDir: string, fallbackModel: string, fallbackAccelerator: string): RunTag {
  const spec = loadRunSummary(runDir);
  const manifest: RunManifest | null = fs.existsSync(path.join(runDir, MANIFEST_FILE)) ? readManifest(runDir) : null;
  const model: Record<string, unknown> = manifest?.model ?? {};
  const details = (typeof model.details === 'object' && model.details !== null ? model.details : {}) as Record<string, unknown>;
  const modelName = stringOr(model.name, fallbackModel) ?? fallbackModel;
  return {
    runId: spec.runId,
    runDir,
    model: modelName,
    quantization:
      stringOr(model.quantization, null) ?? quantizationOf(modelName, details.typeDescription, spec.model.path, spec.model.url),
    accelerator: stringOr(model.accelerator, fallbackAccelerator) ?? fallbackAccelerator,
    host: stringOr(manifest?.hardware?.hostname, null),
    energySource: stringOr(manifest?.energy?.source, null),
    queriesSource: spec.queriesSource,
    createdAt: spec.createdAt,
    complete: manifest !== null && manifest.complete !== false,
    queries: spec.queryCount,
  };
}

export function parquetOf(runDir: string): string {
  return path.join(runDir, PARQUET_FILE);
}
