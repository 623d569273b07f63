import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  compareVerdicts, gradeRecords, parseGradeRecords, summarizeVerdicts, RULE_SETS,
  type GradeRecord, type RuleSetName, type Verdict,
} from '../../grade/index.ts';
import { describeEnergyLabel, energyLabels } from '../../metrics/index.ts';
import { readResults, type QueryResult } from '../../store/index.ts';
import { numberFlag, type Command } from '../command.ts';

const USAGE = `  ipw grade <run folder | file.jsonl | -> [--jsonl] [--rules default|naive-last-letter]
            [--compare A B] [--rel-tol X] [--abs-tol X]
                                  regrade outputs: records {id, response, choices?|n_choices?, answer?, grader?};
                                  prints counts by status and accuracy, or verdict JSONL with --jsonl`;

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

/** The records to grade, and a run folder's result rows (for its energy label) when the input is one. */
async function loadRecords(input: string): Promise<{ records: GradeRecord[]; rows?: QueryResult[] }> {
  if (input === '-') return { records: parseGradeRecords(await readStdin(), '<stdin>') };
  const info = await stat(input).catch(() => null);
  if (info === null) throw new Error(`${input}: no such file or run folder`);
  if (info.isDirectory()) {
    const rows = await readResults(input);
    return { records: fromResults(rows), rows };
  }
  return { records: parseGradeRecords(await readFile(input, 'utf8'), input) };
}

/** A run's energy sources, so the printed table says how the run's joules were obtained (grading uses none). */
function energyLines(rows: readonly QueryResult[]): string {
  const { labels } = energyLabels(rows);
  return ['Energy of this run (not used in grading):', ...labels.map((label, i) => `  ${describeEnergyLabel(label, i)}`)].join('\n');
}

function ruleSet(name: string): RuleSetName {
  const aliases: Record<string, RuleSetName> = { default: 'default', mc: 'default', numeric: 'default', rules: 'default', naive: 'naive-last-letter' };
  const resolved = aliases[name] ?? (RULE_SETS as readonly string[]).find((r) => r === name);
  if (resolved === undefined) throw new Error(`unknown rule set "${name}"; use one of: ${RULE_SETS.join(', ')}`);
  return resolved as RuleSetName;
}

function percent(x: number): string {
  return Number.isNaN(x) ? '-' : `${(x * 100).toFixed(1)}%`;
}

function summaryTable(verdicts: readonly Verdict[]): string {
  const s = summarizeVerdicts(verdicts);
  const lines = ['status       count'];
  for (const [status, count] of Object.entries(s.byStatus)) lines.push(`${status.padEnd(11)}  ${String(count).padStart(5)}`);
  lines.push(`${'total'.padEnd(11)}  ${String(s.total).padStart(5)}`, '');
  lines.push(`no-answer rate: ${percent(s.noAnswerRate)}`);
  lines.push(s.withAnswer === 0 ? 'accuracy: - (no record has an answer)' : `accuracy: ${percent(s.accuracy)} (${s.correct}/${s.withAnswer})`);
  return lines.join('\n');
}

function short(v: Verdict): string {
  return `${v.pred ?? '∅'} (${v.status}, ${v.rule})`;
}

async function run(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      jsonl: { type: 'boolean' },
      rules: { type: 'string' },
      compare: { type: 'boolean' },
      'rel-tol': { type: 'string' },
      'abs-tol': { type: 'string' },
    },
  });
  const tolerance = { relTol: numberFlag(values['rel-tol'], 'rel-tol'), absTol: numberFlag(values['abs-tol'], 'abs-tol') };
  // --compare A B takes the two rule sets as the first positionals, then the input.
  const compared = values.compare ? positionals.slice(0, 2).map(ruleSet) : null;
  const rest = values.compare ? positionals.slice(2) : positionals;
  if (compared && compared.length < 2) throw new Error('--compare needs two rule sets, e.g. --compare default naive-last-letter <input>');
  if (rest.length !== 1) throw new Error(`grade needs one input: a run folder, a JSONL file, or - for stdin\n${USAGE}`);
  const { records, rows } = await loadRecords(rest[0]!);

  if (compared) {
    const [a, b] = compared as [RuleSetName, RuleSetName];
    const cmp = compareVerdicts(gradeRecords(records, a, tolerance), gradeRecords(records, b, tolerance));
    if (values.jsonl) {
      for (const d of cmp.disagreements) process.stdout.write(`${JSON.stringify({ id: d.id, [a]: d.a, [b]: d.b })}\n`);
      return 0;
    }
    process.stdout.write(`${a} vs ${b}: agree on ${cmp.agree}/${cmp.total} (${percent(cmp.total === 0 ? NaN : cmp.agree / cmp.total)})\n`);
    for (const d of cmp.disagreements) process.stdout.write(`  ${d.id}: ${a} ${short(d.a)}  |  ${b} ${short(d.b)}\n`);
    return 0;
  }
  const verdicts = gradeRecords(records, ruleSet(values.rules ?? 'default'), tolerance);
  if (values.jsonl) {
    for (const v of verdicts) {
      const line: Record<string, unknown> = { id: v.id, pred: v.pred };
      if (v.correct !== undefined) line.correct = v.correct;
      line.status = v.status;
      line.rule = v.rule;
      if (v.span) line.span = [v.span.start, v.span.end];
      process.stdout.write(`${JSON.stringify(line)}\n`);
    }
    return 0;
  }
  process.stdout.write(`${summaryTable(verdicts)}\n`);
  if (rows) process.stdout.write(`\n${energyLines(rows)}\n`);
  return 0;
}

export const gradeCommand: Command = { usage: USAGE, run };
