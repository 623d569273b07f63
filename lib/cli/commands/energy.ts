import { parseArgs } from 'node:util';
import { EnergySampler, startEnergyServer } from '../../energy/index.ts';
import { numberFlag, type Command } from '../command.ts';
import { energyFlags, energyOptionSpecs } from '../energy-flags.ts';

/**
 * Sampling period between scrapes, ms. Each scrape takes its own fresh sample, so this only keeps wrap-around
 * counters and power integrals going while nobody scrapes, and bounds the trace the sampler keeps (3600 rows/hour).
 */
const SERVE_SAMPLE_MS = 1000;

const serveOptions = {
  ...energyOptionSpecs,
  port: { type: 'string' },
  host: { type: 'string' },
  'inject-clock-offset-ms': { type: 'string' },
  'inject-clock-drift-ppm': { type: 'string' },
} as const;

/** `ipw energy serve`: this machine's energy counters as Prometheus text, for `--energy-from prometheus:URL` elsewhere. */
async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: serveOptions });
  const port = numberFlag(values.port, 'port');
  if (port === undefined || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error('ipw energy serve needs --port N (0..65535; 0 picks a free port and prints it)');
  }
  const flags = energyFlags(values);
  let sampler: EnergySampler;
  try {
    sampler = await EnergySampler.start({ source: flags.energy ?? 'auto', ...flags.energyOptions, wattsPerCore: flags.wattsPerCore, sampleMs: flags.sampleMs ?? SERVE_SAMPLE_MS });
  } catch (error) {
    throw new Error((error as Error).message.replaceAll('raplRoot', '--rapl-root').replaceAll('nvmlLibrary', '--nvml-library').replaceAll('sampleMs', '--sample-ms'));
  }
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
    throw new Error(`cannot listen on ${values.host ?? '127.0.0.1'}:${port}: ${(error as Error).message}`);
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
  usage: `  ipw energy serve --port N [--host ADDR] [--energy SOURCE] [--rapl-root DIR] [--sample-ms MS] ...
                                  serve this machine's energy counters as Prometheus text at /metrics (and its clock at
                                  /time) for \`ipw profile --energy-from prometheus:http://HOST:N/metrics\` on another
                                  machine; listens on 127.0.0.1 unless --host says otherwise
                                  (--inject-clock-offset-ms MS, --inject-clock-drift-ppm PPM: diagnostic/test only)`,
  run,
};
