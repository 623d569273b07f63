// Vendors' published peaks for a few chips, shown beside a measured peak. A tiny table by design: add a chip only
// with the figure from its vendor's own page or datasheet, naming it.

/** One chip's published peaks. A figure the vendor does not publish is absent, never guessed. */
export interface SpecSheet {
  /** The chip as the vendor names it. */
  name: string;
  kind: 'cpu' | 'gpu';
  /** Peak compute, FLOP/s, at `precision`. */
  peakFlopsPerS?: number;
  precision?: string;
  /** Peak memory bandwidth, bytes/s. */
  peakBytesPerS?: number;
  /** What the figure covers (a whole socket; a virtual machine gets a share of it). */
  scope: string;
  /** The vendor page or datasheet the figures are from. */
  source: string;
}

interface Entry extends SpecSheet {
  /** Matched against the CPU model (os.cpus()) or the GPU name (nvidia-smi). */
  match: RegExp;
}

const NVIDIA_DENSE = 'FP16/BF16 tensor, dense (the datasheet headline doubles it for 2:4 sparsity)';

const ENTRIES: readonly Entry[] = [
  { match: /EPYC 7763\b/, name: 'AMD EPYC 7763', kind: 'cpu', peakBytesPerS: 204.8e9, scope: 'one socket: 64 cores, 8 channels of DDR4-3200', source: 'AMD EPYC 7763 product page (per-socket memory bandwidth)' },
  { match: /EPYC 9654\b/, name: 'AMD EPYC 9654', kind: 'cpu', peakBytesPerS: 460.8e9, scope: 'one socket: 96 cores, 12 channels of DDR5-4800', source: 'AMD EPYC 9654 product page (per-socket memory bandwidth)' },
  { match: /^Apple M2$/, name: 'Apple M2', kind: 'cpu', peakBytesPerS: 100e9, scope: 'the whole chip (unified memory)', source: 'Apple M2 announcement (Apple Newsroom, June 2022)' },
  { match: /^Apple M2 Max$/, name: 'Apple M2 Max', kind: 'cpu', peakBytesPerS: 400e9, scope: 'the whole chip (unified memory)', source: 'Apple M2 Pro and M2 Max announcement (Apple Newsroom, January 2023)' },
  { match: /H100.*PCIe/i, name: 'NVIDIA H100 PCIe', kind: 'gpu', peakFlopsPerS: 756e12, precision: NVIDIA_DENSE, peakBytesPerS: 2.0e12, scope: 'one GPU', source: 'NVIDIA H100 Tensor Core GPU datasheet' },
  { match: /H100.*(SXM|HBM3)|^NVIDIA H100$/i, name: 'NVIDIA H100 SXM', kind: 'gpu', peakFlopsPerS: 989e12, precision: NVIDIA_DENSE, peakBytesPerS: 3.35e12, scope: 'one GPU', source: 'NVIDIA H100 Tensor Core GPU datasheet' },
  { match: /H200(?!.*NVL)/i, name: 'NVIDIA H200 SXM', kind: 'gpu', peakFlopsPerS: 989e12, precision: NVIDIA_DENSE, peakBytesPerS: 4.8e12, scope: 'one GPU', source: 'NVIDIA H200 Tensor Core GPU datasheet' },
  { match: /A100-SXM4-80GB/i, name: 'NVIDIA A100 80GB SXM', kind: 'gpu', peakFlopsPerS: 312e12, precision: NVIDIA_DENSE, peakBytesPerS: 2.039e12, scope: 'one GPU', source: 'NVIDIA A100 Tensor Core GPU datasheet' },
  { match: /A100 80GB PCIe/i, name: 'NVIDIA A100 80GB PCIe', kind: 'gpu', peakFlopsPerS: 312e12, precision: NVIDIA_DENSE, peakBytesPerS: 1.935e12, scope: 'one GPU', source: 'NVIDIA A100 Tensor Core GPU datasheet' },
  { match: /A100(?!.*80GB)/i, name: 'NVIDIA A100 40GB', kind: 'gpu', peakFlopsPerS: 312e12, precision: NVIDIA_DENSE, peakBytesPerS: 1.555e12, scope: 'one GPU', source: 'NVIDIA A100 Tensor Core GPU datasheet' },
  { match: /\bL4\b/, name: 'NVIDIA L4', kind: 'gpu', peakFlopsPerS: 121e12, precision: NVIDIA_DENSE, peakBytesPerS: 300e9, scope: 'one GPU', source: 'NVIDIA L4 Tensor Core GPU datasheet' },
];

/** The published peaks of the chip `name` (a CPU model or GPU name), or null when the table does not know it. */
export function specSheetFor(name: string): SpecSheet | null {
  const entry = ENTRIES.find((e) => e.match.test(name.trim()));
  if (!entry) return null;
  const { match: _match, ...sheet } = entry;
  return sheet;
}
