import { parseArgs } from 'node:util';
import {
  DEFAULT_NOISE_CV, formatEfficiencyTable, formatPlan, formatRepetitionTable, formatSweepTable, repetitionRows, sweep, type CellEvent,
} from '../../sweep/index.ts';
import { OptionError } from '../../errors/index.ts';
import { interruptSignal, numberFlag, type Command } from '../command.ts';
import { errorInFlagTerms } from '../flag-terms.ts';
import { flagHelp } from '../flags.ts';
import { progressReporter } from '../progress.ts';
import { PEAK_FLAGS, RATE_FLAGS, peakFlags, peakOptionSpecs, rateFlags, rateOptionSpecs } from '../rate-flags.ts';

function cellLine(event: CellEvent): string {
  const where = `cell ${event.position}/${event.of} ${event.cell.name}`;
  switch (event.state) {
    case 'start':
      return `${where}: starting`;
    case 'resume':
      return `${where}: resuming from its journal`;
    case 'restart':
      return `${where}: unfinished load test moved to ${event.movedTo}; running it again from the start`;
    case 'skipped':
      return `${where}: complete, skipped`;
    case 'done':
      return `${where}: done`;
    case 'interrupted':
      return `${where}: interrupted; run the same command again to resume`;
    case 'failed':
      return `${where}: FAILED: ${event.error}`;
  }
}

async function runSweep(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      shard: { type: 'string' },
      'dry-run': { type: 'boolean' },
      ...peakOptionSpecs,
      ...rateOptionSpecs,
      'noise-cv': { type: 'string' },
    },
  });
  const noiseCv = numberFlag(values['noise-cv'], 'noise-cv') ?? DEFAULT_NOISE_CV;
  const { peaks, peakCacheFile } = peakFlags(values);
  const efficiency = { ...peaks, ...rateFlags(values) };
  if (positionals.length !== 1) throw new Error('sweep needs one spec file: ipw sweep SPEC.yaml [--out DIR] [--shard K/N] [--dry-run]');
  const dryRun = values['dry-run'] ?? false;
  let report: ReturnType<typeof progressReporter> | undefined;
  const result = await sweep({
    spec: positionals[0]!,
    outDir: values.out,
    shard: values.shard,
    dryRun,
    signal: dryRun ? undefined : interruptSignal(),
    onCell: (event) => {
      if (event.state === 'start' || event.state === 'resume') report = progressReporter();
      process.stderr.write(`ipw: ${cellLine(event)}\n`);
      for (const warning of event.result?.warnings ?? event.load?.summary.warnings ?? []) process.stderr.write(`ipw: ${event.cell.name}: ${warning}\n`);
    },
    onWarning: (message) => process.stderr.write(`ipw: warning: ${message}\n`),
    onProgress: (_cell, progress) => report?.(progress),
    efficiency,
    peakCacheFile,
  });
  if (dryRun) {
    for (const warning of result.warnings) process.stderr.write(`ipw: warning: ${warning}\n`);
    process.stdout.write(`${formatPlan(result.plan)}\n`);
    return 0;
  }
  process.stdout.write(`${formatSweepTable(result.table)}\n`);
  const repeated = formatRepetitionTable(repetitionRows(result.table, noiseCv), noiseCv);
  if (repeated !== '') process.stdout.write(`\n${repeated}\n`);
  const derived = formatEfficiencyTable(result.table);
  if (derived !== '') process.stdout.write(`\n${derived}\n`);
  if (result.failed.length > 0) {
    process.stderr.write(`ipw: ${result.failed.length} cell(s) failed: ${result.failed.map((f) => f.cell).join(', ')}; fix the cause and run the same command again\n`);
    return 1;
  }
  const left = result.plan.cells.filter((c) => c.inShard && c.status !== 'complete').length;
  process.stdout.write(result.complete ? `sweep: ${result.plan.outDir} (${result.plan.shardText} complete)\n` : `sweep interrupted with ${left} cell(s) of ${result.plan.shardText} left; run the same command again to resume\n`);
  return result.complete ? 0 : 130;
}

/**
 * A sweep's errors are about its spec file (axes.threads, options.maxTokens), not about flags, so they are reported
 * as the library words them rather than translated into flag names like profile's.
 */
async function run(args: string[]): Promise<number> {
  try {
    return await runSweep(args);
  } catch (error) {
    // A rate or peak is a flag here: its error names the flag. The rest are about the spec file.
    process.stderr.write(`ipw: ${error instanceof OptionError ? errorInFlagTerms(error) : (error as Error).message}\n`);
    return 2;
  }
}

export const sweepCommand: Command = {
  usage: `  ipw sweep SPEC.(yaml|json) [--out DIR] [--shard K/N] [--dry-run]
      a grid of profile runs: one run folder per cell (models x threads x gpu x gpu layers x context x max tokens
      x ..., repeated), named from its coordinates, under one sweep folder with sweep.json (see docs/sweeps.md);
      with a loadLevel axis, each cell is a load test (a load run folder) at that concurrency or rate.
      Run the same command again to resume: complete cells are skipped, a partial one continues its journal.
      --out DIR              the sweep folder (default: the spec's out, else sweeps/<name>)
      --shard K/N            run shard K of N (from 1) of the cells; default from SLURM_ARRAY_TASK_ID/COUNT, or
                             JOB_COMPLETION_INDEX with IPW_SHARD_COUNT (Kubernetes Indexed Jobs), else all
      --dry-run              list the cells, their state and estimated time left from measured cells; run nothing
      --noise-cv X           flag configurations whose repetitions vary more than X of their mean (default 0.05)
${flagHelp(PEAK_FLAGS)}
${flagHelp(RATE_FLAGS)}`,
  run,
};
