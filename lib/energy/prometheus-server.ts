import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { monotonicMs } from './clock.ts';
import { IPW_ENERGY, IPW_SAMPLE_READ, IPW_SAMPLE_TIME, IPW_SOURCE_INFO, IPW_UPDATE_PERIOD } from './prometheus-series.ts';
import { formatPrometheusText, type PromFamilyOut } from './prometheus-text.ts';
import type { EnergySampler } from './sampler.ts';

/** The address `startEnergyServer` listens on when `host` is not given: this machine only. */
export const DEFAULT_ENERGY_SERVER_HOST = '127.0.0.1';

export interface EnergyServerOptions {
  /** A started sampler; the server asks it for a fresh sample at each scrape and never stops it. */
  sampler: EnergySampler;
  /** Address to listen on. Default 127.0.0.1 (DEFAULT_ENERGY_SERVER_HOST: this machine only). */
  host?: string;
  /** TCP port. Default 0: any free port (see `EnergyServer.port`). */
  port?: number;
  /**
   * Diagnostic and test use only: ms added to every CLOCK_MONOTONIC time the server gives out, to check that a
   * client corrects a clock offset. Default 0. Never set it for a measurement.
   */
  injectClockOffsetMs?: number;
  /**
   * Diagnostic and test use only: the served clock runs this many parts per million fast from the start, to check
   * that a client detects a drifting clock. Default 0. Never set it for a measurement.
   */
  injectClockDriftPpm?: number;
}

export interface EnergyServer {
  /** The metrics URL, e.g. http://127.0.0.1:9464/metrics. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The exposition `ipw energy serve` gives for the sampler's newest row: cumulative joules per domain, the
 * CLOCK_MONOTONIC time of the row (this machine's, or shifted by the injected offset), the source's update period and
 * its labels. Every sample also carries the standard wall-clock timestamp, so any Prometheus can scrape it. Pure.
 */
export function energyExposition(sampler: Pick<EnergySampler, 'info' | 'periodMs'>, row: { channelJ: number[]; servedMonotonicMs: number; readMs: number; wallMs: number }, injected: { offsetMs: number; driftPpm: number }): string {
  const { info } = sampler;
  const system = new Set(info.systemDomains ?? info.channels);
  const ts = Math.round(row.wallMs);
  const families: PromFamilyOut[] = [
    {
      name: IPW_ENERGY,
      type: 'counter',
      help: 'Energy per domain since ipw energy serve started, joules. in_total="false": inside another domain (RAPL core, uncore).',
      samples: info.channels.map((domain, c) => {
        const colon = domain.indexOf(':');
        return {
          labels: { source: colon > 0 ? domain.slice(0, colon) : info.name, channel: domain, in_total: String(system.has(domain)) },
          value: row.channelJ[c]!,
          timestampMs: ts,
        };
      }),
    },
    {
      name: IPW_SAMPLE_TIME,
      type: 'gauge',
      help: 'CLOCK_MONOTONIC of the serving machine when the counters above were read, seconds; /time gives the same clock for offset estimation.',
      samples: [{ value: row.servedMonotonicMs / 1000, timestampMs: ts }],
    },
    {
      name: IPW_SAMPLE_READ,
      type: 'gauge',
      help: 'How long reading those counters took, seconds: the uncertainty of the time above.',
      samples: [{ value: row.readMs / 1000, timestampMs: ts }],
    },
    {
      name: IPW_UPDATE_PERIOD,
      type: 'gauge',
      help: 'How often the underlying counter changes, seconds (the sampled source\'s own update period).',
      samples: [{ labels: { source: info.name }, value: info.updatePeriodMs / 1000 }],
    },
    {
      name: 'ipw_energy_sample_period_seconds',
      type: 'gauge',
      help: 'Sampling period of ipw energy serve between scrapes, seconds; each scrape also takes a fresh sample.',
      samples: [{ value: sampler.periodMs / 1000 }],
    },
    {
      name: IPW_SOURCE_INFO,
      type: 'gauge',
      help: 'The energy source sampled and how its joules are obtained (estimate="true": a model, not a measurement).',
      samples: [{ labels: { source: info.name, measure: info.measure, estimate: String(info.isEstimate), method: info.method }, value: 1 }],
    },
  ];
  if (injected.offsetMs !== 0 || injected.driftPpm !== 0) {
    families.push({
      name: 'ipw_energy_injected_clock_offset_seconds',
      type: 'gauge',
      help: 'DIAGNOSTIC: a clock offset injected into the times above (the server injectClockOffsetMs and injectClockDriftPpm options); never set for a measurement.',
      samples: [{ labels: { drift_ppm: String(injected.driftPpm) }, value: injected.offsetMs / 1000 }],
    });
  }
  return formatPrometheusText(families);
}

/** Serves the sampler's counters at /metrics and its clock at /time until `close()`. */
export async function startEnergyServer(options: EnergyServerOptions): Promise<EnergyServer> {
  const { sampler } = options;
  const injected = { offsetMs: options.injectClockOffsetMs ?? 0, driftPpm: options.injectClockDriftPpm ?? 0 };
  const startMs = monotonicMs();
  const served = (monoMs: number): number => monoMs + injected.offsetMs + ((monoMs - startMs) * injected.driftPpm) / 1e6;

  const metrics = async (): Promise<string> => {
    await sampler.settle(sampler.mark());
    const trace = sampler.trace;
    const i = trace.length - 1;
    const sampleMonoMs = trace.timeMs[i]! + sampler.clockOffsetMs;
    return energyExposition(
      sampler,
      { channelJ: trace.channelJ.map((column) => column[i]!), servedMonotonicMs: served(sampleMonoMs), readMs: trace.readMs[i]!, wallMs: Date.now() - (monotonicMs() - sampleMonoMs) },
      injected,
    );
  };

  const server = http.createServer((request, response) => {
    const receiveMs = served(monotonicMs());
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const send = (status: number, body: string): void => {
      response.writeHead(status, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
      response.end(body);
    };
    if (request.method !== 'GET') return send(405, 'GET only\n');
    if (path === '/time') {
      const transmitMs = served(monotonicMs());
      return send(200, `ipw_clock_receive_monotonic_seconds ${receiveMs / 1000}\nipw_clock_transmit_monotonic_seconds ${transmitMs / 1000}\n`);
    }
    if (path === '/metrics') {
      metrics().then(
        (text) => send(200, text),
        (error: Error) => send(500, `ipw energy serve: sampling ${sampler.info.name} failed: ${error.message}\n`),
      );
      return;
    }
    send(404, 'ipw energy serve: energy counters at /metrics, this machine\'s CLOCK_MONOTONIC at /time\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? DEFAULT_ENERGY_SERVER_HOST, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}/metrics`,
    port: address.port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
