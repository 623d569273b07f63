import { parseArgs } from 'node:util';
import { DEFAULT_ENERGY_SERVER_HOST, EnergySampler, startEnergyServer } from '../../energy/index.ts';
import { numberFlag, type Command } from '../command.ts';
import { ENERGY_FLAGS, energyFlags } from '../energy-flags.ts';
import { flagHelp, parseSpecs, pickFlags, type FlagSpec } from '../flags.ts';

/**
 * Sampling period between scrapes, ms. Each scrape takes its own fresh sample, so this only keeps wrap-around
 * counters and power integrals going while nobody scrapes, and bounds the trace the sampler keeps (3600 rows/hour).
 */
const SERVE_SAMPLE_MS = 1000;

const SOURCE_LOCATION_FLAGS = pickFlags(ENERGY_FLAGS, ['rapl-root', 'nvml-library', 'hwmon-root', 'gpu-index', 'gpu-uuid', 'watts-per-core']);

/** Every flag of `ipw energy serve`. */
export const SERVE_FLAGS = {
  port: { value: 'N', help: 'TCP port; 0 picks a free port and prints it' },
  host: { value: 'ADDR', help: 'address to listen on', default: DEFAULT_ENERGY_SERVER_HOST },
  energy: { value: ENERGY_FLAGS.energy.value, help: 'the source to serve; auto or unset: the first available, in the order listed' },
  ...SOURCE_LOCATION_FLAGS,
  'sample-ms': { ...ENERGY_FLAGS['sample-ms'], help: 'sampling period between scrapes, ms; each scrape takes its own fresh sample', default: SERVE_SAMPLE_MS },
  'inject-clock-offset-ms': { value: 'MS', help: 'diagnostic and test use only: shift the served clock by MS' },
  'inject-clock-drift-ppm': { value: 'PPM', help: 'diagnostic and test use only: make the served clock run PPM parts per million fast' },
} as const satisfies Record<string, FlagSpec>;

/** `ipw energy serve`: this machine's energy counters as Prometheus text, for `--energy-from prometheus:URL` elsewhere. */
async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: parseSpecs(SERVE_FLAGS) });
  const port = numberFlag(values.port, 'port');
  if (port === undefined || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error('ipw energy serve needs --port N (0..65535; 0 picks a free port and prints it)');
  }
  const flags = energyFlags(values);
  // Its errors name options (raplRoot, sampleMs); main() prints them as flags.
  const sampler = await EnergySampler.start({ source: flags.energy ?? 'auto', ...flags.energyOptions, wattsPerCore: flags.wattsPerCore, sampleMs: flags.sampleMs ?? SERVE_SAMPLE_MS });
  let server;
  try {
    server = await startEnergyServer({
      sampler,
      host: values.host,
      port,
      injectClockOffsetMs: numberFlag(values['inject-clock-offset-ms'], 'inject-clock-offset-ms'),
      injectClockDriftPpm: numberFlag(values['inject-clock-drift-ppm'], 'inject-clock-drift-ppm'),
    });
  } catch (error) {
    await sampler.stop().catch(() => undefined);
    throw new Error(`cannot listen on ${values.host ?? DEFAULT_ENERGY_SERVER_HOST}:${port}: ${(error as Error).message}`);
  }
  const { info } = sampler;
  process.stdout.write(`ipw energy serve: ${info.name}${info.isEstimate ? ' (an estimate, not a measurement)' : ''} at ${server.url} (clock at /time); Ctrl-C stops\n`);
  if (values['inject-clock-offset-ms'] !== undefined || values['inject-clock-drift-ppm'] !== undefined) {
    process.stderr.write('ipw energy serve: DIAGNOSTIC clock offset injected; do not measure with this server\n');
  }
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  await sampler.stop();
  process.stderr.write('ipw energy serve: stopped\n');
  return 0;
}

async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'serve') return serve(rest);
  throw new Error(`ipw energy expects a subcommand: serve (got ${sub === undefined ? 'none' : `"${sub}"`})`);
}

export const energyCommand: Command = {
  usage: `  ipw energy serve --port N [options]
                                  serve this machine's energy counters as Prometheus text at /metrics (and its clock at
                                  /time) for \`ipw profile --energy-from prometheus:http://HOST:N/metrics\` on another
                                  machine
${flagHelp(SERVE_FLAGS)}`,
  run,
};
