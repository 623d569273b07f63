// A corrupt GGUF is refused before llama.cpp sees it: the header, metadata and tensor table are bounds-checked against
// the file's size, and the error names the file, the field and the fix. Corrupted copies of the project's own fixture
// model, each broken in one field, written to a temp dir; the real `ipw profile` refuses one and creates no run folder.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareFixtureModel, type PreparedFixture } from '../lib/profile/index.ts';
import { assertGgufFile } from '../lib/run/index.ts';
import { parseGguf, type ParsedGguf } from './helpers/gguf-reader.ts';
import { IPW_BIN, PROJECT_ROOT, sampleFixture, tempDir } from './helpers/fixture.ts';

let fixture: PreparedFixture;
let original: Buffer;
let parsed: ParsedGguf;
let dir: string;

beforeAll(async () => {
  fixture = await sampleFixture();
  original = readFileSync(fixture.modelPath);
  parsed = parseGguf(original);
  dir = tempDir('ipw-gguf-header-');
});

function u64(value: bigint): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64LE(value);
  return bytes;
}

/** Byte offset of a tensor's table entry: its length-prefixed name, searched in the header only (names are unique there). */
function tensorEntry(name: string): { at: number; dimsAt: number; typeAt: number; offsetAt: number; nDims: number } {
  const needle = Buffer.concat([u64(BigInt(Buffer.byteLength(name))), Buffer.from(name)]);
  const at = original.subarray(0, parsed.dataStartBytes).lastIndexOf(needle);
  expect(at, name).toBeGreaterThan(0);
  const nDimsAt = at + needle.length;
  const nDims = original.readUInt32LE(nDimsAt);
  const dimsAt = nDimsAt + 4;
  const typeAt = dimsAt + 8 * nDims;
  return { at, dimsAt, typeAt, offsetAt: typeAt + 4, nDims };
}

/** Byte offset of a metadata value's string length (key, then u32 type 8, then the u64 length). */
function stringValueLengthAt(key: string): number {
  const needle = Buffer.concat([u64(BigInt(Buffer.byteLength(key))), Buffer.from(key)]);
  const at = original.indexOf(needle);
  expect(at, key).toBeGreaterThan(0);
  expect(original.readUInt32LE(at + needle.length), `${key} is a string`).toBe(8);
  return at + needle.length + 4;
}

/** Writes a copy of the fixture with `edit` applied, and returns its path. */
function corrupt(name: string, edit: (bytes: Buffer) => Buffer | void): string {
  const bytes = Buffer.from(original);
  const path = join(dir, `${name}.gguf`);
  writeFileSync(path, edit(bytes) ?? bytes);
  return path;
}

