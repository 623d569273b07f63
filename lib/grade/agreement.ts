/**
 * How much LLM judges agree with each other, with themselves across repeats, and with the rules. Each judge reads
 * the responses the rules could not settle (or every response), with the same extraction prompt as the judge
 * fallback; its reading is graded like the rules' would be. The math (Cohen's kappa, swings) is pure; the judge
 * calls go through the `JudgeModel` interface.
 */
import { renderExtractPrompt } from './fallback.ts';
import { extractMathAnswer } from './math-extract.ts';
import { mathEqual } from './math-equal.ts';
import { normalizeMath } from './math-normalize.ts';
import { extractMcAnswer, referenceLetter, validLetters } from './mc.ts';
import { normalizeExact } from './exact.ts';
import { asQuery, choiceCount, summarizeVerdicts, type GradeRecord, type Verdict } from './records.ts';
import type { GradeStatus, JudgeModel, NumericOptions } from './types.ts';

/**
 * Cohen's kappa of two raters over the same items, with nominal labels: (observed agreement - chance agreement)
 * / (1 - chance agreement). NaN when it is undefined: no items, or both raters always give one and the same label.
 */
export function cohenKappa(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length) throw new Error(`cohenKappa: ${a.length} labels against ${b.length}`);
  const n = a.length;
  if (n === 0) return NaN;
  let agree = 0;
  const countA = new Map<string, number>();
  const countB = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) agree++;
    countA.set(a[i]!, (countA.get(a[i]!) ?? 0) + 1);
    countB.set(b[i]!, (countB.get(b[i]!) ?? 0) + 1);
  }
  const observed = agree / n;
  let chance = 0;
  for (const [label, ca] of countA) chance += (ca / n) * ((countB.get(label) ?? 0) / n);
  if (chance === 1) return NaN;
  return (observed - chance) / (1 - chance);
}

/** Share of groups whose members are not all the same; NaN when no group has two members. */
export function changeRate(groups: ReadonlyArray<readonly string[]>): number {
  const repeated = groups.filter((g) => g.length > 1);
  if (repeated.length === 0) return NaN;
  return repeated.filter((g) => g.some((x) => x !== g[0])).length / repeated.length;
}

/** The most frequent label; ties go to the one seen first. */
export function modeOf(labels: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  let best = labels[0] ?? '';
  for (const l of labels) if ((counts.get(l) ?? 0) > (counts.get(best) ?? 0)) best = l;
  return best;
}

/** One judge's reading of one response, in one repeat. Every reading is kept (`ipw grade --judges` stores them). */
export interface JudgeReading {
  id: string;
  judge: string;
  /** 0-based repeat index. */
  repeat: number;
  /** The judge's raw reply. */
  reply: string;
  pred: string | null;
  status: GradeStatus;
  /** Present only when the record has an answer. */
  correct?: boolean;
  /** The category compared for kappa: the answer read (or "NONE"); for math, "=reference" when it equals the reference. */
  label: string;
}

export type JudgeScope = 'unresolved' | 'all';

/**
 * The file in a run folder that holds every judge reading of that run and their agreement summary, as JSONL:
 * `{"type":"reading", ...JudgeReading}` lines, then one `{"type":"summary", ...AgreementSummary}` (NaN as null).
 * `ipw grade <run> --judges` writes it; `ipw analyze` reports it beside the accuracy.
 */
export const JUDGE_AGREEMENT_FILE = 'judge-agreement.jsonl';

export interface AgreementOptions extends NumericOptions {
  /** One or more judges; agreement between judges needs two. */
  judges: readonly JudgeModel[];
  /** How many times each judge reads each response; default 1. Judges run at temperature 0, so ideally nothing changes. */
  repeats?: number;
  /** Which responses the judges read: 'unresolved' (the rules found none or several answers), the default, or 'all'. */
  scope?: JudgeScope;
  /** Called after each reading, e.g. for progress. */
  onReading?: (reading: JudgeReading) => void;
}

