// Bounds-checks a GGUF file's header, metadata and tensor table before llama.cpp sees it, so a corrupt file fails in
// milliseconds with a message naming the field, instead of after a long load that allocates from garbage lengths.
// Layout (GGUF v2/v3, little-endian): "GGUF", u32 version, u64 tensor count, u64 metadata count; each metadata entry
// is a string key, a u32 value type and the value; each tensor entry is a string name, u32 n_dims, n_dims u64 dims,
// u32 ggml type and a u64 offset into the data section, which starts at the next multiple of general.alignment.
// Every length read from the file is checked against the bytes left before anything is read or kept on its account.
import fs from 'node:fs';

/** What the header says, once it has passed every check. */
export interface GgufHeaderSummary {
  version: number;
  tensorCount: number;
  metadataCount: number;
  alignmentBytes: number;
  /** File offset where tensor data begins. */
  dataStartBytes: number;
}

/** Bytes read from the file at a time; the only buffer the check allocates. */
const CHUNK_BYTES = 1 << 20;
/** ggml's GGML_MAX_DIMS and GGML_MAX_NAME (names are at most 63 bytes plus the terminator). */
const MAX_DIMS = 4;
const MAX_TENSOR_NAME_BYTES = 63;
/** Sanity caps well above any real model, so garbage counts fail fast even in a large file. */
const MAX_TENSORS = 1_000_000;
const MAX_METADATA_ENTRIES = 1_000_000;
const MAX_KEY_BYTES = 65_535;
const MAX_STRING_BYTES = 256 * 1024 * 1024;
const MAX_ARRAY_ITEMS = 1 << 30;
const DEFAULT_ALIGNMENT_BYTES = 32;
const INT64_MAX = (1n << 63n) - 1n;
/** The smallest tensor entry (empty name, 0 dims) and metadata entry (empty key, a 1-byte value). */
const MIN_TENSOR_ENTRY_BYTES = 8 + 4 + 4 + 8;
const MIN_METADATA_ENTRY_BYTES = 8 + 4 + 1;

/** GGUF metadata value types (gguf.h `enum gguf_type`) and their sizes; string (8) and array (9) have none. */
const VALUE_TYPE_NAMES = ['uint8', 'int8', 'uint16', 'int16', 'uint32', 'int32', 'float32', 'bool', 'string', 'array', 'uint64', 'int64', 'float64'];
const SCALAR_BYTES: Readonly<Record<number, number>> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
const STRING_TYPE = 8;
const ARRAY_TYPE = 9;
const UINT32_TYPE = 4;

/**
 * ggml tensor types (ggml.h `enum ggml_type`): values per block and bytes per block. Ids 4, 5 and 31-33, 36-38 were
 * removed from ggml. A type not listed here is not rejected; only its size cannot be checked.
 */
const QK_K = 256;
const GGML_TYPES: Readonly<Record<number, { name: string; blockValues: number; blockBytes: number }>> = {
  0: { name: 'F32', blockValues: 1, blockBytes: 4 },
  1: { name: 'F16', blockValues: 1, blockBytes: 2 },
  2: { name: 'Q4_0', blockValues: 32, blockBytes: 18 },
  3: { name: 'Q4_1', blockValues: 32, blockBytes: 20 },
  6: { name: 'Q5_0', blockValues: 32, blockBytes: 22 },
  7: { name: 'Q5_1', blockValues: 32, blockBytes: 24 },
  8: { name: 'Q8_0', blockValues: 32, blockBytes: 34 },
  9: { name: 'Q8_1', blockValues: 32, blockBytes: 36 },
  10: { name: 'Q2_K', blockValues: QK_K, blockBytes: 84 },
  11: { name: 'Q3_K', blockValues: QK_K, blockBytes: 110 },
  12: { name: 'Q4_K', blockValues: QK_K, blockBytes: 144 },
  13: { name: 'Q5_K', blockValues: QK_K, blockBytes: 176 },
  14: { name: 'Q6_K', blockValues: QK_K, blockBytes: 210 },
  15: { name: 'Q8_K', blockValues: QK_K, blockBytes: 292 },
  16: { name: 'IQ2_XXS', blockValues: QK_K, blockBytes: 66 },
  17: { name: 'IQ2_XS', blockValues: QK_K, blockBytes: 74 },
  18: { name: 'IQ3_XXS', blockValues: QK_K, blockBytes: 98 },
  19: { name: 'IQ1_S', blockValues: QK_K, blockBytes: 50 },
  20: { name: 'IQ4_NL', blockValues: 32, blockBytes: 18 },
  21: { name: 'IQ3_S', blockValues: QK_K, blockBytes: 110 },
  22: { name: 'IQ2_S', blockValues: QK_K, blockBytes: 82 },
  23: { name: 'IQ4_XS', blockValues: QK_K, blockBytes: 136 },
  24: { name: 'I8', blockValues: 1, blockBytes: 1 },
  25: { name: 'I16', blockValues: 1, blockBytes: 2 },
  26: { name: 'I32', blockValues: 1, blockBytes: 4 },
  27: { name: 'I64', blockValues: 1, blockBytes: 8 },
  28: { name: 'F64', blockValues: 1, blockBytes: 8 },
  29: { name: 'IQ1_M', blockValues: QK_K, blockBytes: 56 },
  30: { name: 'BF16', blockValues: 1, blockBytes: 2 },
  34: { name: 'TQ1_0', blockValues: QK_K, blockBytes: 54 },
  35: { name: 'TQ2_0', blockValues: QK_K, blockBytes: 66 },
  39: { name: 'MXFP4', blockValues: 32, blockBytes: 17 },
};

