// FLOPs, bytes, MFU/MBU, cost and carbon: checked against hand computations on the fixture architectures, read back
// with the tests' own GGUF parser rather than the one lib/efficiency uses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_HARDWARE_UTILIZATION, architectureOf, costAndCarbon, decodeBytes, gridIntensity, gridTable, nearGridRegions, queryFlops, readModelArchitecture,
  resolveRates, utilization,
} from '../lib/efficiency/index.ts';
import type { OptionError } from '../lib/errors/index.ts';
import { prepareFixtureModel } from '../lib/profile/index.ts';
import { parseGguf } from './helpers/gguf-reader.ts';
import { sampleFixture, tempDir } from './helpers/fixture.ts';

/** Dimensions of a tensor by name, from the independent parser. */
function dims(file: string): { meta: (key: string) => number; shape: (name: string) => number[] | undefined } {
  const parsed = parseGguf(new Uint8Array(readFileSync(file)));
  const arch = String(parsed.metadata.get('general.architecture'));
  return {
    meta: (key) => Number(parsed.metadata.get(`${arch}.${key}`)),
    shape: (name) => parsed.tensors.find((t) => t.name === name)?.shape,
  };
}

const product = (shape: number[] | undefined) => (shape ?? [0]).reduce((a, b) => a * b, 1);

/** The hand computation of docs/sweeps.md: output projection (or the tied embedding) + per layer q, k, v, o, gate, up, down. */
function handMatmulParameters(file: string): number {
  const { meta, shape } = dims(file);
  const d = meta('embedding_length');
  const vocab = shape('token_embd.weight')![1]!;
  const output = shape('output.weight') ? product(shape('output.weight')) : d * vocab;
  let perLayer = 0;
  for (const name of ['attn_q', 'attn_k', 'attn_v', 'attn_output', 'ffn_gate', 'ffn_up', 'ffn_down']) perLayer += product(shape(`blk.0.${name}.weight`));
  return output + meta('block_count') * perLayer;
}

describe('FLOPs per query from the GGUF architecture', () => {
  it('match a hand computation on the knowledge fixture (untied output) and the bench model (tied embeddings)', async () => {
    const knowledge = (await sampleFixture()).modelPath;
    const bench = (await prepareFixtureModel({ bench: 'small', type: 'q8_0' })).modelPath;
    for (const file of [knowledge, bench]) {
      const arch = await readModelArchitecture(file);
      const { meta } = dims(file);
      const d = meta('embedding_length');
      const layers = meta('block_count');
      const heads = meta('attention.head_count');
      expect(arch).toMatchObject({ architecture: 'llama', layers, embeddingLength: d, headCount: heads, keyLength: d / heads, valueLength: d / heads });
      const P = handMatmulParameters(file);
      expect(arch.matmulParameters, file).toBe(P);
      // The output projection: output.weight, or the tied token embedding table (vocabulary x width).
      const { shape } = dims(file);
      expect(arch.outputParameters, file).toBe(product(shape('output.weight') ?? shape('token_embd.weight')));
      // A 10-token prompt and 3 generated tokens: prefill evaluates positions 1..10 and needs the logits of the last
      // one only (9 tokens skip the output projection); decode feeds back 2 tokens at 11, 12, each with its logits.
      const attention = 2 * layers * heads * (d / heads + d / heads);
      const flops = queryFlops(arch, 10, 3);
      const output = product(dims(file).shape('output.weight') ?? dims(file).shape('token_embd.weight'));
      expect(flops.prefillFlops).toBe(10 * 2 * P - 9 * 2 * output + attention * 55);
      expect(flops.decodeFlops).toBe(2 * 2 * P + attention * (11 + 12));
      expect(flops.totalFlops).toBe(flops.prefillFlops + flops.decodeFlops);
      // Decode streams the multiplied weights once per token, plus the f16 KV cache of every attended position.
      const kvPerPosition = layers * meta('attention.head_count_kv') * (2 * d / heads) * 2;
      expect(decodeBytes(arch, 10, 3)).toBe(2 * arch.streamedWeightBytes + kvPerPosition * (11 + 12));
      expect(arch.streamedWeightBytes).toBeGreaterThan(0);
      const parsed = parseGguf(new Uint8Array(readFileSync(file)));
      expect(arch.totalParameters).toBe(parsed.tensors.reduce((sum, t) => sum + product(t.shape), 0));
    }
    // One generated token needs no decode step.
    expect(queryFlops(await readModelArchitecture(knowledge), 5, 1).decodeFlops).toBe(0);
  });

  it('counts only the experts a token is routed to, and names what a file lacks', () => {
    const tensor = (name: string, dimensions: number[], fileOffset: number) => ({ name, dimensions, fileOffset });
    const moe = architectureOf(
      {
        metadata: { general: { architecture: 'qwen3moe' }, qwen3moe: { embedding_length: 8, block_count: 1, attention: { head_count: 2, head_count_kv: 1 }, expert_count: 4, expert_used_count: 1 } },
        tensorInfo: [tensor('token_embd.weight', [8, 100], 0), tensor('output.weight', [8, 100], 800), tensor('blk.0.attn_q.weight', [8, 8], 1600), tensor('blk.0.ffn_up_exps.weight', [8, 16, 4], 1664)],
      },
      1664 + 512,
      'moe.gguf',
    );
    expect(moe.matmulParameters).toBe(800 + 64 + (8 * 16 * 4) / 4);
    expect(moe.streamedWeightBytes).toBe(800 + 64 + 512 / 4);
    expect(moe.headCountKv).toBe(1);
    expect(() => architectureOf({ metadata: { general: { architecture: 'llama' }, llama: { block_count: 1 } }, tensorInfo: [] }, 0, 'x.gguf')).toThrow(
      'x.gguf: GGUF metadata lacks llama.embedding_length',
    );
  });
});

