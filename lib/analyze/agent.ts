// Agent runs in a study: views over their three tables (lib/store agent-tables), and the per-task and per-turn tables
// that `ipw analyze` prints. A task is one row of results.parquet (queryId = task id, energy = the task window), so
// IPW and IPJ per task are lib/metrics `summarize` over those rows; the agent tables add turns, tool calls and the
// energy split.
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  compareText, describeEnergyLabel, energyHeadline, energyLabels, energyNotMeasured, formatNumber, mean, ratio, summarize,
  type BootstrapOptions, type EnergyLabelled, type MetricRow, type SummaryRow,
} from '../metrics/index.ts';
import {
  AGENT_TASKS_FILE, AGENT_TOOL_CALLS_FILE, AGENT_TURNS_FILE, hasAgentTables, loadRunSummary, quoteIdent, quoteStringList,
} from '../store/index.ts';
import { formatTextTable } from './format.ts';
import { tableFrom } from './sql.ts';
import type { Study } from './study.ts';
import type { RunTag, Table, TableValue } from './types.ts';

/** The run.json setting that labels a run's reasoning mode ('on', 'off', 'budget:N'); runs without it read as null. */
export const REASONING_SETTING = 'reasoning';

const VIEWS = [
  ['agent_tasks', AGENT_TASKS_FILE],
  ['agent_turns', AGENT_TURNS_FILE],
  ['agent_tool_calls', AGENT_TOOL_CALLS_FILE],
] as const;

/**
 * Defines `agent_tasks`, `agent_turns` and `agent_tool_calls` over the runs that have agent tables (union by name),
 * and `agent_runs` (runId; reasoning: the run's `reasoning` setting or null; protocol: its `agentProtocol`, 'react' in
 * runs recorded before the option existed). Nothing when no run has them.
 */
export async function defineAgentViews(connection: DuckDBConnection, tags: readonly RunTag[]): Promise<void> {
  const agentRuns = tags.filter((tag) => hasAgentTables(tag.runDir));
  if (agentRuns.length === 0) return;
  for (const [view, file] of VIEWS) {
    // A view cannot hold parameters, so the file list is quoted into it.
    const files = quoteStringList(agentRuns.map((tag) => path.join(tag.runDir, file)));
    await connection.run(`CREATE OR REPLACE VIEW ${quoteIdent(view)} AS SELECT * FROM read_parquet(${files}, union_by_name = true)`);
  }
  await connection.run('CREATE OR REPLACE TABLE agent_runs (runId VARCHAR PRIMARY KEY, reasoning VARCHAR, protocol VARCHAR)');
  for (const tag of agentRuns) {
    const settings = loadRunSummary(tag.runDir).settings;
    const reasoning = settings[REASONING_SETTING];
    await connection.run('INSERT INTO agent_runs VALUES ($1, $2, $3)', [
      tag.runId,
      reasoning === undefined || reasoning === null ? null : String(reasoning),
      String(settings.agentProtocol ?? 'react'),
    ]);
  }
}

/** True when some run of the study has agent tables (`openStudy` then defined the agent views). */
export async function hasAgentTasks(study: Study): Promise<boolean> {
  const views = await study.connection.runAndReadAll("SELECT 1 FROM duckdb_views() WHERE view_name = 'agent_tasks' AND NOT temporary");
  return views.currentRowCount > 0;
}

const nullIfNaN = (value: number): number | null => (Number.isFinite(value) ? value : null);

