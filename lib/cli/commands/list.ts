import { listEnergySources } from '../../energy/index.ts';
import { GRADERS } from '../../grade/index.ts';
import { RECIPES, listDatasets } from '../../queries/index.ts';
import type { Command } from '../command.ts';

async function run(): Promise<number> {
  const out: string[] = ['Datasets:'];
  for (const d of await listDatasets()) out.push(`  ${d.name.padEnd(12)} ${d.queries} queries  ${JSON.stringify(d.domains)}`);
  out.push('', 'Recipes (--recipe):');
  for (const [name, description] of Object.entries(RECIPES)) out.push(`  ${name.padEnd(18)} ${description}`);
  out.push('', 'Graders:');
  for (const [name, description] of Object.entries(GRADERS)) out.push(`  ${name.padEnd(8)} ${description}`);
  out.push('', 'Energy sources (--energy):');
  for (const s of listEnergySources()) out.push(`  ${s.name.padEnd(13)} ${s.available ? 'available  ' : 'unavailable'} ${s.detail}`);
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

export const listCommand: Command = {
  usage: `  ipw list                        datasets, recipes, graders and energy sources`,
  run,
};
