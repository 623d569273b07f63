import { parseArgs } from 'node:util';
import { prepareFixtureModel } from '../../profile/index.ts';
import { numberFlag, type Command } from '../command.ts';

async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      queries: { type: 'string' },
      correct: { type: 'string' },
      seed: { type: 'string' },
      bench: { type: 'string' },
      type: { type: 'string' },
    },
  });
  const fixture = await prepareFixtureModel({
    outPath: values.out,
    queries: values.queries,
    correctFraction: numberFlag(values.correct, 'correct'),
    seed: numberFlag(values.seed, 'seed'),
    bench: values.bench as 'small' | 'medium' | undefined,
    type: values.type as 'f16' | 'q8_0' | undefined,
  });
  process.stdout.write(`${fixture.modelPath}\n`);
  return 0;
}

export const fixtureModelCommand: Command = {
  usage: `  ipw fixture-model [--out file.gguf] [--queries sample] [--correct 0.6] [--seed 1]
                    [--bench small|medium --type f16|q8_0]
                                  write a generated GGUF model (no download)`,
  run,
};