describe('utilization and cost, labelled estimates', () => {
  it('MFU/MBU are achieved over peak, never above 1, and say where the peak came from', () => {
    expect(utilization(5e12, 1, 10e12, 'FLOP/s', 'spec sheet')).toMatchObject({ value: 0.5 });
    expect(utilization(5e12, 1, 10e12, 'FLOP/s', 'spec sheet').method).toMatch(/^estimate: .*peak FLOP\/s from spec sheet$/);
    const over = utilization(20e12, 1, 10e12, 'FLOP/s', 'spec sheet');
    expect(over.value).toBeNaN();
    expect(over.reason).toMatch(/exceeds the peak FLOP\/s given .*too low/);
    expect(utilization(1, 1, undefined, 'bytes/s', undefined)).toMatchObject({ value: NaN, reason: 'no peak bytes/s given' });
  });

  it('cost and carbon are energy x the user\'s rates, per query and per correct answer, and carry the energy label', () => {
    const c = costAndCarbon(3.6e6, 0.5, { usdPerKwh: 0.25, gco2PerKwh: 400 }, true);
    expect(c).toMatchObject({ usdPerQuery: 0.25, usdPerCorrect: 0.5, gco2PerQuery: 400, gco2PerCorrect: 800 });
    expect(c.method).toBe('estimate, derived from ESTIMATED energy (primary domain, gross) x user-supplied 0.25 USD/kWh and 400 gCO2e/kWh');
    expect(costAndCarbon(NaN, 0.5, { usdPerKwh: 0.25 }, false).usdPerQuery).toBeNaN();
    expect(costAndCarbon(1, 0, { usdPerKwh: 0.25 }, false).usdPerCorrect).toBeNaN();
    expect(() => costAndCarbon(1, 1, { usdPerKwh: -1 }, false)).toThrow('usdPerKwh must be a number, 0 or more; got -1');
  });

  it('amortises the hardware over its busy seconds, by hand, and adds it to the electricity', () => {
    // 3155.76 USD over 1 year at 50% utilisation: 3155.76 / (365.25 x 86400 x 0.5) = 2e-4 USD per busy second.
    const rates = { usdPerKwh: 0.5, hardwareUsd: 3155.76, hardwareLifeYears: 1, hardwareUtilization: 0.5 };
    const c = costAndCarbon(7.2e6, 0.25, rates, { energyIsEstimate: false, meanQueryS: 10 });
    expect(c.usdEnergyPerQuery).toBe(1);
    expect(c.usdHardwarePerQuery).toBeCloseTo(2e-3, 15);
    expect(c.usdPerQuery).toBeCloseTo(1.002, 12);
    expect(c.usdPerCorrect).toBeCloseTo(4.008, 12);
    expect(c.method).toBe('estimate, derived from measured energy (primary domain, gross) x user-supplied 0.5 USD/kWh and hardware 3155.76 USD over 1 years at 50% utilisation x mean query seconds');
    // Without the query's seconds there is no hardware share, and the total says so (NaN), never a partial sum.
    expect(costAndCarbon(7.2e6, 0.25, rates, false).usdPerQuery).toBeNaN();
    // Utilisation defaults to 1: the lowest amortised cost.
    expect(resolveRates({ hardwareUsd: 1000, hardwareLifeYears: 3 })).toEqual({ hardwareUsd: 1000, hardwareLifeYears: 3, hardwareUtilization: DEFAULT_HARDWARE_UTILIZATION });
  });

  it('refuses rates that do not go together, naming the option and the fix', () => {
    const refused = (rates: Parameters<typeof resolveRates>[0]) => {
      try {
        resolveRates(rates);
      } catch (error) {
        return { option: (error as OptionError).option, code: (error as OptionError).code, message: (error as Error).message };
      }
      throw new Error('accepted');
    };
    expect(refused({ gco2PerKwh: 100, gridRegion: 'FR' })).toMatchObject({ option: 'gridRegion', code: 'conflict' });
    expect(refused({ hardwareUsd: 1000 })).toMatchObject({ option: 'hardwareLifeYears', code: 'missing', message: expect.stringContaining('hardwareUsd needs hardwareLifeYears') });
    expect(refused({ hardwareLifeYears: 3 })).toMatchObject({ option: 'hardwareUsd', code: 'missing' });
    expect(refused({ hardwareUsd: 1000, hardwareLifeYears: 3, hardwareUtilization: 1.5 })).toMatchObject({ option: 'hardwareUtilization', message: 'hardwareUtilization must be a number, 0 or more and at most 1; got 1.5' });
    expect(refused({ hardwareUsd: 1000, hardwareLifeYears: 3, hardwareUtilization: 0 })).toMatchObject({ option: 'hardwareUtilization' });
    expect(refused({ gridRegion: 'Germny' })).toMatchObject({ option: 'gridRegion', code: 'invalid', message: expect.stringMatching(/^gridRegion "Germny" is not in .*grid-carbon\.csv; nearest: DE \(Germany\)/) });
  });
});