/** One row of `agentSummary`: a cell's tasks, with undefined figures (energy not measured, no tool calls) null. */
export type AgentSummaryRow = {
  model: string;
  accelerator: string;
  /** The runs' reasoning setting ('on', 'off', 'budget:N'); null when the runs did not record one. */
  reasoning: string | null;
  /** 'reuse' or 'reprefill'. */
  kvCache: string;
  /** How the model called tools: 'react' or 'native'. */
  protocol: string;
  /** Present when the summary is by domain. */
  domain?: string;
  energySource: string;
  energyMethod: string;
  energyIsEstimate: boolean;
  energyDomain: string;
  tasks: number;
  /** Task success rate (correct answer and expected files), with its bootstrap interval. */
  accuracy: number | null;
  accuracyLo: number | null;
  accuracyHi: number | null;
  /** Mean joules per task (the task window). */
  meanEnergyJ: number | null;
  meanEnergyJLo: number | null;
  meanEnergyJHi: number | null;
  meanPowerW: number | null;
  meanPowerWLo: number | null;
  meanPowerWHi: number | null;
  /** accuracy / meanPowerW and accuracy / meanEnergyJ, as lib/metrics defines them. */
  ipw: number | null;
  ipwLo: number | null;
  ipwHi: number | null;
  ipj: number | null;
  ipjLo: number | null;
  ipjHi: number | null;
  /** Share of tasks that ended with a final answer (outcome 'answered'). */
  answeredRate: number;
  meanTurns: number;
  meanToolCalls: number;
  /** Failed tool calls / tool calls; null without tool calls. */
  toolFailureRate: number | null;
  /** Mean joules per task in model turns, tool calls and the gaps between them (they add up to meanEnergyJ). */
  meanTurnsEnergyJ: number | null;
  meanToolsEnergyJ: number | null;
  meanGapsEnergyJ: number | null;
  meanCompletionTokens: number;
};

/** A `Table` whose rows are agent cells. */
export type AgentSummaryTable = Table & { rows: AgentSummaryRow[] };

export interface AgentSummaryOptions {
  /** One row per domain as well as per cell; default true. */
  byDomain?: boolean;
  /** Any fields not given come from lib/metrics `BOOTSTRAP`. */
  bootstrap?: Partial<BootstrapOptions>;
}

/** A task's row of results.parquet joined to its agent row. */
interface TaskRow extends MetricRow {
  reasoning: string | null;
  kvCache: string;
  protocol: string;
  outcome: string;
  turns: number;
  toolCalls: number;
  failedToolCalls: number;
  turnsEnergyJ: number;
  toolsEnergyJ: number;
  gapsEnergyJ: number;
  completionTokens: number;
}

async function readTaskRows(study: Study): Promise<TaskRow[]> {
  const reader = await study.connection.runAndReadAll(
    `SELECT r.queryId, r.model, r.accelerator, r.domain, r.correct, r.energyJ, r.meanPowerW, r.energySource, r.energyMethod,
            r.energyIsEstimate, r.energyDomain, r.gradeStatus, r.completionTokens, a.reasoning, t.kvCache,
            a.protocol, t.outcome, t.turns,
            t.toolCalls, coalesce(f.failed, 0)::INTEGER AS failedToolCalls, t.turnsEnergyJ, t.toolsEnergyJ, t.gapsEnergyJ
     FROM results r JOIN agent_tasks t USING (runId, queryId) JOIN agent_runs a USING (runId)
     LEFT JOIN (SELECT runId, queryId, count(*) FILTER (WHERE NOT ok) AS failed FROM agent_tool_calls GROUP BY ALL) f USING (runId, queryId)`,
  );
  return reader.getRowObjectsJS() as unknown as TaskRow[];
}

const cellKey = (row: TaskRow, byDomain: boolean): string[] => [
  row.model, row.accelerator, row.reasoning ?? '\u0000', row.kvCache, row.protocol, byDomain ? row.domain : '',
  row.energySource, row.energyMethod, String(row.energyIsEstimate), row.energyDomain ?? '',
];

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    const order = compareText(a[i] ?? '', b[i] ?? '');
    if (order !== 0) return order;
  }
  return 0;
}

const SUMMARY_COLUMNS: [keyof AgentSummaryRow, string][] = [
  ['model', 'VARCHAR'], ['accelerator', 'VARCHAR'], ['reasoning', 'VARCHAR'], ['kvCache', 'VARCHAR'], ['protocol', 'VARCHAR'], ['domain', 'VARCHAR'],
  ['energySource', 'VARCHAR'], ['energyMethod', 'VARCHAR'], ['energyIsEstimate', 'BOOLEAN'], ['energyDomain', 'VARCHAR'],
  ['tasks', 'INTEGER'],
  ...(['accuracy', 'meanEnergyJ', 'meanPowerW', 'ipw', 'ipj'] as const).flatMap((stat): [keyof AgentSummaryRow, string][] => [
    [stat, 'DOUBLE'], [`${stat}Lo`, 'DOUBLE'], [`${stat}Hi`, 'DOUBLE'],
  ]),
  ['answeredRate', 'DOUBLE'], ['meanTurns', 'DOUBLE'], ['meanToolCalls', 'DOUBLE'], ['toolFailureRate', 'DOUBLE'],
  ['meanTurnsEnergyJ', 'DOUBLE'], ['meanToolsEnergyJ', 'DOUBLE'], ['meanGapsEnergyJ', 'DOUBLE'], ['meanCompletionTokens', 'DOUBLE'],
];

