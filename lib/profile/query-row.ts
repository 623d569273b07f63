import { createHash } from 'node:crypto';
import type { QueryEnergy } from '../energy/index.ts';
import type { Grade } from '../grade/index.ts';
import { formatPrompt, type Query } from '../queries/index.ts';
import { timingsOf, type Generation, type ModelDescription } from '../run/index.ts';
import type { QueryResult } from '../store/index.ts';

/** Where a row sits: its run, its position in the query list, and the power trace its clock times refer to. */
export interface RowPlace {
  runId: string;
  index: number;
  startedAt: string;
  traceFile: string;
  /** The primary energy domains joined by '+'. */
  energyDomain: string;
  energyMeasure: string;
}

/** The stored row of one query: its generation, grade and energy windows, flattened. Pure. */
export function queryRow(query: Query, model: ModelDescription, generation: Generation, grade: Grade, energy: QueryEnergy, place: RowPlace): QueryResult {
  const { total, prefill, decode } = energy;
  return {
    runId: place.runId,
    queryId: query.id,
    index: place.index,
    domain: query.domain,
    model: model.name,
    accelerator: model.accelerator,
    grader: query.grader,
    startedAt: place.startedAt,
    response: generation.response,
    stopReason: generation.stopReason,
    promptTokens: generation.promptTokens,
    completionTokens: generation.completionTokens,
    ...timingsOf(generation),
    reference: query.answer,
    pred: grade.pred,
    correct: grade.correct,
    gradeStatus: grade.status,
    gradeRule: grade.rule,
    verdict: grade.verdict,
    energyJ: total.energyJ,
    prefillEnergyJ: prefill.energyJ,
    decodeEnergyJ: decode.energyJ,
    meanPowerW: total.meanPowerW,
    energySource: total.source,
    energyMethod: total.method,
    energyIsEstimate: total.isEstimate,
    netEnergyJ: total.netEnergyJ,
    prefillNetEnergyJ: prefill.netEnergyJ,
    decodeNetEnergyJ: decode.netEnergyJ,
    idlePowerW: total.idlePowerW,
    energyMeasure: place.energyMeasure,
    energyFlags: energy.flags.join(','),
    energyDomain: place.energyDomain,
    energyByDomainJ: energy.byDomainJ,
    netEnergyByDomainJ: energy.netByDomainJ,
    systemEnergyJ: energy.systemJ,
    promptSha256: createHash('sha256').update(formatPrompt(query)).digest('hex'),
    clockStartMs: generation.startMs,
    clockEndMs: generation.endMs,
    traceFile: place.traceFile,
    gradeSpanStart: grade.span?.start ?? null,
    gradeSpanEnd: grade.span?.end ?? null,
    gradeSpanText: grade.span?.text ?? null,
    judgedVerdict: grade.judged?.raw ?? null,
    attempts: generation.attempts ?? null,
    reasoningTokens: generation.reasoning?.tokens ?? null,
    reasoningEnergyJ: energy.reasoning?.energyJ ?? null,
    answerEnergyJ: energy.answer?.energyJ ?? null,
  };
}