async function refusal(path: string): Promise<string> {
  try {
    await assertGgufFile(path);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${path} was accepted`);
}

describe('assertGgufFile bounds-checks the header and tensor table', () => {
  it('accepts the generated fixture and bench models', async () => {
    await assertGgufFile(fixture.modelPath);
    for (const type of ['f16', 'q8_0'] as const) {
      const bench = await prepareFixtureModel({ bench: 'small', type });
      await assertGgufFile(bench.modelPath);
    }
  });

  it('refuses each corrupted copy, naming the file, the field and the fix, without large allocations', async () => {
    const last = parsed.tensors[parsed.tensors.length - 1]!;
    const q = parsed.tensors.find((t) => t.name === 'blk.0.attn_q.weight')!;
    const dataBytes = original.length - parsed.dataStartBytes;
    const cases: Array<{ name: string; edit: (bytes: Buffer) => Buffer | void; expected: RegExp }> = [
      {
        name: 'offset-past-end',
        edit: (b) => void b.writeBigUInt64LE(BigInt(dataBytes + 64 * 1024 - (dataBytes % 32)), tensorEntry(last.name).offsetAt),
        expected: new RegExp(`tensor ${parsed.tensors.length - 1} '${last.name.replace(/\./g, '\\.')}' .*data runs past the end of the file \\(offset \\d+ \\+ \\d+ bytes > ${dataBytes} bytes of tensor data\\)`),
      },
      {
        name: 'dims-2-40',
        edit: (b) => void b.writeBigUInt64LE(2n ** 40n, tensorEntry(q.name).dimsAt + 8),
        expected: /tensor 4 'blk\.0\.attn_q\.weight' \(F32, dims \[224, 1099511627776\]\): data runs past the end of the file \(offset 4732672 \+ 985162418487296 bytes/,
      },
      {
        name: 'dims-overflow',
        edit: (b) => {
          const entry = tensorEntry(q.name);
          b.writeBigUInt64LE(2n ** 40n, entry.dimsAt);
          b.writeBigUInt64LE(2n ** 40n, entry.dimsAt + 8);
        },
        expected: /tensor 4 'blk\.0\.attn_q\.weight' .*the dims multiply past 2\^63 - 1 values/,
      },
      {
        name: 'too-many-dims',
        edit: (b) => void b.writeUInt32LE(9, tensorEntry(q.name).dimsAt - 4),
        expected: /tensor 4 'blk\.0\.attn_q\.weight': n_dims 9 is more than ggml's 4/,
      },
      {
        name: 'misaligned-offset',
        edit: (b) => void b.writeBigUInt64LE(BigInt(q.dataOffsetBytes + 4), tensorEntry(q.name).offsetAt),
        expected: /tensor 4 'blk\.0\.attn_q\.weight' .*data offset 4732676 is not a multiple of the alignment, 32 bytes/,
      },
      {
        name: 'huge-string',
        edit: (b) => void b.writeBigUInt64LE(2n ** 62n, stringValueLengthAt('general.architecture')),
        expected: /metadata 0 'general\.architecture': string value of 4611686018427387904 bytes at byte \d+ runs past the end of the file/,
      },
      {
        name: 'huge-tensor-count',
        edit: (b) => void b.writeBigUInt64LE(2n ** 40n, 8),
        expected: /tensor count: 1099511627776 is more than the 1000000 any model has/,
      },
      {
        name: 'tensor-count-past-file',
        edit: (b) => void b.writeBigUInt64LE(900_000n, 8),
        expected: /tensor count: 900000 entries need at least 21600000 bytes, but only \d+ are left in the file/,
      },
      {
        name: 'truncated-mid-table',
        edit: (b) => b.subarray(0, tensorEntry(q.name).dimsAt + 4),
        expected: /tensor 4 'blk\.0\.attn_q\.weight': the file ends at byte \d+, inside the 8 bytes that start at byte \d+/,
      },
      {
        name: 'bad-version',
        edit: (b) => void b.writeUInt32LE(7, 4),
        expected: /version: version 7 is not a GGUF version this project reads \(2 or 3\)/,
      },
      {
        name: 'big-endian',
        edit: (b) => void b.writeUInt32BE(3, 4),
        expected: /version: version 50331648 is 3 byte-swapped: a big-endian GGUF/,
      },
      {
        name: 'bad-value-type',
        edit: (b) => void b.writeUInt32LE(77, stringValueLengthAt('general.architecture') - 4),
        expected: /metadata 0 'general\.architecture': value type 77 is not a GGUF value type/,
      },
    ];
    const rssBefore = process.memoryUsage().rss;
    for (const { name, edit, expected } of cases) {
      const path = corrupt(name, edit);
      const message = await refusal(path);
      expect(message, name).toContain(`model file ${path} is not a valid GGUF file: `);
      expect(message, name).toMatch(expected);
      expect(message, name).toMatch(/The file is corrupt or truncated: download or convert it again\.$/);
    }
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
  });

  it('does not reject a tensor type it does not know, but still checks its offset', async () => {
    const unknown = corrupt('unknown-type', (b) => void b.writeUInt32LE(200, tensorEntry('output_norm.weight').typeAt));
    await assertGgufFile(unknown);
    const unknownPastEnd = corrupt('unknown-type-past-end', (b) => {
      const entry = tensorEntry('output_norm.weight');
      b.writeUInt32LE(200, entry.typeAt);
      b.writeBigUInt64LE(BigInt(original.length), entry.offsetAt);
    });
    expect(await refusal(unknownPastEnd)).toMatch(/tensor 1 'output_norm\.weight' \(ggml type 200, dims \[224\]\): data offset \d+ is past the end of the file/);
  });
});

describe('ipw profile refuses a corrupt tensor table', () => {
  it('exits non-zero with the field named, before creating a run folder', () => {
    const model = corrupt('cli-corrupt', (b) => void b.writeBigUInt64LE(2n ** 40n, tensorEntry('blk.0.attn_q.weight').dimsAt + 8));
    const queries = join(dir, 'queries.jsonl');
    writeFileSync(queries, fixture.queries.slice(0, 3).map((q) => JSON.stringify(q)).join('\n') + '\n');
    const out = join(dir, 'run');
    const run = spawnSync(process.execPath, [IPW_BIN, 'profile', '--model', model, '--queries', queries, '--out', out, '--threads', '1', '--gpu', 'false', '--energy', 'estimated'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toContain(`model file ${model} is not a valid GGUF file: tensor 4 'blk.0.attn_q.weight'`);
    expect(run.stderr).toMatch(/data runs past the end of the file .*The file is corrupt or truncated: download or convert it again/);
    expect(existsSync(out)).toBe(false);
  });
});