function summaryRow(rows: readonly TaskRow[], summary: SummaryRow, byDomain: boolean): AgentSummaryRow {
  const first = rows[0]!;
  const stat = (name: 'accuracy' | 'meanEnergyJ' | 'meanPowerW' | 'ipw' | 'ipj') => ({
    [name]: nullIfNaN(summary[name]),
    [`${name}Lo`]: nullIfNaN(summary.ci?.[name][0] ?? NaN),
    [`${name}Hi`]: nullIfNaN(summary.ci?.[name][1] ?? NaN),
  });
  const toolCalls = rows.reduce((sum, row) => sum + row.toolCalls, 0);
  return {
    model: first.model,
    accelerator: first.accelerator,
    reasoning: first.reasoning,
    kvCache: first.kvCache,
    protocol: first.protocol,
    ...(byDomain ? { domain: first.domain } : {}),
    energySource: first.energySource,
    energyMethod: first.energyMethod,
    energyIsEstimate: first.energyIsEstimate,
    energyDomain: first.energyDomain ?? '',
    tasks: summary.queries,
    ...stat('accuracy'), ...stat('meanEnergyJ'), ...stat('meanPowerW'), ...stat('ipw'), ...stat('ipj'),
    answeredRate: rows.filter((row) => row.outcome === 'answered').length / rows.length,
    meanTurns: mean(rows.map((row) => row.turns)),
    meanToolCalls: toolCalls / rows.length,
    toolFailureRate: nullIfNaN(ratio(rows.reduce((sum, row) => sum + row.failedToolCalls, 0), toolCalls)),
    meanTurnsEnergyJ: nullIfNaN(mean(rows.map((row) => row.turnsEnergyJ))),
    meanToolsEnergyJ: nullIfNaN(mean(rows.map((row) => row.toolsEnergyJ))),
    meanGapsEnergyJ: nullIfNaN(mean(rows.map((row) => row.gapsEnergyJ))),
    meanCompletionTokens: mean(rows.map((row) => row.completionTokens)),
  } as AgentSummaryRow;
}

/**
 * Agent tasks per model x accelerator x reasoning x KV mode x tool protocol (x domain): task success, joules and mean watts per task,
 * IPW and IPJ, each with lib/metrics' bootstrap interval (the numbers `summarize` gives for the tasks' result rows),
 * turns, tool calls, and the task energy split into turns, tool calls and gaps. Cells never pool two energy labels
 * (source, method, estimate flag, domain): each row carries its own. Undefined figures are null, never 0.
 */
export async function agentSummary(study: Study, options: AgentSummaryOptions = {}): Promise<AgentSummaryTable> {
  const byDomain = options.byDomain ?? true;
  const columns = SUMMARY_COLUMNS.filter(([name]) => byDomain || name !== 'domain');
  const table: AgentSummaryTable = { columns: columns.map(([name]) => name), columnTypes: columns.map(([, type]) => type), rows: [] };
  if (!(await hasAgentTasks(study))) return table;
  const cells = new Map<string, { key: string[]; rows: TaskRow[] }>();
  for (const row of await readTaskRows(study)) {
    const key = cellKey(row, byDomain);
    const id = JSON.stringify(key);
    const cell = cells.get(id) ?? { key, rows: [] };
    cell.rows.push(row);
    cells.set(id, cell);
  }
  const bootstrap = options.bootstrap ?? {};
  table.rows = [...cells.values()]
    .sort((a, b) => compareKeys(a.key, b.key))
    .map(({ rows }) => {
      // One cell, so one summary row: the interval of a group depends only on its own rows.
      const [summary] = summarize(rows, { groupBy: byDomain ? ['model', 'accelerator', 'domain'] : ['model', 'accelerator'], bootstrap });
      return summaryRow(rows, summary!, byDomain);
    });
  return table;
}

