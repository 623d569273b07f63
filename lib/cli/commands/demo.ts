import { BOOTSTRAP, formatTable, summarize } from '../../metrics/index.ts';
import { DEMO_QUERY_COUNT, prepareFixtureModel, profile } from '../../profile/index.ts';
import { interruptSignal, type Command } from '../command.ts';
import { phaseReporter, progressReporter } from '../progress.ts';

async function run(): Promise<number> {
  process.stderr.write(`ipw demo: generating the tiny fixture model and profiling it on ${DEMO_QUERY_COUNT} sample queries\n`);
  const fixture = await prepareFixtureModel({});
  const result = await profile({
    model: fixture.modelPath,
    queries: fixture.queries,
    outDir: `runs/demo-${new Date().toISOString().replace(/[:.]/g, '-')}`,
    maxTokens: 16,
    threads: 1,
    gpu: false,
    signal: interruptSignal(),
    onPhase: phaseReporter(),
    onProgress: progressReporter(),
  });
  for (const warning of result.warnings) process.stderr.write(`ipw: ${warning}\n`);
  process.stdout.write(`\n${formatTable(summarize(result.results, { groupBy: ['model', 'accelerator'], bootstrap: BOOTSTRAP }))}\n\n`);
  process.stdout.write(`${formatTable(result.summary)}\n`);
  process.stdout.write(`\nThe fixture model was built to answer ${fixture.expectedCorrect} of ${fixture.queries.length} queries correctly.\n`);
  const energy = result.energy;
  const kind = energy.isEstimate ? 'an estimate, not a measurement' : 'measured';
  process.stdout.write(`Energy: ${energy.primaryDomains.join(' + ')}, ${kind} (${energy.method}). Results: ${result.runDir}\n`);
  return 0;
}

export const demoCommand: Command = {
  usage: `  ipw demo                        profile the generated tiny model on the sample set`,
  run,
};