/** A violation: `field` names where in the file (e.g. "tensor 12 'blk.0.attn_q.weight'"), `problem` what is wrong. */
class Violation extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

/** Sequential little-endian reads over a file descriptor through one fixed buffer; never reads past `fileBytes`. */
class BoundedReader {
  readonly #fd: number;
  readonly fileBytes: number;
  readonly #buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  /** File offsets of the buffer's first byte and one past its last valid byte. */
  #bufferStart = 0;
  #bufferEnd = 0;
  /** File offset of the next read. */
  position = 0;

  constructor(fd: number, fileBytes: number) {
    this.#fd = fd;
    this.fileBytes = fileBytes;
  }

  get remaining(): number {
    return this.fileBytes - this.position;
  }

  /** Makes [position, position + n) available in the buffer (n <= CHUNK_BYTES), or fails naming the field. */
  #need(n: number, field: string): number {
    if (n > this.remaining) {
      throw new Violation(field, `the file ends at byte ${this.fileBytes}, inside the ${n} bytes that start at byte ${this.position}`);
    }
    if (this.position < this.#bufferStart || this.position + n > this.#bufferEnd) {
      const want = Math.min(CHUNK_BYTES, this.fileBytes - this.position);
      let got = 0;
      while (got < want) {
        const read = fs.readSync(this.#fd, this.#buffer, got, want - got, this.position + got);
        if (read === 0) throw new Violation(field, `the file ended at byte ${this.position + got} while being read (it shrank?)`);
        got += read;
      }
      this.#bufferStart = this.position;
      this.#bufferEnd = this.position + got;
    }
    const at = this.position - this.#bufferStart;
    this.position += n;
    return at;
  }

  u32(field: string): number {
    return this.#buffer.readUInt32LE(this.#need(4, field));
  }

  u64(field: string): bigint {
    return this.#buffer.readBigUInt64LE(this.#need(8, field));
  }

  /** Advances `n` bytes without reading them. */
  skip(n: bigint, field: string, what: string): void {
    if (n > BigInt(this.remaining)) {
      throw new Violation(field, `${what} of ${n} bytes at byte ${this.position} runs past the end of the file (${this.fileBytes} bytes)`);
    }
    this.position += Number(n);
  }

  /** A string's length, checked against the bytes left and `maxBytes`. */
  stringLength(field: string, maxBytes: number, what: string): bigint {
    const length = this.u64(field);
    if (length > BigInt(this.remaining)) {
      throw new Violation(field, `${what} of ${length} bytes at byte ${this.position - 8} runs past the end of the file (${this.fileBytes} bytes)`);
    }
    if (length > BigInt(maxBytes)) throw new Violation(field, `${what} of ${length} bytes is longer than the ${maxBytes} bytes allowed`);
    return length;
  }

