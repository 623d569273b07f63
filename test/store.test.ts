import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  RunJournal,
  collectHardware,
  collectSoftware,
  finalizeRun,
  hashFile,
  listRuns,
  loadRunSpec,
  loadRunSummary,
  readManifest,
  readResults,
  resumeRun,
  startRun,
  writeManifest,
  type NewRunSpec,
  type QueryResult,
  type RunManifestInput,
} from '../lib/store/index.ts';
import { JournalCorruptError, readJournal } from '../lib/store/journal-read.ts';
import { ROW_TRACE_AND_SPAN } from './helpers/result-row.ts';

let root: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ipw-store-'));
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function sampleResult(index: number, overrides: Partial<QueryResult> = {}): QueryResult {
  return {
    runId: 'run-1',
    queryId: `q${index}`,
    index,
    domain: index % 2 === 0 ? 'math' : 'science',
    model: 'tiny',
    accelerator: 'cpu',
    grader: 'numeric',
    startedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(),
    response: `The answer is ${index}. "quoted" \\ back\nslash, ünïcödé 🦆`,
    stopReason: 'eos',
    promptTokens: 10 + index,
    completionTokens: 5,
    ttftMs: 12.5,
    prefillMs: 10.25,
    decodeMs: 40,
    decodeTokensPerS: 100,
    interTokenMs: [9.5, 10, 10.5, index],
    reference: String(index),
    pred: String(index),
    correct: true,
    gradeStatus: 'answered',
    gradeRule: 'last-number',
    verdict: 'matched',
    energyJ: 1.5,
    prefillEnergyJ: 0.5,
    decodeEnergyJ: 1,
    meanPowerW: 30,
    durationMs: 50.25,
    energySource: 'estimated',
    energyMethod: 'process CPU time x 10 W/core',
    energyIsEstimate: true,
    netEnergyJ: 1.25,
    prefillNetEnergyJ: 0.4,
    decodeNetEnergyJ: 0.85,
    idlePowerW: 5,
    energyMeasure: 'model',
    energyFlags: '',
    ...ROW_TRACE_AND_SPAN,
    ...overrides,
  };
}

function sampleSpec(queryCount: number, overrides: Partial<NewRunSpec> = {}): NewRunSpec {
  return {
    runId: 'run-1',
    model: { path: '/models/tiny.gguf' },
    queriesSource: 'sample',
    queryIds: Array.from({ length: queryCount }, (_, i) => `q${i}`),
    settings: { maxTokens: 256, seed: 0, threads: 1, template: 'auto', energySource: 'estimated' },
    ...overrides,
  };
}

const journalPath = (dir: string): string => path.join(dir, 'journal.jsonl');

describe('loadRunSummary', () => {
  it('counts the query ids in the text and reads the rest as loadRunSpec does, whatever the ids and settings hold', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipw-summary-'));
    const queryIds = ['q1', 'a]b', 'c,d', 'e"f', 'g\\]', '"queryIds": [', 'ünï'];
    // A settings string and a nested key that look like the list must not be taken for it.
    startRun(dir, { runId: 'r', model: { path: '/m.gguf' }, queriesSource: 'x', queryIds, settings: { note: '"queryIds": ["zz"]', nested: { queryIds: ['n1', 'n2'] } } });
    const { queryIds: ids, ...rest } = loadRunSpec(dir);
    expect(ids).toEqual(queryIds);
    expect(loadRunSummary(dir)).toEqual({ ...rest, queryCount: queryIds.length });
    // Written by hand with the nested key first: the summary still finds the top-level list (by the full parse).
    fs.writeFileSync(path.join(dir, 'run.json'), JSON.stringify({ settings: { queryIds: ['n1'] }, runId: 'r', createdAt: 't', model: { path: '/m' }, queriesSource: 'x', queryIds: ['a', 'b', 'c'] }));
    expect(loadRunSummary(dir).queryCount).toBe(3);
    fs.writeFileSync(path.join(dir, 'run.json'), JSON.stringify({ runId: 'r', createdAt: 't', model: { path: '/m' }, queriesSource: 'x', queryIds: ['a', 2], settings: {} }));
    expect(() => loadRunSummary(dir)).toThrow(/queryIds must be an array of strings/);
  });
});

