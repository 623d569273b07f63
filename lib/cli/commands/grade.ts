import { appendFileSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  compareVerdicts, gradeRecords, judgeAgreement, readGradeRecords, summarizeVerdicts, JUDGE_AGREEMENT_FILE, RULE_SETS,
  type AgreementSummary, type GradeRecord, type JudgeModel, type JudgeScope, type PairAgreement, type RecordProblem, type RuleSetName, type Verdict,
} from '../../grade/index.ts';
import { describeEnergyLabel, energyLabels } from '../../metrics/index.ts';
import type { GpuChoice, ModelRunner } from '../../run/index.ts';
import { readResults, type QueryResult } from '../../store/index.ts';
import { choiceFlag, numberFlag, type Command } from '../command.ts';

const USAGE = `  ipw grade [<run folder | file.jsonl | ->] [options]
                                  regrade outputs: records {id, response, choices?|n_choices?, answer?, grader?, question?};
                                  prints counts by status and accuracy, or verdict JSONL with --jsonl. Reads stdin when
                                  no input is named and stdin is not a terminal. Options, in any order:
      --jsonl                     one verdict per line: id, pred, correct, status, rule, span, detail
      --rules default|naive-last-letter   rule set (default: default)
      --compare A B               grade with two rule sets and list where they disagree (also --compare=A,B)
      --rel-tol X, --abs-tol X    math tolerances (defaults: 1e-6 relative, 1e-9 absolute)
      --judges A,B                LLM judges (<file.gguf | openai:URL#model>, comma-separated) read the responses
                                  the rules found no or several answers in; prints Cohen's kappa between judges and
                                  with the rules, and the accuracy swing between judges
      --judge A                   one judge (use with --judge-repeats)
      --judge-repeats N           each judge reads each response N times (default 1); reports how many readings change
      --judge-scope unresolved|all   which responses judges read (default unresolved; all: every response)
      --judge-out FILE            where every judge reading and the agreement summary are stored (JSONL; default:
                                  judge-agreement.jsonl in the run folder, <file>.judges.jsonl beside a file, or
                                  ./judge-agreement.jsonl for stdin)
      --threads N, --gpu auto|false|cuda|vulkan|metal   how local GGUF judges run
  Exit status: 0; 2 for a usage error, or when some input lines were malformed (each is reported on stderr and the
  other rows are still graded).`;

const GPU_CHOICES = ['auto', 'false', 'cpu', 'cuda', 'vulkan', 'metal'] as const;

