/**
 * lib/peak: `ipw peak`, a short measured probe of this machine's peak compute (matmuls through the native llama.cpp
 * build, on a generated GGUF of known FLOPs) and memory bandwidth (a streaming kernel compiled here), cached per host
 * with its method, and the vendors' published figures beside it. Profile and sweep take MFU/MBU peaks from the cache
 * when none are given. See docs/sweeps.md.
 */
export {
  DEFAULT_PEAK_ARRAY_MIB, DEFAULT_PEAK_MATMUL_TYPES, DEFAULT_PEAK_PROMPT_TOKENS, DEFAULT_PEAK_REPETITIONS,
  choosePeaks, measurePeak, peak, peakCacheFile, peakFigures, promptProcessingFlops, readPeakCache,
  type MatmulProbe, type MatmulType, type MeasuredPeak, type PeakChoice, type PeakOptions, type PeakProbeOptions,
} from './probe.ts';
export { buildStreamKernel, runStreamKernel, type StreamResult } from './bandwidth.ts';
export { specSheetFor, type SpecSheet } from './spec-sheets.ts';