describe('RunJournal', () => {
  it('appends durably and reads back what it wrote', () => {
    const journal = RunJournal.open(root);
    journal.append(sampleResult(0));
    journal.append(sampleResult(1, { pred: null, correct: false, gradeStatus: 'no_answer' }));
    expect(() => journal.append(sampleResult(1))).toThrow(/already in/);
    journal.close();

    const reopened = RunJournal.open(root);
    expect([...reopened.completedIds()]).toEqual(['q0', 'q1']);
    expect(reopened.results()).toEqual([sampleResult(0), sampleResult(1, { pred: null, correct: false, gradeStatus: 'no_answer' })]);
    expect(reopened.warnings).toEqual([]);
    reopened.close();
  });

  it('refuses an invalid result before writing anything', () => {
    const journal = RunJournal.open(root);
    expect(() => journal.append(sampleResult(0, { promptTokens: 1.5 }))).toThrow(/promptTokens/);
    journal.close();
    expect(fs.readFileSync(journalPath(root), 'utf8')).toBe('');
  });

  it('keeps NaN and Infinity, which plain JSON would turn into null', () => {
    const journal = RunJournal.open(root);
    journal.append(sampleResult(0, { decodeTokensPerS: Infinity, ttftMs: NaN, interTokenMs: [-Infinity, 1] }));
    journal.close();
    const [back] = readJournal(journalPath(root)).results;
    expect(back?.decodeTokensPerS).toBe(Infinity);
    expect(back?.ttftMs).toBeNaN();
    expect(back?.interTokenMs).toEqual([-Infinity, 1]);
  });

  it('ignores a torn last line when reading, and cuts it off when opening to append', () => {
    const full = JSON.stringify(sampleResult(0)) + '\n' + JSON.stringify(sampleResult(1)) + '\n';
    const torn = JSON.stringify(sampleResult(2)).slice(0, 57);
    fs.writeFileSync(journalPath(root), full + torn);

    const readOnly = readJournal(journalPath(root));
    expect(readOnly.results.map((r) => r.queryId)).toEqual(['q0', 'q1']);
    expect(readOnly.tornBytes).toBe(Buffer.byteLength(torn));
    expect(fs.readFileSync(journalPath(root), 'utf8')).toBe(full + torn);

    const journal = RunJournal.open(root);
    expect(journal.warnings.join()).toMatch(/torn last line \(57 bytes\)/);
    expect(fs.readFileSync(journalPath(root), 'utf8')).toBe(full);
    journal.append(sampleResult(2));
    journal.close();
    const lines = fs.readFileSync(journalPath(root), 'utf8').split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((l) => (JSON.parse(l) as QueryResult).queryId)).toEqual(['q0', 'q1', 'q2']);
  });

  it('repairs a journal whose only line is torn', () => {
    fs.writeFileSync(journalPath(root), '{"runId":"run-1","que');
    const journal = RunJournal.open(root);
    expect(journal.size).toBe(0);
    journal.append(sampleResult(0));
    journal.close();
    expect(readJournal(journalPath(root)).results).toHaveLength(1);
  });

  it('reports a corrupt line in the middle with the file and line number', () => {
    const lines = [JSON.stringify(sampleResult(0)), '{"runId": "run-1", oops', JSON.stringify(sampleResult(2))];
    fs.writeFileSync(journalPath(root), lines.join('\n') + '\n');
    expect(() => RunJournal.open(root)).toThrow(JournalCorruptError);
    expect(() => readJournal(journalPath(root))).toThrow(`Corrupt journal ${journalPath(root)} line 2: invalid JSON`);
    // Nothing was truncated: a corrupt complete line is never "repaired".
    expect(fs.readFileSync(journalPath(root), 'utf8')).toBe(lines.join('\n') + '\n');
  });

  it('rejects a complete line that is valid JSON but not a result', () => {
    const bad = { ...sampleResult(1) } as Record<string, unknown>;
    delete bad.energyJ;
    fs.writeFileSync(journalPath(root), [JSON.stringify(sampleResult(0)), JSON.stringify(bad)].join('\n') + '\n');
    expect(() => readJournal(journalPath(root))).toThrow(/line 2: missing field "energyJ"/);
  });

  it('keeps the first of duplicate queryIds and reports them', () => {
    const lines = [sampleResult(0), sampleResult(1), sampleResult(0, { response: 'second copy' })];
    fs.writeFileSync(journalPath(root), lines.map((r) => JSON.stringify(r) + '\n').join(''));
    const journal = RunJournal.open(root);
    expect(journal.duplicateIds).toEqual(['q0']);
    expect(journal.warnings.join()).toMatch(/duplicate queryIds.*q0/);
    expect(journal.results().find((r) => r.queryId === 'q0')?.response).toBe(sampleResult(0).response);
    journal.close();
  });
});

