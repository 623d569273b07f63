import { parseArgs } from 'node:util';
import { probeEnergySources } from '../../energy/index.ts';
import type { Command } from '../command.ts';
import { energyFlags, energyOptionSpecs } from '../energy-flags.ts';

/** Lists every energy source, available or not, with the reason and the fix; exit 0 when a measured source works. */
async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { ...energyOptionSpecs } });
  const flags = energyFlags(values);
  const statuses = await probeEnergySources({ ...flags.energyOptions, wattsPerCore: flags.wattsPerCore });
  const out: string[] = ['Energy sources (first available is used by --energy auto):'];
  for (const s of statuses) {
    out.push(`  ${s.available ? 'ok  ' : 'no  '} ${s.name.padEnd(13)} ${s.detail}`);
    if (s.fix) out.push(`       ${''.padEnd(13)} fix: ${s.fix}`);
  }
  const measured = statuses.filter((s) => s.available && s.name !== 'estimated');
  out.push(
    '',
    measured.length > 0
      ? `Measured energy available from: ${measured.map((s) => s.name).join(', ')}.`
      : 'No hardware energy source is available here: profiles will report estimates (labelled as such), not measurements.',
  );
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

export const doctorCommand: Command = {
  usage: `  ipw doctor [--rapl-root DIR] [--nvml-library PATH] [--hwmon-root DIR] [--gpu-index N | --gpu-uuid ID]
                                  every energy source, whether it works here, why not, and the fix`,
  run,
};