export interface PairAgreement {
  a: string;
  b: string;
  /** Cohen's kappa over the responses both read (each judge's most frequent reading across repeats); NaN when undefined. */
  kappa: number;
  /** Share of those responses with the same label. */
  agreement: number;
}

export interface AgreementSummary {
  /** Responses the judges read. */
  judged: number;
  scope: JudgeScope;
  repeats: number;
  judges: string[];
  /** Every pair of judges. */
  betweenJudges: PairAgreement[];
  /** Each judge against the rules ("b" is "rules"). With scope 'unresolved' the rules read no answer on every judged response, so kappa is NaN. */
  withRules: PairAgreement[];
  /** Accuracy over the records that have answers: the rules alone, and with each judge's reading deciding the responses it read. */
  accuracy: { rules: number; byJudge: Array<{ judge: string; accuracy: number }> };
  /** Largest minus smallest accuracy across judges (a fraction; NaN without answers). */
  accuracySwing: number;
  /** Share of (response, judge) pairs whose label changed across repeats; NaN with one repeat. */
  repeatChangeRate: number;
  /** Per judge, largest minus smallest accuracy across its repeats; NaN with one repeat. */
  repeatSwing: Array<{ judge: string; swing: number }>;
}

function isUnresolved(v: Verdict): boolean {
  return v.status === 'ambiguous' || v.status === 'no_answer';
}

/** Reads a judge's reply to the extraction prompt with the graders' own extractors. */
export function readJudgeReply(record: GradeRecord, reply: string, options: NumericOptions = {}): Omit<JudgeReading, 'id' | 'judge' | 'repeat' | 'reply'> {
  const none = { pred: null, status: 'no_answer' as GradeStatus, label: 'NONE' };
  const withCorrect = <T extends object>(x: T, correct: boolean): T & { correct?: boolean } => (record.answer === undefined ? x : { ...x, correct });
  if (/^\W*none\b/i.test(reply.trim())) return withCorrect(none, false);
  if (record.grader === 'mc') {
    const found = extractMcAnswer(reply, choiceCount(record), record.choices);
    if (found.pred === null) return withCorrect({ ...none, status: found.status }, false);
    const correct = record.answer !== undefined && found.pred === referenceLetter({ ...asQuery(record), choices: record.choices ?? [...validLetters(choiceCount(record))] });
    return withCorrect({ pred: found.pred, status: 'answered', label: found.pred }, correct);
  }
  if (record.grader === 'numeric') {
    const found = extractMathAnswer(reply);
    if (found.answer === null) return withCorrect({ ...none, status: found.status }, false);
    const correct = record.answer !== undefined && mathEqual(found.answer, record.answer, options);
    const pred = normalizeMath(found.answer).latex;
    return withCorrect({ pred, status: 'answered', label: correct ? '=reference' : pred }, correct);
  }
  const pred = normalizeExact(reply);
  if (pred.length === 0) return withCorrect(none, false);
  return withCorrect({ pred, status: 'answered', label: pred }, record.answer !== undefined && pred === normalizeExact(record.answer));
}

/** The label the rules gave, in the same categories as the judges'. */
function ruleLabel(v: Verdict): string {
  if (v.pred === null) return 'NONE';
  return v.correct === true && !/^[A-Z]$/.test(v.pred) ? '=reference' : v.pred;
}

function accuracyWith(records: readonly GradeRecord[], rules: readonly Verdict[], decided: ReadonlyMap<string, boolean | undefined>): number {
  let withAnswer = 0;
  let correct = 0;
  records.forEach((r, i) => {
    if (r.answer === undefined) return;
    withAnswer++;
    const judged = decided.get(r.id);
    if (decided.has(r.id) ? judged === true : rules[i]!.correct === true) correct++;
  });
  return withAnswer === 0 ? NaN : correct / withAnswer;
}

function spread(values: readonly number[]): number {
  const finite = values.filter((v) => Number.isFinite(v));
  return finite.length < 2 ? NaN : Math.max(...finite) - Math.min(...finite);
}

