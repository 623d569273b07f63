import { parseArgs } from 'node:util';
import { capabilityReport, type DomainCapability, type SourceOptions } from '../../energy/index.ts';
import type { Command } from '../command.ts';
import { ENERGY_FLAGS, energyFlags } from '../energy-flags.ts';
import { inFlagTerms } from '../flag-terms.ts';
import { flagHelp, parseSpecs, pickFlags, type FlagSpec } from '../flags.ts';

const SOURCE_FLAGS = pickFlags(ENERGY_FLAGS, ['rapl-root', 'nvml-library', 'hwmon-root', 'gpu-index', 'gpu-uuid', 'energy-from', 'watts-per-core']);

/** Every flag of `ipw doctor`: where the sources live, and the report as JSON. */
export const DOCTOR_FLAGS = {
  json: { boolean: true, help: 'the capability report as JSON, for scripts and manifests' },
  ...SOURCE_FLAGS,
} as const satisfies Record<string, FlagSpec>;

function domainLine(d: DomainCapability): string {
  const facts = [
    d.resolutionJ !== null ? `resolution ${d.resolutionJ} J` : d.resolutionW !== null ? `power resolution ${d.resolutionW} W` : '',
    Number.isFinite(d.updatePeriodMs) ? `updates every ${d.updatePeriodMs} ms` : '',
    d.wrapJ !== null ? `wraps at ${d.wrapJ} J` : 'no wraparound',
  ].filter((f) => f !== '');
  return `${d.domain}: ${facts.join(', ')}`;
}

/**
 * Lists every energy source and its domains, available or not, with the reason and the fix (`--json`: the capability
 * report, for scripts and manifests). Exit 0 either way: an unavailable sensor is information, not an error.
 */
async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: parseSpecs(DOCTOR_FLAGS) });
  const flags = energyFlags(values);
  const options: SourceOptions = { ...flags.energyOptions, wattsPerCore: flags.wattsPerCore };
  if (flags.energyFrom !== undefined) {
    if (!flags.energyFrom.startsWith('prometheus:')) throw new Error(`--energy-from expects prometheus:URL, got "${flags.energyFrom}"`);
    options.prometheusUrl = flags.energyFrom.slice('prometheus:'.length);
  }
  const report = await capabilityReport(options);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  const out: string[] = [
    'Energy sources (--energy auto measures where the model runs: RAPL for CPU runs, NVML or amdgpu for GPU runs,',
    'powermetrics on Apple Silicon; every other available source is recorded as separate domains):',
  ];
  for (const s of report.sources) {
    out.push(`  ${s.available ? 'ok  ' : 'no  '} ${s.source.padEnd(13)} ${s.available ? `${s.method}${s.isEstimate ? ' (an estimate, never a measurement)' : ''}` : inFlagTerms(s.reason)}`);
    if (s.fix) out.push(`       ${''.padEnd(13)} fix: ${inFlagTerms(s.fix)}`);
    for (const d of s.domains) out.push(`       ${''.padEnd(13)} ${domainLine(d)}`);
  }
  const measured = report.sources.filter((s) => s.available && !s.isEstimate);
  out.push(
    '',
    measured.length > 0
      ? `Measured energy available from: ${measured.map((s) => s.source).join(', ')}.`
      : 'No hardware energy source is available here: profiles will report estimates (labelled as such), not measurements.',
  );
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

export const doctorCommand: Command = {
  usage: `  ipw doctor [options]            every energy source and domain: whether it works here, why not, the fix, and its
                                  counter's resolution, update period and wraparound
${flagHelp(DOCTOR_FLAGS)}`,
  run,
};
