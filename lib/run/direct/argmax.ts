// Greedy sampling is an argmax over the vocabulary's logits, once per generated token. On a 32k vocabulary a plain
// JS loop (or llama.cpp's own greedy sampler, which first builds a 32k candidate array) takes about 55 us here:
// 10% of a 20M model's decode step, and time llama-bench never spends. This WebAssembly SIMD version (hand-assembled
// below, no toolchain needed) does the same in a few microseconds, copy included.

const I32 = 0x7f;
const F32 = 0x7d;
const V128 = 0x7b;
const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  if: [0x04, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, depth],
  brIf: (depth: number) => [0x0d, depth],
  return: [0x0f],
  get: (local: number) => [0x20, local],
  set: (local: number) => [0x21, local],
  tee: (local: number) => [0x22, local],
  f32Load: [0x2a, 0x02, 0x00],
  i32Const: (value: number) => [0x41, ...sleb(value)],
  f32NegInf: [0x43, 0x00, 0x00, 0x80, 0xff],
  f32Eq: [0x5b],
  i32GeU: [0x4f],
  i32Ctz: [0x68],
  i32Add: [0x6a],
  i32And: [0x71],
  i32Shl: [0x74],
  f32Max: [0x97],
  v128Load: [0xfd, 0x00, 0x02, 0x00],
  v128LoadAt: (offset: number) => [0xfd, 0x00, 0x02, ...uleb(offset)],
  f32x4Splat: [0xfd, 0x13],
  f32x4Lane: (lane: number) => [0xfd, 0x1f, lane],
  f32x4Eq: [0xfd, 0x41],
  i32x4Bitmask: [0xfd, 0xa4, 0x01],
  f32x4Max: [0xfd, 0xe9, 0x01],
};

function uleb(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}

function sleb(value: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    if ((value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0)) return [...out, byte];
    out.push(byte | 0x80);
  }
}

const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const vector = (items: number[][]) => [...uleb(items.length), ...items.flat()];

// argmax(n): index of the first largest of the n float32 values at address 0 of the exported memory.
// Locals: 0 n, 1 i, 2 n4 and 3 n16 (n rounded down to 4 and 16), 4 mask, 5 m (the max), 6 splat of m,
// 7-10 four lane-maxima accumulators (independent, so the CPU overlaps their max instructions).
const [n, i, n4, n16, mask, m, mSplat, acc] = [0, 1, 2, 3, 4, 5, 6, 7];
const accs = [7, 8, 9, 10];
const byteAddress = [...op.get(i), ...op.i32Const(2), ...op.i32Shl];
const step = (by: number) => [...op.get(i), ...op.i32Const(by), ...op.i32Add, ...op.set(i)];
const whileBelow = (limit: number, body: number[]) => [
  ...op.block,
  ...op.loop,
  ...op.get(i),
  ...op.get(limit),
  ...op.i32GeU,
  ...op.brIf(1),
  ...body,
  ...op.br(0),
  ...op.end,
  ...op.end,
];
const argmaxBody = [
  ...op.get(n), ...op.i32Const(-4), ...op.i32And, ...op.set(n4),
  ...op.get(n), ...op.i32Const(-16), ...op.i32And, ...op.set(n16),
  ...accs.flatMap((a) => [...op.f32NegInf, ...op.f32x4Splat, ...op.set(a)]),
  // Maximum: sixteen values at a time, then four, then the lanes, then the tail.
  ...whileBelow(n16, [...accs.flatMap((a, k) => [...op.get(a), ...byteAddress, ...op.v128LoadAt(16 * k), ...op.f32x4Max, ...op.set(a)]), ...step(16)]),
  ...accs.slice(1).flatMap((a) => [...op.get(acc), ...op.get(a), ...op.f32x4Max, ...op.set(acc)]),
  ...whileBelow(n4, [...op.get(acc), ...byteAddress, ...op.v128Load, ...op.f32x4Max, ...op.set(acc), ...step(4)]),
  ...op.get(acc), ...op.f32x4Lane(0),
  ...[1, 2, 3].flatMap((lane) => [...op.get(acc), ...op.f32x4Lane(lane), ...op.f32Max]),
  ...op.set(m),
  ...whileBelow(n, [...op.get(m), ...byteAddress, ...op.f32Load, ...op.f32Max, ...op.set(m), ...step(1)]),
  // First index holding it: four at a time (lowest set bit of the lane mask), then the tail.
  ...op.get(m), ...op.f32x4Splat, ...op.set(mSplat),
  ...op.i32Const(0), ...op.set(i),
  ...whileBelow(n4, [
    ...byteAddress, ...op.v128Load, ...op.get(mSplat), ...op.f32x4Eq, ...op.i32x4Bitmask, ...op.tee(mask),
    ...op.if, ...op.get(i), ...op.get(mask), ...op.i32Ctz, ...op.i32Add, ...op.return, ...op.end,
    ...step(4),
  ]),
  ...whileBelow(n, [...byteAddress, ...op.f32Load, ...op.get(m), ...op.f32Eq, ...op.if, ...op.get(i), ...op.return, ...op.end, ...step(1)]),
  ...op.i32Const(0),
  ...op.end,
];
const locals = vector([
  [4, I32],
  [1, F32],
  [5, V128],
]);
const code = [...locals, ...argmaxBody];

const MODULE = new Uint8Array([
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
  ...section(1, vector([[0x60, ...vector([[I32]]), ...vector([[I32]])]])),
  ...section(3, vector([[0x00]])),
  ...section(5, vector([[0x00, 0x01]])),
  ...section(7, vector([[...uleb(6), ...Buffer.from('argmax'), 0x00, 0x00], [...uleb(6), ...Buffer.from('memory'), 0x02, 0x00]])),
  ...section(10, vector([[...uleb(code.length), ...code]])),
]);

export interface Argmax {
  /** Index of the first largest value (greedy sampling's choice). */
  (values: Float32Array): number;
}

/** Compiles the module once per thread; each call copies `values` into its memory (a memcpy) and scans it. */
export function createArgmax(): Argmax {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(MODULE));
  const memory = instance.exports.memory as WebAssembly.Memory;
  const argmax = instance.exports.argmax as (n: number) => number;
  return (values) => {
    const bytes = values.length * 4;
    if (memory.buffer.byteLength < bytes) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / 65536));
    new Float32Array(memory.buffer, 0, values.length).set(values);
    return argmax(values.length);
  };
}