/**
 * Has every judge read the chosen responses `repeats` times, and measures their agreement. `rules` are the
 * rule-based verdicts of `records`, in the same order. Throws when no judge is given or repeats is not a positive integer.
 */
export async function judgeAgreement(
  records: readonly GradeRecord[],
  rules: readonly Verdict[],
  options: AgreementOptions,
): Promise<{ readings: JudgeReading[]; summary: AgreementSummary }> {
  const repeats = options.repeats ?? 1;
  const scope = options.scope ?? 'unresolved';
  if (options.judges.length === 0) throw new Error('judgeAgreement needs at least one judge (option judges)');
  if (!Number.isInteger(repeats) || repeats < 1) throw new Error(`option repeats must be a positive integer, got ${repeats}`);
  if (rules.length !== records.length) throw new Error(`judgeAgreement: ${rules.length} verdicts for ${records.length} records`);
  const names = options.judges.map((j) => j.name);
  if (new Set(names).size !== names.length) throw new Error(`two judges share the name ${names.find((n, i) => names.indexOf(n) !== i)}; each must differ`);

  const chosen = records.flatMap((r, i) => (scope === 'all' || isUnresolved(rules[i]!) ? [i] : []));
  const readings: JudgeReading[] = [];
  for (const i of chosen) {
    const record = records[i]!;
    const prompt = renderExtractPrompt(asQuery(record), record.response);
    for (const judge of options.judges) {
      for (let repeat = 0; repeat < repeats; repeat++) {
        const reply = await judge.complete(prompt);
        const reading: JudgeReading = { id: record.id, judge: judge.name, repeat, reply, ...readJudgeReply(record, reply, options) };
        readings.push(reading);
        options.onReading?.(reading);
      }
    }
  }

  const of = (judge: string, index: number): JudgeReading[] => readings.filter((r) => r.judge === judge && r.id === records[index]!.id);
  const majority = (judge: string, index: number): JudgeReading => {
    const mine = of(judge, index);
    const label = modeOf(mine.map((r) => r.label));
    return mine.find((r) => r.label === label)!;
  };
  const labels = (judge: string): string[] => chosen.map((i) => majority(judge, i).label);
  const pair = (a: string, b: string, la: string[], lb: string[]): PairAgreement => ({
    a,
    b,
    kappa: cohenKappa(la, lb),
    agreement: la.length === 0 ? NaN : la.filter((x, k) => x === lb[k]).length / la.length,
  });
  const betweenJudges: PairAgreement[] = [];
  names.forEach((a, ai) => names.slice(ai + 1).forEach((b) => betweenJudges.push(pair(a, b, labels(a), labels(b)))));
  const ruleLabels = chosen.map((i) => ruleLabel(rules[i]!));
  const withRules = names.map((j) => pair(j, 'rules', labels(j), ruleLabels));

  const decidedBy = (pick: (index: number) => JudgeReading): Map<string, boolean | undefined> => new Map(chosen.map((i) => [records[i]!.id, pick(i).correct]));
  const byJudge = names.map((judge) => ({ judge, accuracy: accuracyWith(records, rules, decidedBy((i) => majority(judge, i))) }));
  const repeatSwing = names.map((judge) => ({
    judge,
    swing: repeats < 2 ? NaN : spread(Array.from({ length: repeats }, (_, r) => accuracyWith(records, rules, decidedBy((i) => of(judge, i)[r]!)))),
  }));
  const groups = chosen.flatMap((i) => names.map((judge) => of(judge, i).map((r) => r.label)));
  const summary: AgreementSummary = {
    judged: chosen.length,
    scope,
    repeats,
    judges: names,
    betweenJudges,
    withRules,
    accuracy: { rules: summarizeVerdicts(rules).accuracy, byJudge },
    accuracySwing: spread(byJudge.map((j) => j.accuracy)),
    repeatChangeRate: changeRate(groups),
    repeatSwing,
  };
  return { readings, summary };
}
