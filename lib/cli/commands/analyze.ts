import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  agentSummary,
  agentTurnEnergy,
  coverage,
  coverageGrowth,
  derivedTable,
  formatAgentTables,
  formatDerivedTable,
  formatIpwTable,
  formatJudgeAgreement,
  formatTextTable,
  hasAgentTasks,
  ipwTable,
  judgeAgreementTable,
  loadReleaseDates,
  MixedEnergySourcesError,
  openStudy,
  oracleRouting,
  routingShares,
  writeTableFiles,
  type Study,
  type Table,
} from '../../analyze/index.ts';
import { formatLoadTable, loadLevels, studyLoadSummaries } from '../../load/index.ts';
import { BOOTSTRAP, describeEnergyLabel, type EnergyLabelled } from '../../metrics/index.ts';
import { hasRates } from '../../efficiency/index.ts';
import { numberFlag, type Command } from '../command.ts';
import { flagHelp } from '../flags.ts';
import { RATE_FLAGS, rateFlags, rateOptionSpecs } from '../rate-flags.ts';

/** The tables of profile runs: IPW overall and by domain, coverage, and routing against a reference when asked. */
async function profileTables(study: Study, values: { reference?: string; 'release-dates'?: string }, bootstrap: { resamples?: number; seed?: number }): Promise<Record<string, Table>> {
  const exclude = values.reference ? [values.reference] : [];
  const tables: Record<string, Table> = {
    ipw: await ipwTable(study, { byDomain: false, bootstrap }),
    'ipw-by-domain': await ipwTable(study, { byDomain: true, bootstrap }),
    coverage: await coverage(study, { exclude }),
    'coverage-growth': await coverageGrowth(study, {
      exclude,
      releaseDates: values['release-dates'] ? loadReleaseDates(values['release-dates']) : undefined,
    }),
  };
  if (values.reference) {
    try {
      tables.routing = await oracleRouting(study, { reference: values.reference });
      tables['routing-shares'] = await routingShares(study, { reference: values.reference });
    } catch (error) {
      if (!(error instanceof MixedEnergySourcesError)) throw error;
      process.stderr.write(`ipw: routing skipped: ${error.message}\n`);
    }
  }
  return tables;
}

async function run(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      seed: { type: 'string' },
      resamples: { type: 'string' },
      reference: { type: 'string' },
      'release-dates': { type: 'string' },
      out: { type: 'string' },
      db: { type: 'string' },
      partitioned: { type: 'string' },
      ...rateOptionSpecs,
    },
  });
  const rates = rateFlags(values);
  if (positionals.length === 0) throw new Error('analyze needs one or more run folders (or globs)');
  const bootstrap = { resamples: numberFlag(values.resamples, 'resamples'), seed: numberFlag(values.seed, 'seed') };
  const study = await openStudy(positionals, { db: values.db });
  try {
    for (const warning of study.warnings) process.stderr.write(`ipw: ${warning}\n`);
    const tables: Record<string, Table> = study.runs.length > 0 ? await profileTables(study, values, bootstrap) : {};
    // Runs graded with `ipw grade --judges`: the judges' agreement and accuracy swing, shown beside the accuracy.
    const judged = judgeAgreementTable(study);
    for (const warning of judged.warnings) process.stderr.write(`ipw: ${warning}\n`);
    if (judged.table.rows.length > 0) tables['judge-agreement'] = judged.table;
    const out = process.stdout;
    if (tables.ipw && hasRates(rates)) tables.derived = await derivedTable(study, tables.ipw, rates);
    if (tables.ipw) {
      out.write(`${formatIpwTable(tables.ipw)}\n\n${formatIpwTable(tables['ipw-by-domain'] as Table)}\n\n`);
      if (tables.derived) out.write(`${formatDerivedTable(tables.derived)}\n\n`);
      if (tables['judge-agreement']) out.write(`${formatJudgeAgreement(tables['judge-agreement'])}\n\n`);
      out.write(`Local coverage (queries answered correctly by at least one local model):\n${formatTextTable(tables.coverage as Table)}\n`);
    }
    if (study.runs.length > 0 && (await hasAgentTasks(study))) {
      tables['agent-tasks'] = await agentSummary(study, { bootstrap });
      tables['agent-turns'] = await agentTurnEnergy(study);
      out.write(`\n${formatAgentTables(tables['agent-tasks'], tables['agent-turns'])}\n`);
    }
    if (tables.routing) {
      const labels = (await study.query('SELECT DISTINCT energySource, energyMethod, energyIsEstimate FROM results ORDER BY ALL')).rows;
      const estimated = labels.some((label) => label.energyIsEstimate === true);
      out.write(`\nOracle routing vs always ${values.reference}; energy${estimated ? ' (includes ESTIMATED energy: a model, not a measurement)' : ''} from:\n`);
      for (const [i, label] of labels.entries()) out.write(`  ${describeEnergyLabel(label as Partial<EnergyLabelled>, i)}\n`);
      out.write(`${formatTextTable(tables.routing)}\n`);
      out.write(`\n${formatTextTable(tables['routing-shares'] as Table)}\n`);
    }
    const summaries = studyLoadSummaries(study);
    if (summaries.length > 0) {
      tables['load-levels'] = loadLevels(summaries);
      out.write(`${tables.ipw ? '\n' : ''}Serving under load (${summaries.length} load run${summaries.length === 1 ? '' : 's'}):\n${formatLoadTable(summaries)}\n`);
    }
    if (values.out) {
      for (const [name, table] of Object.entries(tables)) await writeTableFiles(study.connection, table, values.out, name);
      out.write(`\nWrote ${Object.keys(tables).length} tables as CSV and Parquet to ${path.resolve(values.out)}\n`);
    }
    if (values.partitioned) {
      if (study.runs.length === 0) throw new Error('--partitioned writes the results of profile runs, and these folders hold load runs only');
      await study.exportPartitioned(values.partitioned);
      out.write(`Wrote results partitioned by model and accelerator to ${path.resolve(values.partitioned)}\n`);
    }
    return 0;
  } finally {
    study.close();
  }
}

export const analyzeCommand: Command = {
  usage: [
    '  ipw analyze <run folder | folder of runs | glob...>',
    '                                  print accuracy, J/query, W, IPW and IPJ with 95% CIs, and local coverage;',
    '                                  for load runs (ipw load), latency, throughput and energy per load level;',
    '                                  for runs graded with ipw grade --judges, judge kappa, accuracy swing and repeat changes;',
    '                                  for agent runs, success, J, IPW and IPJ per task, and energy per turn by KV mode',
    '      --reference MODEL           also route each query to the cheapest correct local model, else MODEL',
    '      --out DIR                   write every table as CSV and Parquet to DIR',
    '      --partitioned DIR           write all results as Parquet partitioned by model and accelerator',
    '      --release-dates FILE        model,releaseDate CSV (default data/model-release-dates.csv)',
    `      --seed N --resamples N      bootstrap seed (${BOOTSTRAP.seed}) and resamples (${BOOTSTRAP.resamples}); --db FILE keeps the DuckDB study`,
    '      cost and carbon per query and per correct answer, derived estimates (table "derived" with --out):',
    flagHelp(RATE_FLAGS),
  ].join('\n'),
  run,
};
