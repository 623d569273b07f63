import { parseArgs } from 'node:util';
import { DISPLAY_NAME, installKernel, kernelSpec, uninstallKernel } from '../../../kernel/install.ts';
import type { Command } from '../command.ts';

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { user: { type: 'boolean' }, prefix: { type: 'string' }, name: { type: 'string' } },
  });
  const options = { user: values.user, prefix: values.prefix, name: values.name };
  switch (positionals[0]) {
    case 'install': {
      const dir = installKernel(options);
      process.stdout.write(`Installed kernelspec "${options.name ?? 'ipw'}" (${DISPLAY_NAME}) in ${dir}\n`);
      return 0;
    }
    case 'uninstall': {
      const dir = uninstallKernel(options);
      process.stdout.write(dir === undefined ? 'No ipw kernelspec installed there.\n' : `Removed ${dir}\n`);
      return 0;
    }
    case 'spec':
      process.stdout.write(`${JSON.stringify(kernelSpec(), null, 2)}\n`);
      return 0;
    default:
      throw new Error('usage: ipw kernel install|uninstall [--user] [--prefix P] [--name N], or ipw kernel spec');
  }
}

export const kernelCommand: Command = {
  usage: `  ipw kernel install|uninstall [--user] [--prefix P]
                                  register the Jupyter kernel "IPW Lab (TypeScript)" (default: per user)`,
  run,
};
