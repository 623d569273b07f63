import { parseArgs } from 'node:util';
import { auditRun, formatAudit, type AuditReport } from '../../analyze/index.ts';
import { numberFlag, type Command } from '../command.ts';

function tolerance(value: string | undefined, flag: string): number | undefined {
  const n = numberFlag(value, flag);
  if (n !== undefined && !(n >= 0)) throw new Error(`--${flag} expects 0 or more, got "${value}"`);
  return n;
}

/** Re-integrates each run's energy from its trace; exit 0 when every figure is within tolerance, 1 when not. */
async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, 'abs-tolerance-j': { type: 'string' }, 'rel-tolerance': { type: 'string' } },
  });
  if (positionals.length === 0) throw new Error('ipw audit needs a run folder: ipw audit runs/my-run');
  const absoluteJ = tolerance(values['abs-tolerance-j'], 'abs-tolerance-j');
  const relative = tolerance(values['rel-tolerance'], 'rel-tolerance');
  const options = { tolerance: { ...(absoluteJ !== undefined && { absoluteJ }), ...(relative !== undefined && { relative }) } };
  const reports: AuditReport[] = [];
  for (const runDir of positionals) reports.push(await auditRun(runDir, options));
  if (values.json) process.stdout.write(`${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`);
  else process.stdout.write(reports.map((r) => formatAudit(r)).join('\n'));
  return reports.every((r) => r.ok) ? 0 : 1;
}

export const auditCommand: Command = {
  usage: `  ipw audit <run folder>... [--json] [--abs-tolerance-j J] [--rel-tolerance X]
                                  re-integrate every query's energy from the run's raw trace and compare it with the
                                  stored figures; exit 1 beyond the tolerance (default 1e-6 J + 1e-6 x stored)`,
  run,
};