  /** A short string (a key or a tensor name), decoded. */
  string(field: string, maxBytes: number, what: string): string {
    const length = Number(this.stringLength(field, maxBytes, what));
    const at = this.#need(length, field);
    return this.#buffer.toString('utf8', at, at + length);
  }

  skipString(field: string, what: string): void {
    this.skip(this.stringLength(field, MAX_STRING_BYTES, what), field, what);
  }
}

/** A count from the header, checked against a cap and against what the file's remaining bytes could hold. */
function checkCount(value: bigint, field: string, cap: number, minEntryBytes: number, reader: BoundedReader): number {
  if (value > BigInt(cap)) throw new Violation(field, `${value} is more than the ${cap} any model has`);
  const count = Number(value);
  if (count * minEntryBytes > reader.remaining) {
    throw new Violation(field, `${count} entries need at least ${count * minEntryBytes} bytes, but only ${reader.remaining} are left in the file`);
  }
  return count;
}

function typeName(type: number): string {
  return VALUE_TYPE_NAMES[type] ?? `unknown type ${type}`;
}

/** Skips one metadata value, checking its type and lengths; returns a uint32 value (for general.alignment). */
function readValue(reader: BoundedReader, type: number, field: string): number | undefined {
  if (type === STRING_TYPE) {
    reader.skipString(field, 'string value');
    return undefined;
  }
  if (type === ARRAY_TYPE) {
    const itemType = reader.u32(field);
    if (itemType === ARRAY_TYPE) throw new Violation(field, 'an array of arrays, which llama.cpp does not read');
    if (itemType !== STRING_TYPE && SCALAR_BYTES[itemType] === undefined) throw new Violation(field, `array of ${typeName(itemType)}: not a GGUF value type`);
    const count = reader.u64(field);
    if (count > BigInt(MAX_ARRAY_ITEMS)) throw new Violation(field, `array of ${count} items is more than the ${MAX_ARRAY_ITEMS} allowed`);
    if (itemType !== STRING_TYPE) {
      reader.skip(count * BigInt(SCALAR_BYTES[itemType]!), field, `array of ${count} ${typeName(itemType)}`);
      return undefined;
    }
    if (count * 8n > BigInt(reader.remaining)) {
      throw new Violation(field, `array of ${count} strings needs at least ${count * 8n} bytes, but only ${reader.remaining} are left in the file`);
    }
    for (let i = 0; i < Number(count); i++) reader.skipString(`${field} item ${i}`, 'string');
    return undefined;
  }
  const bytes = SCALAR_BYTES[type];
  if (bytes === undefined) throw new Violation(field, `value type ${type} is not a GGUF value type (0-12)`);
  if (type === UINT32_TYPE) return reader.u32(field);
  reader.skip(BigInt(bytes), field, typeName(type));
  return undefined;
}

function describeVersion(version: number): string {
  if (version === 1) return 'version 1 is the old GGUF v1 format, which llama.cpp no longer reads';
  const swapped = ((version & 0xff) << 24) | ((version & 0xff00) << 8) | ((version >>> 8) & 0xff00) | (version >>> 24);
  if (swapped === 2 || swapped === 3) return `version ${version} is ${swapped} byte-swapped: a big-endian GGUF, which this machine cannot load`;
  return `version ${version} is not a GGUF version this project reads (2 or 3)`;
}