describe('startRun / resumeRun', () => {
  it('writes run.json before any query and refuses to start over an existing run', () => {
    const runDir = path.join(root, 'runs', 'a');
    const run = startRun(runDir, sampleSpec(3));
    expect(run.runId).toBe('run-1');
    const onDisk = JSON.parse(fs.readFileSync(path.join(runDir, 'run.json'), 'utf8')) as Record<string, unknown>;
    expect(onDisk).toMatchObject({ runId: 'run-1', queryIds: ['q0', 'q1', 'q2'], settings: { maxTokens: 256 } });
    expect(typeof onDisk.createdAt).toBe('string');
    expect(fs.readdirSync(runDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(() => startRun(runDir, sampleSpec(3))).toThrow(/already holds a run.*the resume option.*a new outDir/);
  });

  it('rejects duplicate query ids in the spec', () => {
    expect(() => startRun(path.join(root, 'd'), sampleSpec(2, { queryIds: ['a', 'b', 'a'] }))).toThrow(/"a" appears more than once/);
  });

  it('resumes a matching run and reports what is already done', () => {
    const runDir = path.join(root, 'r');
    startRun(runDir, sampleSpec(3));
    const journal = RunJournal.open(runDir);
    journal.append(sampleResult(1));
    journal.close();
    // A caller that mints a fresh runId per invocation can still resume: only the identity is compared.
    const again: NewRunSpec = { ...sampleSpec(3), runId: 'a-new-id-is-ignored' };
    const resumed = resumeRun(runDir, again);
    expect(resumed.runId).toBe('run-1');
    expect([...resumed.completedIds]).toEqual(['q1']);
  });

  it('names the differing key and how to start fresh', () => {
    const runDir = path.join(root, 'r');
    startRun(runDir, sampleSpec(3));
    const changedSetting = { ...sampleSpec(3), settings: { ...sampleSpec(3).settings, maxTokens: 512 } };
    expect(() => resumeRun(runDir, changedSetting)).toThrow(/settings\.maxTokens: run\.json has 256, now 512[\s\S]*a new outDir/);
    expect(() => resumeRun(runDir, { ...sampleSpec(3), model: { path: '/models/other.gguf' } })).toThrow(
      /model\.path: run\.json has "\/models\/tiny\.gguf", now "\/models\/other\.gguf"/,
    );
    expect(() => resumeRun(runDir, sampleSpec(4))).toThrow(/queryIds: run\.json has 3 entries, now 4; first difference at position 3/);
    const reordered = { ...sampleSpec(3), queryIds: ['q0', 'q2', 'q1'] };
    expect(() => resumeRun(runDir, reordered)).toThrow(/first difference at position 1 \("q1" vs "q2"\)/);
    const { settings } = sampleSpec(3);
    const withoutSeed = Object.fromEntries(Object.entries(settings).filter(([k]) => k !== 'seed'));
    expect(() => resumeRun(runDir, { ...sampleSpec(3), settings: withoutSeed })).toThrow(/settings\.seed: run\.json has 0, now \(absent\)/);
  });

  it('fails clearly when the folder has no run.json', () => {
    expect(() => resumeRun(path.join(root, 'nothing'), sampleSpec(1))).toThrow(/has no run\.json.*without the resume option/);
  });

  it('refuses a journal that belongs to another run', () => {
    const runDir = path.join(root, 'r');
    startRun(runDir, sampleSpec(3));
    const journal = RunJournal.open(runDir);
    journal.append(sampleResult(0, { runId: 'someone-else' }));
    journal.close();
    expect(() => resumeRun(runDir, sampleSpec(3))).toThrow(/query q0 has runId someone-else/);
  });
});

async function describeParquet(file: string): Promise<Record<string, string>> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file.replaceAll("'", "''")}')`);
    return Object.fromEntries(reader.getRowObjectsJS().map((row) => [String(row.column_name), String(row.column_type)]));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('results.parquet', () => {
  it('round-trips types, the list column, nulls and index order', async () => {
    const runDir = path.join(root, "it's a run");
    startRun(runDir, sampleSpec(4));
    const journal = RunJournal.open(runDir);
    // Completion order differs from run order, as with a resumed run.
    const written = [
      sampleResult(2, { interTokenMs: [] }),
      sampleResult(0, { pred: null, correct: false, decodeTokensPerS: NaN }),
      sampleResult(3, { interTokenMs: [1.25, Infinity] }),
    ];
    for (const r of written) journal.append(r);
    journal.close();

    const outcome = await finalizeRun(runDir);
    expect(outcome).toMatchObject({ total: 4, completed: 3 });
    expect(fs.readdirSync(runDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const types = await describeParquet(outcome.parquetPath);
    expect(types).toMatchObject({
      index: 'INTEGER',
      promptTokens: 'INTEGER',
      completionTokens: 'INTEGER',
      interTokenMs: 'DOUBLE[]',
      correct: 'BOOLEAN',
      energyIsEstimate: 'BOOLEAN',
      energyJ: 'DOUBLE',
      pred: 'VARCHAR',
      response: 'VARCHAR',
    });
    expect(Object.keys(types)).toHaveLength(Object.keys(sampleResult(0)).length);

    const back = await readResults(runDir);
    expect(back.map((r) => r.index)).toEqual([0, 2, 3]);
    expect(back).toEqual([written[1], written[0], written[2]]);
  });

  it('writes a valid, empty file for a run with no results', async () => {
    const runDir = path.join(root, 'empty');
    startRun(runDir, sampleSpec(2));
    const outcome = await finalizeRun(runDir);
    expect(outcome).toMatchObject({ total: 2, completed: 0 });
    expect((await describeParquet(outcome.parquetPath)).interTokenMs).toBe('DOUBLE[]');
    expect(await readResults(runDir)).toEqual([]);
  });

  it('readResults falls back to the journal, and prefers it when the Parquet file is stale', async () => {
    const runDir = path.join(root, 'r');
    startRun(runDir, sampleSpec(3));
    const journal = RunJournal.open(runDir);
    journal.append(sampleResult(1));
    journal.append(sampleResult(0));
    expect((await readResults(runDir)).map((r) => r.queryId)).toEqual(['q0', 'q1']);
    await finalizeRun(runDir);
    journal.append(sampleResult(2));
    journal.close();
    expect((await readResults(runDir)).map((r) => r.queryId)).toEqual(['q0', 'q1', 'q2']);
  });
});

describe('manifest', () => {
  it('hashes a file like crypto does and writes the manifest atomically', async () => {
    const runDir = path.join(root, 'r');
    startRun(runDir, sampleSpec(1));
    const modelFile = path.join(root, 'model.gguf');
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) & 0xff;
    fs.writeFileSync(modelFile, bytes);
    const sha256 = await hashFile(modelFile);
    expect(sha256).toBe(createHash('sha256').update(bytes).digest('hex'));

    const [hardware, software] = await Promise.all([collectHardware({ timeoutMs: 3000 }), collectSoftware()]);
    expect(hardware.cpu.logicalCores).toBeGreaterThan(0);
    expect(hardware.memoryBytes).toBe(os.totalmem());
    expect(hardware.hostname).toBe(os.hostname());
    expect(software.node).toBe(process.version);
    expect(software.ipwLab).toBe('0.1.0');
    expect(software.nodeLlamaCpp).toMatch(/^\d+\.\d+\.\d+/);
    expect(software.llamaCpp).toBeTruthy();
    expect(software.duckdb).toMatch(/^v\d+\.\d+/);
    expect(software.notes).toEqual([]);

    const input: RunManifestInput = {
      runId: 'run-1',
      model: { sha256, path: modelFile, name: 'tiny', details: { quantization: 'F16' } },
      hardware,
      software,
      settings: { maxTokens: 256, threads: 1 },
      energy: { source: 'estimated', method: 'process CPU time x 10 W/core', isEstimate: true },
      counts: { queries: 1, completed: 1 },
      timings: { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:05.000Z', wallMs: 5000 },
      summary: [{ model: 'tiny', accuracy: 1 }],
    };
    writeManifest(runDir, input);
    const manifest = readManifest(runDir);
    expect(manifest).toMatchObject({ ...JSON.parse(JSON.stringify(input)), manifestVersion: 1, queriesSource: 'sample' });
    expect(fs.readdirSync(runDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('listRuns', () => {
  it('finds run folders with their status', async () => {
    const runs = path.join(root, 'runs');
    const complete = path.join(runs, 'complete');
    startRun(complete, sampleSpec(2, { runId: 'c', createdAt: '2026-01-01T00:00:00.000Z' }));
    const journal = RunJournal.open(complete);
    journal.append(sampleResult(0, { runId: 'c' }));
    journal.append(sampleResult(1, { runId: 'c' }));
    journal.close();
    await finalizeRun(complete);
    fs.writeFileSync(path.join(complete, 'manifest.json'), '{"manifestVersion":1}');

    const partial = path.join(runs, 'nested', 'partial');
    startRun(partial, sampleSpec(3, { runId: 'p', createdAt: '2026-01-02T00:00:00.000Z' }));
    const pj = RunJournal.open(partial);
    pj.append(sampleResult(0, { runId: 'p' }));
    pj.close();

    const broken = path.join(runs, 'broken');
    fs.mkdirSync(broken);
    fs.writeFileSync(path.join(broken, 'run.json'), '{not json');
    fs.mkdirSync(path.join(runs, 'not-a-run'));

    const listed = listRuns(runs);
    expect(listed.map((r) => [path.relative(runs, r.runDir), r.status, r.completed, r.total])).toEqual([
      ['broken', 'unreadable', 0, 0],
      ['complete', 'complete', 2, 2],
      [path.join('nested', 'partial'), 'partial', 1, 3],
    ]);
    expect(listed[0]?.error).toMatch(/not valid JSON/);
    expect(listed[1]?.hasParquet).toBe(true);
    expect(listRuns(path.join(root, 'missing'))).toEqual([]);
  });
});
