/** lib/queries: query sets from JSONL, CSV, Parquet and Hugging Face folders, validated and sampled. */
export type { ColumnMap, ConversionNotice, DatasetSummary, GraderName, LoadOptions, Query, SampleOptions } from './types.ts';
export { GRADER_NAMES } from './types.ts';
export { formatPrompt, optionLetter } from './format.ts';
export { loadQueries, loadQuerySet, listDatasets } from './load.ts';
export { sampleQueries } from './sample.ts';
export { RECIPES } from './recipes/registry.ts';
export { loadBfcl, defaultBfclAnswersFile, type BfclAnswer, type BfclCategory, type BfclGroundTruthCall } from './bfcl.ts';
export { seededRandom, type Random } from './random.ts';