/** One row of `agentTurnEnergy`: one turn number of one cell; undefined figures are null. Plots take it as `TurnEnergyPlotRow`. */
export type AgentTurnEnergyRow = {
  model: string;
  accelerator: string;
  reasoning: string | null;
  kvCache: string;
  energySource: string;
  energyMethod: string;
  energyIsEstimate: boolean;
  energyDomain: string;
  /** 1-based turn number. */
  turn: number;
  /** Tasks that reached this turn. */
  tasks: number;
  meanPromptTokens: number;
  meanPrefilledTokens: number;
  meanCompletionTokens: number;
  meanReasoningTokens: number;
  meanPrefillMs: number | null;
  meanDecodeMs: number | null;
  meanEnergyJ: number | null;
  meanPrefillEnergyJ: number | null;
  meanDecodeEnergyJ: number | null;
};

/** A `Table` whose rows are turn numbers of agent cells. */
export type AgentTurnEnergyTable = Table & { rows: AgentTurnEnergyRow[] };

/**
 * Energy per turn as the conversation grows: per model x accelerator x reasoning x KV mode x energy label and turn
 * number, the tasks that reached the turn, mean context (prompt) tokens, tokens prefilled that turn (the rest came from
 * the KV cache), completion and reasoning tokens, prefill and decode ms, and joules (turn, prefill, decode). Later
 * turns average over fewer tasks: the ones still going. Undefined figures are null.
 */
export async function agentTurnEnergy(study: Study): Promise<AgentTurnEnergyTable> {
  if (!(await hasAgentTasks(study))) return { columns: [], columnTypes: [], rows: [] };
  const reader = await study.connection.runAndReadAll(
    `SELECT r.model, r.accelerator, a.reasoning, t.kvCache, r.energySource, r.energyMethod, r.energyIsEstimate, r.energyDomain, u.turn,
            count(*)::INTEGER AS tasks, avg(u.promptTokens) AS meanPromptTokens, avg(u.prefilledTokens) AS meanPrefilledTokens,
            avg(u.completionTokens) AS meanCompletionTokens, avg(u.reasoningTokens) AS meanReasoningTokens,
            avg(u.prefillMs) AS meanPrefillMs, avg(u.decodeMs) AS meanDecodeMs,
            avg(u.energyJ) AS meanEnergyJ, avg(u.prefillEnergyJ) AS meanPrefillEnergyJ, avg(u.decodeEnergyJ) AS meanDecodeEnergyJ
     FROM agent_turns u JOIN agent_tasks t USING (runId, queryId) JOIN results r USING (runId, queryId) JOIN agent_runs a USING (runId)
     GROUP BY ALL
     ORDER BY r.model, r.accelerator, a.reasoning NULLS FIRST, t.kvCache, r.energySource, r.energyMethod, r.energyIsEstimate, r.energyDomain, u.turn`,
  );
  const table = tableFrom(reader);
  for (const row of table.rows) for (const [name, value] of Object.entries(row)) if (typeof value === 'number' && !Number.isFinite(value)) row[name] = null;
  return table as AgentTurnEnergyTable;
}

function interval(row: Record<string, TableValue>, stat: string): string {
  const [lo, hi] = [row[`${stat}Lo`], row[`${stat}Hi`]];
  return typeof lo === 'number' && typeof hi === 'number' ? `[${formatNumber(lo, 3)}, ${formatNumber(hi, 3)}]` : '';
}

/** An energy figure, or why there is none: 'not measured' for joules and watts, 'n/a' for what derives from them (IPW, IPJ). */
function energyCell(row: Record<string, TableValue>, value: TableValue | undefined, derived = false): TableValue {
  if (energyNotMeasured(row as Partial<EnergyLabelled>)) return derived ? 'n/a' : 'not measured';
  return value ?? null;
}

/** Key columns worth printing: the ones some row has a value in. */
function presentKeys(table: Table, keys: readonly string[]): string[] {
  return keys.filter((key) => table.columns.includes(key) && table.rows.some((row) => row[key] !== null && row[key] !== undefined));
}

