import type { QueryResult } from '../../lib/store/index.ts';

/** Prompt-hash, trace, energy-domain and grade-span fields for hand-built result rows whose tests don't look at them. */
export const ROW_TRACE_AND_SPAN: Pick<
  QueryResult,
  | 'promptSha256'
  | 'clockStartMs'
  | 'clockEndMs'
  | 'traceFile'
  | 'gradeSpanStart'
  | 'gradeSpanEnd'
  | 'gradeSpanText'
  | 'judgedVerdict'
  | 'attempts'
  | 'reasoningTokens'
  | 'reasoningEnergyJ'
  | 'answerEnergyJ'
  | 'energyDomain'
  | 'energyByDomainJ'
  | 'netEnergyByDomainJ'
  | 'systemEnergyJ'
> = {
  energyDomain: 'estimated:process-cpu',
  energyByDomainJ: {},
  netEnergyByDomainJ: {},
  systemEnergyJ: 0,
  promptSha256: 'f'.repeat(64),
  clockStartMs: 1000,
  clockEndMs: 1050,
  traceFile: 'trace',
  gradeSpanStart: 0,
  gradeSpanEnd: 1,
  gradeSpanText: 'x',
  judgedVerdict: null,
  attempts: null,
  reasoningTokens: null,
  reasoningEnergyJ: null,
  answerEnergyJ: null,
};
