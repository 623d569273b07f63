// What a GGUF file says about the model's shape: the figures FLOPs and bytes per token follow from.
import { stat } from 'node:fs/promises';

/** The shape of a transformer, read from a GGUF's architecture metadata and tensor table. */
export interface ModelArchitecture {
  /** `general.architecture`: llama, qwen2, gemma3, ... */
  architecture: string;
  layers: number;
  embeddingLength: number;
  headCount: number;
  headCountKv: number;
  /** Per-head query/key and value widths (`attention.key_length`/`value_length`, else embeddingLength / headCount). */
  keyLength: number;
  valueLength: number;
  /** Training context (`context_length`); null when the file does not say. */
  contextLength: number | null;
  /**
   * Weights multiplied per token: every tensor of 2 or more dimensions except the token embedding table (a lookup);
   * for tied embeddings, the table once more as the output projection; for mixtures of experts, the expert tensors
   * scaled by experts used / experts.
   */
  matmulParameters: number;
  /** Of matmulParameters, the output projection's (`output.weight`, or the tied token embedding table): vocabulary x width. */
  outputParameters: number;
  /** Every weight in the file. */
  totalParameters: number;
  /** Bytes of the weights read per token: the tensors counted in matmulParameters, at their stored (quantized) size. */
  streamedWeightBytes: number;
}

/** The parts of a GGUF file's info this reads (node-llama-cpp's `readGgufFileInfo` result has them). */
export interface GgufShape {
  metadata: Record<string, unknown>;
  tensorInfo?: ReadonlyArray<{ name: string; dimensions: readonly (number | bigint)[]; fileOffset: number | bigint }>;
}

const LOOKUP_TENSORS = /^(token_embd|position_embd|token_types)\.weight$/;

function numberAt(record: Record<string, unknown> | undefined, path: string): number | undefined {
  let value: unknown = record;
  for (const key of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : undefined;
}

/**
 * The architecture of a GGUF from its parsed metadata and tensor table, and the file's size (for the last tensor's
 * bytes). Pure. Errors name the file and the missing key.
 */
export function architectureOf(info: GgufShape, fileBytes: number, where: string): ModelArchitecture {
  const general = info.metadata.general as Record<string, unknown> | undefined;
  const architecture = typeof general?.architecture === 'string' ? general.architecture : undefined;
  if (!architecture) throw new Error(`${where}: no general.architecture in the GGUF metadata, so its FLOPs cannot be derived`);
  const arch = info.metadata[architecture] as Record<string, unknown> | undefined;
  const need = (key: string): number => {
    const value = numberAt(arch, key);
    if (value === undefined || !(value > 0)) throw new Error(`${where}: GGUF metadata lacks ${architecture}.${key}, so its FLOPs cannot be derived`);
    return value;
  };
  const embeddingLength = need('embedding_length');
  const layers = need('block_count');
  const headCount = need('attention.head_count');
  const headCountKv = numberAt(arch, 'attention.head_count_kv') ?? headCount;
  const keyLength = numberAt(arch, 'attention.key_length') ?? embeddingLength / headCount;
  const valueLength = numberAt(arch, 'attention.value_length') ?? embeddingLength / headCount;
  const experts = numberAt(arch, 'expert_count');
  const expertsUsed = numberAt(arch, 'expert_used_count');
  const tensors = [...(info.tensorInfo ?? [])].map((t) => ({ name: t.name, dims: t.dimensions.map(Number), offset: Number(t.fileOffset) })).sort((a, b) => a.offset - b.offset);
  if (tensors.length === 0) throw new Error(`${where}: the GGUF has no tensor table, so its parameters cannot be counted`);
  let matmulParameters = 0;
  let totalParameters = 0;
  let streamedWeightBytes = 0;
  let hasOutput = false;
  let outputParameters = 0;
  let embedding: { parameters: number; bytes: number } | undefined;
  tensors.forEach((tensor, i) => {
    const count = tensor.dims.reduce((product, d) => product * d, 1);
    const bytes = (tensors[i + 1]?.offset ?? fileBytes) - tensor.offset;
    totalParameters += count;
    if (tensor.name === 'output.weight') {
      hasOutput = true;
      outputParameters = count;
    }
    if (tensor.name === 'token_embd.weight') embedding = { parameters: count, bytes };
    if (tensor.dims.length < 2 || LOOKUP_TENSORS.test(tensor.name)) return;
    // Only the experts a token is routed to do work: scale expert tensors by the share used.
    const share = tensor.name.includes('_exps') && experts && expertsUsed ? expertsUsed / experts : 1;
    matmulParameters += count * share;
    streamedWeightBytes += bytes * share;
  });
  if (!hasOutput && embedding) {
    outputParameters = embedding.parameters;
    matmulParameters += embedding.parameters;
    streamedWeightBytes += embedding.bytes;
  }
  return {
    architecture, layers, embeddingLength, headCount, headCountKv, keyLength, valueLength,
    contextLength: numberAt(arch, 'context_length') ?? null,
    matmulParameters, outputParameters, totalParameters, streamedWeightBytes,
  };
}

/** Reads a GGUF file's header (not its weights) and returns its architecture. */
export async function readModelArchitecture(path: string): Promise<ModelArchitecture> {
  const { readGgufFileInfo } = await import('node-llama-cpp');
  const info = await readGgufFileInfo(path, { logWarnings: false, sourceType: 'filesystem', ignoreKeys: ['tokenizer.ggml.tokens', 'tokenizer.ggml.scores', 'tokenizer.ggml.token_type', 'tokenizer.ggml.merges'] });
  return architectureOf(info as unknown as GgufShape, (await stat(path)).size, path);
}