/** Closing stdout early (`ipw grade --jsonl x | head`) ends the output quietly: writes after that are dropped. */
class Output {
  private closed = false;
  constructor() {
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') this.closed = true;
      else throw error;
    });
  }

  write(text: string): void {
    if (!this.closed) process.stdout.write(text);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A run's stored results as records. Runs do not store option texts, so mc is read by letter only. */
function fromResults(rows: readonly QueryResult[]): GradeRecord[] {
  return rows.flatMap((r): GradeRecord[] => {
    if (r.grader === 'judge') return [];
    const rec: GradeRecord = { id: r.queryId, response: r.response, grader: r.grader, answer: r.reference };
    if (r.stopReason === 'max_tokens') rec.truncated = true;
    return [rec];
  });
}

interface Loaded {
  records: GradeRecord[];
  problems: RecordProblem[];
  /** A run folder's result rows (for its energy label) when the input is one. */
  rows?: QueryResult[];
  /** Where judge readings go by default. */
  judgeOut: string;
}

async function loadRecords(input: string): Promise<Loaded> {
  if (input === '-') return { ...readGradeRecords(await readStdin(), '<stdin>'), judgeOut: 'judge-agreement.jsonl' };
  const info = await stat(input).catch(() => null);
  if (info === null) throw new Error(`${input}: no such file or run folder`);
  if (info.isDirectory()) {
    const rows = await readResults(input);
    return { records: fromResults(rows), problems: [], rows, judgeOut: join(input, JUDGE_AGREEMENT_FILE) };
  }
  return { ...readGradeRecords(await readFile(input, 'utf8'), input), judgeOut: join(dirname(input), `${basename(input).replace(/\.jsonl?$/i, '')}.judges.jsonl`) };
}

/** A run's energy sources, so the printed table says how the run's joules were obtained (grading uses none). */
function energyLines(rows: readonly QueryResult[]): string {
  const { labels } = energyLabels(rows);
  return ['Energy of this run (not used in grading):', ...labels.map((label, i) => `  ${describeEnergyLabel(label, i)}`)].join('\n');
}

const RULE_ALIASES: Record<string, RuleSetName> = { default: 'default', mc: 'default', numeric: 'default', rules: 'default', naive: 'naive-last-letter' };

function isRuleSet(name: string): boolean {
  return Object.hasOwn(RULE_ALIASES, name) || (RULE_SETS as readonly string[]).includes(name);
}

function ruleSet(name: string): RuleSetName {
  const resolved = RULE_ALIASES[name] ?? (RULE_SETS as readonly string[]).find((r) => r === name);
  if (resolved === undefined) throw new Error(`unknown rule set "${name}"; use one of: ${RULE_SETS.join(', ')}`);
  return resolved as RuleSetName;
}

/**
 * Takes `--compare A B` (or `--compare=A,B`, `--compare A,B`) out of the arguments wherever it stands, so the
 * input may come before or after it. The names after `--compare` must be rule sets; an input path is never taken.
 */
function takeCompare(args: readonly string[]): { rest: string[]; compare: string[] | null } {
  const rest: string[] = [];
  let compare: string[] | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (arg.startsWith('--compare=')) {
      compare = arg.slice('--compare='.length).split(',').filter((x) => x.length > 0);
      continue;
    }
    if (arg !== '--compare') {
      rest.push(arg);
      continue;
    }
    compare = [];
    while (compare.length < 2 && i + 1 < args.length) {
      const names = args[i + 1]!.split(',').filter((x) => x.length > 0);
      if (names.length === 0 || !names.every(isRuleSet)) break;
      compare.push(...names);
      i++;
    }
  }
  return { rest, compare };
}

function percent(x: number): string {
  return Number.isNaN(x) ? '-' : `${(x * 100).toFixed(1)}%`;
}

function points(x: number): string {
  return Number.isNaN(x) ? '-' : `${(x * 100).toFixed(1)} points`;
}

function fixed(x: number): string {
  return Number.isNaN(x) ? '-' : x.toFixed(2);
}

function summaryTable(verdicts: readonly Verdict[], agreement: AgreementSummary | null): string {
  const s = summarizeVerdicts(verdicts);
  const lines = ['status       count'];
  for (const [status, count] of Object.entries(s.byStatus)) lines.push(`${status.padEnd(11)}  ${String(count).padStart(5)}`);
  lines.push(`${'total'.padEnd(11)}  ${String(s.total).padStart(5)}`, '');
  lines.push(`no-answer rate: ${percent(s.noAnswerRate)}`);
  let accuracy = s.withAnswer === 0 ? 'accuracy: - (no record has an answer)' : `accuracy: ${percent(s.accuracy)} (${s.correct}/${s.withAnswer})`;
  if (agreement && s.withAnswer > 0) {
    const byJudge = agreement.accuracy.byJudge.map((j) => j.accuracy).filter((a) => Number.isFinite(a));
    accuracy += `; with judges ${percent(Math.min(...byJudge))} to ${percent(Math.max(...byJudge))} (swing ${points(agreement.accuracySwing)})`;
  }
  lines.push(accuracy);
  return lines.join('\n');
}

function pairLine(p: PairAgreement, unresolvedRules: boolean): string {
  // With scope unresolved the rules read no answer in every response judged: one rater is constant, so kappa is 0 (or undefined).
  const why = unresolvedRules && p.b === 'rules' ? ' (the rules read no answer in these responses, so kappa is 0 by construction; --judge-scope all compares them)' : '';
  return `  ${p.a} vs ${p.b}: kappa ${fixed(p.kappa)}, agree ${percent(p.agreement)}${why}`;
}