/** Walks the header of an open GGUF file; throws a Violation at the first bad field. */
function walkHeader(reader: BoundedReader): GgufHeaderSummary {
  reader.skip(4n, 'magic', 'magic');
  const version = reader.u32('version');
  if (version !== 2 && version !== 3) throw new Violation('version', describeVersion(version));
  const tensorCountValue = reader.u64('tensor count');
  const metadataCountValue = reader.u64('metadata count');
  const tensorCount = checkCount(tensorCountValue, 'tensor count', MAX_TENSORS, MIN_TENSOR_ENTRY_BYTES, reader);
  const metadataCount = checkCount(metadataCountValue, 'metadata count', MAX_METADATA_ENTRIES, MIN_METADATA_ENTRY_BYTES, reader);

  let alignmentBytes = DEFAULT_ALIGNMENT_BYTES;
  const keys = new Set<string>();
  for (let i = 0; i < metadataCount; i++) {
    const key = reader.string(`metadata ${i} key`, MAX_KEY_BYTES, 'key');
    const field = `metadata ${i} '${key}'`;
    if (keys.has(key)) throw new Violation(field, 'the key appears twice');
    keys.add(key);
    const type = reader.u32(field);
    const value = readValue(reader, type, field);
    if (key === 'general.alignment') {
      if (type !== UINT32_TYPE || value === undefined) throw new Violation(field, `is a ${typeName(type)}, not a uint32`);
      if (value === 0 || (value & (value - 1)) !== 0) throw new Violation(field, `${value} is not a power of two`);
      alignmentBytes = value;
    }
  }

  const names = new Set<string>();
  const tensors: Array<{ field: string; offset: bigint; byteLength: bigint | null }> = [];
  for (let i = 0; i < tensorCount; i++) {
    const name = reader.string(`tensor ${i} name`, MAX_TENSOR_NAME_BYTES, 'name');
    let field = `tensor ${i} '${name}'`;
    if (names.has(name)) throw new Violation(field, 'the name appears twice');
    names.add(name);
    const nDims = reader.u32(field);
    if (nDims > MAX_DIMS) throw new Violation(field, `n_dims ${nDims} is more than ggml's ${MAX_DIMS}`);
    const dims: bigint[] = [];
    for (let d = 0; d < nDims; d++) dims.push(reader.u64(field));
    const typeId = reader.u32(field);
    const offset = reader.u64(field);
    const type = GGML_TYPES[typeId];
    field += ` (${type?.name ?? `ggml type ${typeId}`}, dims [${dims.join(', ')}])`;
    let values = 1n;
    for (const [d, dim] of dims.entries()) {
      if (dim === 0n || dim > INT64_MAX) throw new Violation(field, `dims[${d}] ${dim} is not a positive 64-bit size`);
      values *= dim;
      if (values > INT64_MAX) throw new Violation(field, 'the dims multiply past 2^63 - 1 values');
    }
    if (offset % BigInt(alignmentBytes) !== 0n) throw new Violation(field, `data offset ${offset} is not a multiple of the alignment, ${alignmentBytes} bytes`);
    let byteLength: bigint | null = null;
    if (type !== undefined) {
      const rowValues = dims[0] ?? 1n;
      if (rowValues % BigInt(type.blockValues) !== 0n) throw new Violation(field, `dims[0] ${rowValues} is not a multiple of ${type.name}'s block of ${type.blockValues} values`);
      byteLength = (values / BigInt(type.blockValues)) * BigInt(type.blockBytes);
    }
    tensors.push({ field, offset, byteLength });
  }

  const dataStartBytes = Math.ceil(reader.position / alignmentBytes) * alignmentBytes;
  const dataBytes = BigInt(reader.fileBytes - dataStartBytes);
  if (tensorCount > 0 && dataBytes < 0n) {
    throw new Violation('tensor data', `the data section would start at byte ${dataStartBytes}, past the end of the file (${reader.fileBytes} bytes)`);
  }
  for (const { field, offset, byteLength } of tensors) {
    if (byteLength === null) {
      if (offset >= dataBytes) throw new Violation(field, `data offset ${offset} is past the end of the file (${dataBytes} bytes of tensor data)`);
    } else if (offset + byteLength > dataBytes) {
      throw new Violation(field, `data runs past the end of the file (offset ${offset} + ${byteLength} bytes > ${dataBytes} bytes of tensor data)`);
    }
  }
  return { version, tensorCount, metadataCount, alignmentBytes, dataStartBytes };
}

/**
 * Checks the GGUF header, metadata and tensor table of `path` (already known to start with "GGUF"): every count,
 * length, type, dimension and tensor extent against the file's size. Reads the header in 1 MiB chunks and allocates
 * nothing from a length in the file. Throws an Error naming the file, the field and the fix.
 */
export function checkGgufHeader(path: string): GgufHeaderSummary {
  const fd = fs.openSync(path, 'r');
  try {
    const reader = new BoundedReader(fd, fs.fstatSync(fd).size);
    return walkHeader(reader);
  } catch (error) {
    if (!(error instanceof Violation)) throw error;
    throw new Error(`model file ${path} is not a valid GGUF file: ${error.message}. The file is corrupt or truncated: download or convert it again.`);
  } finally {
    fs.closeSync(fd);
  }
}