/** The energy headline and one line per label, and each row's label reference `source [n]`. */
function labelLines(table: Table): { lines: string[]; refs: string[] } {
  const rows = table.rows as Partial<EnergyLabelled>[];
  const { labels, labelIndex } = energyLabels(rows.map((row) => ({ ...row, energyDomain: row.energyDomain ?? undefined })));
  return {
    lines: [energyHeadline(rows), ...labels.map((label, i) => `  ${describeEnergyLabel(label, i)}`)],
    refs: rows.map((row, i) => `${row.energySource} [${(labelIndex[i] ?? 0) + 1}]`),
  };
}

/**
 * `agentSummary` and `agentTurnEnergy` as `ipw analyze` prints them: per cell, task success, J per task, IPW and IPJ
 * with their intervals and energy label, turns, tool calls and the energy split; then energy per turn by turn number
 * and KV mode.
 */
export function formatAgentTables(summary: Table, turnEnergy: Table): string {
  // The protocol column appears once a study holds native tool calling runs (ReAct is the default).
  const keys = presentKeys(summary, ['model', 'accelerator', 'reasoning', 'kvCache', 'protocol', 'domain']).filter(
    (key) => key !== 'protocol' || summary.rows.some((row) => row.protocol !== 'react'),
  );
  const tasks = labelLines(summary);
  const display: Table = {
    columns: [...keys, 'energy', 'tasks', 'success', 'success CI', 'J/task', 'J/task CI', 'W', 'IPW', 'IPW CI', 'IPJ', 'IPJ CI', 'turns', 'tool calls', 'J turns', 'J tools', 'J gaps'],
    columnTypes: [],
    rows: summary.rows.map((row, i) => ({
      ...Object.fromEntries(keys.map((key) => [key, row[key] ?? null])),
      energy: tasks.refs[i] ?? '',
      tasks: row.tasks ?? null,
      success: row.accuracy ?? null,
      'success CI': interval(row, 'accuracy'),
      'J/task': energyCell(row, row.meanEnergyJ),
      'J/task CI': interval(row, 'meanEnergyJ'),
      W: energyCell(row, row.meanPowerW),
      IPW: energyCell(row, row.ipw, true),
      'IPW CI': interval(row, 'ipw'),
      IPJ: energyCell(row, row.ipj, true),
      'IPJ CI': interval(row, 'ipj'),
      turns: row.meanTurns ?? null,
      'tool calls': row.meanToolCalls ?? null,
      'J turns': energyCell(row, row.meanTurnsEnergyJ),
      'J tools': energyCell(row, row.meanToolsEnergyJ),
      'J gaps': energyCell(row, row.meanGapsEnergyJ),
    })),
  };
  const turnKeys = presentKeys(turnEnergy, ['model', 'accelerator', 'reasoning', 'kvCache']);
  const turns = labelLines(turnEnergy);
  const perTurn: Table = {
    columns: [...turnKeys, 'energy', 'turn', 'tasks', 'prompt tok', 'prefilled tok', 'completion tok', 'J', 'J prefill', 'J decode'],
    columnTypes: [],
    rows: turnEnergy.rows.map((row, i) => ({
      ...Object.fromEntries(turnKeys.map((key) => [key, row[key] ?? null])),
      energy: turns.refs[i] ?? '',
      turn: row.turn ?? null,
      tasks: row.tasks ?? null,
      'prompt tok': row.meanPromptTokens ?? null,
      'prefilled tok': row.meanPrefilledTokens ?? null,
      'completion tok': row.meanCompletionTokens ?? null,
      J: energyCell(row, row.meanEnergyJ),
      'J prefill': energyCell(row, row.meanPrefillEnergyJ),
      'J decode': energyCell(row, row.meanDecodeEnergyJ),
    })),
  };
  return [
    'Agent tasks (success = task solved; J/task, W, IPW and IPJ per task with 95% CIs; turns, tool calls and J split per task, means):',
    ...tasks.lines,
    formatTextTable(display, display.columns.slice(display.columns.indexOf('tasks'))),
    '',
    'Energy per turn (means over the tasks that reached each turn; prefilled tok: evaluated that turn, the rest came from the KV cache):',
    ...turns.lines,
    formatTextTable(perTurn, perTurn.columns.slice(perTurn.columns.indexOf('turn'))),
  ].join('\n');
}