function agreementText(a: AgreementSummary, stored: string): string {
  const lines = [
    `Judge agreement: ${a.judges.length} judge(s) read ${a.judged} response(s) (scope ${a.scope}), ${a.repeats} time(s) each`,
    `  accuracy: rules ${percent(a.accuracy.rules)}; ${a.accuracy.byJudge.map((j) => `${j.judge} ${percent(j.accuracy)}`).join('; ')}; swing between judges ${points(a.accuracySwing)}`,
  ];
  if (a.betweenJudges.length > 0) lines.push('Between judges:', ...a.betweenJudges.map((p) => pairLine(p, false)));
  lines.push('With the rules:', ...a.withRules.map((p) => pairLine(p, a.scope === 'unresolved')));
  if (a.repeats > 1) {
    lines.push(`Across repeats: ${percent(a.repeatChangeRate)} of readings changed; accuracy swing ${a.repeatSwing.map((r) => `${r.judge} ${points(r.swing)}`).join('; ')}`);
  }
  lines.push(`Every reading and this summary: ${stored}`);
  return lines.join('\n');
}

function gpuOption(value: string | undefined): GpuChoice | undefined {
  const choice = choiceFlag(value, 'gpu', GPU_CHOICES);
  if (choice === undefined) return undefined;
  return choice === 'false' || choice === 'cpu' ? false : choice;
}

