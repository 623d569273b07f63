import { parseArgs } from 'node:util';
import { formatTable, summarize } from '../../metrics/index.ts';
import { readResults } from '../../store/index.ts';
import { numberFlag, type Command } from '../command.ts';

async function run(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { seed: { type: 'string' } } });
  if (positionals.length === 0) throw new Error('analyze needs one or more run folders');
  const rows = (await Promise.all(positionals.map((dir) => readResults(dir)))).flat();
  const bootstrap = { resamples: 1000, seed: numberFlag(values.seed, 'seed') ?? 0, confidence: 0.95 };
  process.stdout.write(`${formatTable(summarize(rows, { groupBy: ['model', 'accelerator'], bootstrap }))}\n\n`);
  process.stdout.write(`${formatTable(summarize(rows, { groupBy: ['model', 'accelerator', 'domain'], bootstrap }))}\n`);
  return 0;
}

export const analyzeCommand: Command = {
  usage: `  ipw analyze <run folder...>     print accuracy, J/query, W, IPW and IPJ with 95% CIs`,
  run,
};