describe('carbon by grid region (data/grid-carbon.csv)', () => {
  it('ships a few dozen regions, each with its intensity, year, basis, publication and address', () => {
    const rows = gridTable();
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(new Set(rows.map((r) => r.region)).size).toBe(rows.length);
    for (const code of ['WORLD', 'EU', 'US', 'US-EGRID', 'CN', 'IN', 'DE', 'FR', 'GB']) expect(rows.map((r) => r.region)).toContain(code);
    for (const row of rows) {
      expect(row.gco2PerKwh, row.region).toBeGreaterThan(0);
      expect(row.gco2PerKwh, row.region).toBeLessThan(1500);
      expect(row.year, row.region).toBeGreaterThanOrEqual(2020);
      expect(row.basis, row.region).toMatch(/^(lifecycle|combustion CO2)$/);
      expect(row.source, row.region).toMatch(/Ember|eGRID/);
      expect(row.url, row.region).toMatch(/^https:\/\/(ember-energy\.org|www\.epa\.gov)\//);
    }
  });

  it('finds a region by code or name in any case, and the carbon figure carries region, intensity, source and year', () => {
    const de = gridIntensity('de');
    expect(gridIntensity('Germany')).toEqual(de);
    expect(de).toMatchObject({ region: 'DE', name: 'Germany', basis: 'lifecycle' });
    const c = costAndCarbon(3.6e6, 0.5, { gridRegion: 'DE' }, { energyIsEstimate: true, energyLabel: 'estimated (process CPU time x 10 W)' });
    expect(c.gco2PerQuery).toBe(de.gco2PerKwh);
    expect(c.gco2PerCorrect).toBe(2 * de.gco2PerKwh);
    expect(c.grid).toEqual(de);
    expect(c.method).toBe(
      `estimate, derived from ESTIMATED energy, estimated (process CPU time x 10 W) (primary domain, gross) x user-supplied ` +
        `${de.gco2PerKwh} gCO2e/kWh (DE, Germany, ${de.year}, lifecycle: as published in ${de.source}, ${de.url})`,
    );
  });

  it('suggests the nearest regions for an unknown name, and names the file, line and field of a bad row', () => {
    expect(nearGridRegions('france', gridTable()).map((r) => r.region)).toEqual(['FR']);
    expect(nearGridRegions('United', gridTable()).map((r) => r.region)).toEqual(expect.arrayContaining(['US', 'GB']));
    expect(() => gridIntensity('Atlantis')).toThrow(/gridRegion "Atlantis" is not in .*Use one of its region codes \(WORLD, EU, US, /);
    const dir = tempDir();
    const file = join(dir, 'grid.csv');
    writeFileSync(file, '# a note\nregion,name,gco2ePerKwh,year,basis,source,url\nXA,Somewhere,12,2023,lifecycle,,https://example.org\n');
    expect(() => gridTable(file)).toThrow(`${file} line 3: source is empty; every row needs region, name, gco2ePerKwh, year, basis, source, url`);
    writeFileSync(file, 'region,name,gco2ePerKwh,year,basis,source,url\nXA,Somewhere,lots,2023,lifecycle,S,https://example.org\n');
    expect(() => gridTable(file)).toThrow(`${file} line 2: gco2ePerKwh must be a number of grams, 0 or more; got "lots"`);
  });
});