/** Opens the judges named by --judges/--judge; returns none when neither is given. */
async function openJudges(values: { judges?: string; judge?: string; threads?: string; gpu?: string }): Promise<{ judges: JudgeModel[]; runners: ModelRunner[] }> {
  if (values.judges !== undefined && values.judge !== undefined) throw new Error('give either --judges A,B or --judge A, not both');
  const specs = (values.judges ?? values.judge ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if ((values.judges !== undefined || values.judge !== undefined) && specs.length === 0) throw new Error('--judges expects one or more models, e.g. --judges a.gguf,b.gguf');
  const judges: JudgeModel[] = [];
  const runners: ModelRunner[] = [];
  try {
    // Loaded only when judges are asked for: the model runtime is heavy to import.
    const { openJudge } = await import('../../profile/index.ts');
    for (const spec of specs) {
      const opened = await openJudge(spec, { threads: numberFlag(values.threads, 'threads'), gpu: gpuOption(values.gpu) });
      judges.push(opened.judge);
      runners.push(opened.runner);
    }
  } catch (error) {
    await Promise.all(runners.map((r) => r.close()));
    throw error;
  }
  return { judges, runners };
}

function verdictLine(v: Verdict): string {
  const line: Record<string, unknown> = { id: v.id, pred: v.pred };
  if (v.correct !== undefined) line.correct = v.correct;
  line.status = v.status;
  line.rule = v.rule;
  if (v.span) line.span = [v.span.start, v.span.end];
  if (v.detail !== undefined) line.detail = v.detail;
  return `${JSON.stringify(line)}\n`;
}

function short(v: Verdict): string {
  return `${v.pred ?? '∅'} (${v.status}, ${v.rule})`;
}

async function run(args: string[]): Promise<number> {
  const { rest, compare } = takeCompare(args);
  const { positionals, values } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      jsonl: { type: 'boolean' },
      rules: { type: 'string' },
      'rel-tol': { type: 'string' },
      'abs-tol': { type: 'string' },
      judges: { type: 'string' },
      judge: { type: 'string' },
      'judge-repeats': { type: 'string' },
      'judge-scope': { type: 'string' },
      'judge-out': { type: 'string' },
      threads: { type: 'string' },
      gpu: { type: 'string' },
    },
  });
  const tolerance = { relTol: numberFlag(values['rel-tol'], 'rel-tol'), absTol: numberFlag(values['abs-tol'], 'abs-tol') };
  if (compare && compare.length !== 2) throw new Error(`--compare needs two rule sets (${RULE_SETS.join(', ')}), e.g. --compare default naive-last-letter`);
  const compared = compare?.map(ruleSet) ?? null;
  if (positionals.length > 1) throw new Error(`grade takes one input, got ${positionals.length}: ${positionals.join(' ')}\n${USAGE}`);
  let input = positionals[0];
  if (input === undefined) {
    if (process.stdin.isTTY) throw new Error(`grade needs an input: a run folder, a JSONL file, or - for stdin (or pipe records in)\n${USAGE}`);
    input = '-';
  }
  const repeats = numberFlag(values['judge-repeats'], 'judge-repeats') ?? 1;
  if (!Number.isInteger(repeats) || repeats < 1) throw new Error(`--judge-repeats expects a whole number of 1 or more, got "${values['judge-repeats']}"`);
  const scope: JudgeScope = choiceFlag(values['judge-scope'], 'judge-scope', ['unresolved', 'all'] as const) ?? 'unresolved';
  const wantsJudges = values.judges !== undefined || values.judge !== undefined;
  if (!wantsJudges && (values['judge-repeats'] !== undefined || values['judge-scope'] !== undefined || values['judge-out'] !== undefined)) {
    throw new Error('--judge-repeats, --judge-scope and --judge-out need --judges A,B or --judge A');
  }
  if (wantsJudges && compared) throw new Error('--compare compares rule sets; run --judges separately');

  const out = new Output();
  const { records, problems, rows, judgeOut } = await loadRecords(input);
  for (const p of problems) process.stderr.write(`ipw: ${p.message} (line skipped)\n`);
  const status = problems.length > 0 ? 2 : 0;

  if (compared) {
    const [a, b] = compared as [RuleSetName, RuleSetName];
    const cmp = compareVerdicts(gradeRecords(records, a, tolerance), gradeRecords(records, b, tolerance));
    if (values.jsonl) {
      for (const d of cmp.disagreements) out.write(`${JSON.stringify({ id: d.id, [a]: d.a, [b]: d.b })}\n`);
      return status;
    }
    out.write(`${a} vs ${b}: agree on ${cmp.agree}/${cmp.total} (${percent(cmp.total === 0 ? NaN : cmp.agree / cmp.total)})\n`);
    for (const d of cmp.disagreements) out.write(`  ${d.id}: ${a} ${short(d.a)}  |  ${b} ${short(d.b)}\n`);
    return status;
  }
  const verdicts = gradeRecords(records, ruleSet(values.rules ?? 'default'), tolerance);

  let agreement: AgreementSummary | null = null;
  let stored = '';
  if (wantsJudges) {
    stored = values['judge-out'] ?? judgeOut;
    writeFileSync(stored, '');
    const { judges, runners } = await openJudges(values);
    try {
      const result = await judgeAgreement(records, verdicts, {
        ...tolerance,
        judges,
        repeats,
        scope,
        // Stored as they come, so an interrupted run keeps what the judges already said.
        onReading: (reading) => appendFileSync(stored, `${JSON.stringify({ type: 'reading', ...reading })}\n`),
      });
      agreement = result.summary;
      appendFileSync(stored, `${JSON.stringify({ type: 'summary', ...agreement })}\n`);
    } finally {
      await Promise.all(runners.map((r) => r.close()));
    }
  }

  if (values.jsonl) {
    for (const v of verdicts) out.write(verdictLine(v));
    // stdout stays JSONL; the agreement report goes to stderr.
    if (agreement) process.stderr.write(`${agreementText(agreement, stored)}\n`);
    return status;
  }
  out.write(`${summaryTable(verdicts, agreement)}\n`);
  if (agreement) out.write(`\n${agreementText(agreement, stored)}\n`);
  if (rows) out.write(`\n${energyLines(rows)}\n`);
  return status;
}

export const gradeCommand: Command = { usage: USAGE, run };
