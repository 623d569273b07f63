import type { Command } from './command.ts';
import { errorInFlagTerms } from './flag-terms.ts';
import { analyzeCommand } from './commands/analyze.ts';
import { agentCommand } from './commands/agent.ts';
import { auditCommand } from './commands/audit.ts';
import { demoCommand } from './commands/demo.ts';
import { doctorCommand } from './commands/doctor.ts';
import { energyCommand } from './commands/energy.ts';
import { fixtureModelCommand } from './commands/fixture-model.ts';
import { gradeCommand } from './commands/grade.ts';
import { kernelCommand } from './commands/kernel.ts';
import { listCommand } from './commands/list.ts';
import { loadCommand } from './commands/load.ts';
import { peakCommand } from './commands/peak.ts';
import { profileCommand } from './commands/profile.ts';
import { sweepCommand } from './commands/sweep.ts';

/** Every subcommand, by name. */
export const COMMANDS: Readonly<Record<string, Command>> = {
  profile: profileCommand,
  load: loadCommand,
  sweep: sweepCommand,
  peak: peakCommand,
  analyze: analyzeCommand,
  list: listCommand,
  'fixture-model': fixtureModelCommand,
  demo: demoCommand,
  grade: gradeCommand,
  kernel: kernelCommand,
  doctor: doctorCommand,
  energy: energyCommand,
  audit: auditCommand,
  agent: agentCommand,
};

function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => c.usage);
  return `ipw: measure intelligence per watt of local language models\n\nUsage:\n${lines.join('\n')}\n`;
}

/** `--help` or `-h` anywhere before a `--`. */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/** Runs one `ipw` command and returns the process exit code (2 for any error, with its message on stderr). */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === 'help' && args[0] !== undefined && Object.hasOwn(COMMANDS, args[0])) return main([args[0], '--help']);
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    process.stderr.write(`ipw: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  if (asksForHelp(args)) {
    process.stdout.write(`Usage:\n${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(args);
  } catch (error) {
    process.stderr.write(`ipw: ${errorInFlagTerms(error)}\n`);
    return 2;
  }
}
