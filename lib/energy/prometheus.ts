import { monotonicMs, monotonicOffsetMs } from './clock.ts';
import { bestOffset, judgeClock, type ClockEstimate, type ClockRound, type ClockVerdict } from './prometheus-clock.ts';
import { IPW_SAMPLE_READ, IPW_SAMPLE_TIME, planSeries, seriesKey, type EnergySeries, type SeriesPlan } from './prometheus-series.ts';
import { parsePrometheusText, type PromDocument, type PromSample } from './prometheus-text.ts';
import { SyncHttpClient, type SyncResponse } from './sync-http.ts';
import { SourceUnavailableError, type EnergyReading, type EnergySource, type SampleRow } from './types.ts';

export interface PrometheusOptions {
  /**
   * The serving machine's metrics URL: node_exporter with its rapl collector, dcgm-exporter, Kepler, or
   * `ipw energy serve` (e.g. `http://gpu-box:9100/metrics`). Required by the `prometheus` source; no default.
   */
  prometheusUrl?: string;
  /** How long one scrape may take, ms. Default 2000. */
  prometheusTimeoutMs?: number;
  /** The exporter's update period, ms, when you know it better than the documented defaults (EXPORTER_UPDATE_PERIOD_MS). */
  prometheusUpdatePeriodMs?: number;
  /** How far the serving machine's clock may move against ours during a run before it counts as bad, ms. Default 5. */
  prometheusClockToleranceMs?: number;
}

export const DEFAULT_PROMETHEUS_TIMEOUT_MS = 2000;
export const DEFAULT_CLOCK_TOLERANCE_MS = 5;
/** Round trips per clock-offset estimate; the one with the smallest delay is kept. */
export const CLOCK_ROUNDS = 16;

/**
 * Where a scrape's values are placed on this machine's clock:
 * - `server-clock`: `ipw energy serve` stamps each sample with its CLOCK_MONOTONIC; minus the NTP-style offset;
 * - `exporter-timestamp`: the exposition's own timestamps (wall clock), through this machine's wall clock, which
 *   assumes both machines' wall clocks are synchronised (NTP);
 * - `request-midpoint`: no timestamps (node_exporter, dcgm-exporter, Kepler): halfway through the request.
 */
export type Placement = 'server-clock' | 'exporter-timestamp' | 'request-midpoint';

/** What a run learned about the exporter and the serving machine's clock: for the run manifest. */
export interface PrometheusReport {
  url: string;
  exporters: string[];
  placement: Placement;
  scrapes: number;
  /** Counters that went down (a reset, or a wrap the exporter did not unwrap) and were continued from zero. */
  counterResets: number;
  /** `server-clock` only: the offset at open, at the end (after `checkClock()` or `close()`), and the verdict. */
  clockStart?: ClockEstimate;
  clockEnd?: ClockEstimate;
  clock?: ClockVerdict;
  /** Everything that makes the figures less trustworthy, in words; empty when nothing did. */
  problems: string[];
}

/** The `prometheus` energy source, plus the clock facts it gathers. */
export interface PrometheusSource extends EnergySource {
  /** Measures the clock offset again now (`ipw energy serve` only) and returns the report; `close()` does it too. */
  checkClock(): PrometheusReport;
  report(): PrometheusReport;
}

const unavailableFix = (url: string): string =>
  `start the exporter on the serving machine (prometheus-node-exporter --collector.rapl, dcgm-exporter, Kepler, or ` +
  `\`ipw energy serve\`) and check that this machine reaches it (\`curl ${url}\`); or set prometheusUrl to the right address`;

function checkUrl(url: string | undefined): string {
  if (url === undefined || url === '') {
    throw new SourceUnavailableError('prometheus', 'no exporter URL was given', 'set prometheusUrl to the serving machine\'s metrics URL, e.g. http://gpu-box:9100/metrics');
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SourceUnavailableError('prometheus', `prometheusUrl "${url}" is not a URL`, 'give an http:// or https:// URL, e.g. http://gpu-box:9100/metrics');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new SourceUnavailableError('prometheus', `prometheusUrl "${url}" is not http or https`, 'give an http:// or https:// URL, e.g. http://gpu-box:9100/metrics');
  }
  return parsed.href;
}

/** A scrape's body, or an Error saying what the exporter answered. */
function scrape(client: SyncHttpClient, url: string, timeoutMs: number): { response: SyncResponse; doc: PromDocument } {
  const response = client.get(url, timeoutMs);
  if (response.status !== 200) throw new Error(`${url} answered HTTP ${response.status}: ${response.body.split('\n')[0]!.slice(0, 200)}`);
  return { response, doc: parsePrometheusText(response.body) };
}

/** One NTP-style estimate against `ipw energy serve`'s /time. */
function measureOffset(client: SyncHttpClient, timeUrl: string, timeoutMs: number): ClockEstimate {
  const rounds: ClockRound[] = [];
  for (let i = 0; i < CLOCK_ROUNDS; i++) {
    const { response, doc } = scrape(client, timeUrl, timeoutMs);
    const receive = doc.samples.find((s) => s.name === 'ipw_clock_receive_monotonic_seconds');
    const transmit = doc.samples.find((s) => s.name === 'ipw_clock_transmit_monotonic_seconds');
    if (!receive || !transmit) throw new Error(`${timeUrl} did not give ipw_clock_receive/transmit_monotonic_seconds`);
    rounds.push({ sentMs: response.sentMs, receivedMs: response.receivedMs, serverReceiveMs: receive.value * 1000, serverTransmitMs: transmit.value * 1000 });
  }
  return bestOffset(rounds);
}

/**
 * This machine's wall clock (Unix ms) minus its CLOCK_MONOTONIC (ms): the tightest of three brackets, and half a
 * millisecond added because Date.now() truncates.
 */
export function wallMinusMonotonicMs(): number {
  let tightestMs = Infinity;
  let differenceMs = 0;
  for (let i = 0; i < 3; i++) {
    const before = monotonicMs();
    const wall = Date.now();
    const after = monotonicMs();
    if (after - before < tightestMs) {
      tightestMs = after - before;
      differenceMs = wall + 0.5 - (before + after) / 2;
    }
  }
  return differenceMs;
}

/** The samples of `doc` that `series` name, by key; throws naming the first one missing or NaN. */
function lookUp(doc: PromDocument, series: readonly EnergySeries[], url: string): PromSample[] {
  const labelsOf = new Map(series.map((s) => [s.key.slice(0, s.key.indexOf('{')), s.keyLabels]));
  const byKey = new Map<string, PromSample>();
  for (const sample of doc.samples) {
    const keyLabels = labelsOf.get(sample.name);
    if (keyLabels) byKey.set(seriesKey(sample, keyLabels), sample);
  }
  return series.map((s) => {
    const sample = byKey.get(s.key);
    if (!sample) throw new Error(`${url} no longer serves ${s.key} (channel ${s.channel})`);
    if (!Number.isFinite(sample.value)) throw new Error(`${url} serves ${s.key} = ${sample.value}: the counter is unavailable`);
    return sample;
  });
}

/**
 * Reads a serving machine's energy counters over Prometheus exposition text. Each read is one scrape, made
 * synchronously through a fetch thread (sync-http.ts), so it works on the sampler thread like a local counter.
 * Opening scrapes once to choose the series (prometheus-series.ts) and, against `ipw energy serve`, estimates the
 * clock offset. Throws SourceUnavailableError naming the URL when the exporter cannot be read.
 */
export function openPrometheusSource(options: PrometheusOptions = {}): PrometheusSource {
  const url = checkUrl(options.prometheusUrl);
  const client = new SyncHttpClient();
  try {
    return openWith(client, url, options);
  } catch (error) {
    void client.close();
    throw error;
  }
}

function openWith(client: SyncHttpClient, url: string, options: PrometheusOptions): PrometheusSource {
  const timeoutMs = options.prometheusTimeoutMs ?? DEFAULT_PROMETHEUS_TIMEOUT_MS;
  const toleranceMs = options.prometheusClockToleranceMs ?? DEFAULT_CLOCK_TOLERANCE_MS;
  let first: { response: SyncResponse; doc: PromDocument };
  try {
    first = scrape(client, url, timeoutMs);
  } catch (error) {
    throw new SourceUnavailableError('prometheus', `cannot scrape ${url}: ${(error as Error).message}`, unavailableFix(url));
  }
  const plan: SeriesPlan = planSeries(first.doc);
  if (plan.series.length === 0) {
    throw new SourceUnavailableError(
      'prometheus',
      `${url} serves no energy counter IPW Lab knows (node_rapl_*_joules_total, DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION, kepler_node_*_joules_total, ipw_energy_joules_total)`,
      'enable node_exporter\'s rapl collector (`node_exporter --collector.rapl`), add DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION to dcgm-exporter\'s counters, or run `ipw energy serve` on the serving machine',
    );
  }
  const series = plan.series;
  const isIpw = plan.exporters.includes('ipw');
  const firstSamples = lookUp(first.doc, series, url);
  const placement: Placement = isIpw ? 'server-clock' : firstSamples.every((s) => s.timestampMs !== null) ? 'exporter-timestamp' : 'request-midpoint';
  const timeUrl = new URL('/time', url).href;
  let clockStart: ClockEstimate | undefined;
  if (isIpw) {
    if (!firstSamples.length || !first.doc.samples.some((s) => s.name === IPW_SAMPLE_TIME)) {
      throw new SourceUnavailableError('prometheus', `${url} serves ipw_energy_joules_total without ${IPW_SAMPLE_TIME}`, 'run the same IPW Lab version on both machines');
    }
    try {
      clockStart = measureOffset(client, timeUrl, timeoutMs);
    } catch (error) {
      throw new SourceUnavailableError('prometheus', `cannot measure the clock offset against ${timeUrl}: ${(error as Error).message}`, unavailableFix(url));
    }
  }

  const report: PrometheusReport = { url, exporters: [...plan.exporters], placement, scrapes: 0, counterResets: 0, clockStart, problems: [] };
  const firstRaw = firstSamples.map((s) => s.value);
  const lastRaw = [...firstRaw];
  const resetBase = firstRaw.map(() => 0);
  const bracket = new Float64Array(2);
  let maxExcursionMs = 0;
  let lastPlacedMs = -Infinity;

  /** Places the scrape on our CLOCK_MONOTONIC and checks it against the request; writes `bracket`. */
  const place = (doc: PromDocument, samples: PromSample[], response: SyncResponse): void => {
    let atMs: number;
    let halfWidthMs: number;
    if (placement === 'server-clock') {
      const stamp = doc.samples.find((s) => s.name === IPW_SAMPLE_TIME);
      if (!stamp) throw new Error(`${url} stopped serving ${IPW_SAMPLE_TIME}`);
      atMs = stamp.value * 1000 - clockStart!.offsetMs;
      // The offset's uncertainty plus the time the server took to read its counters.
      const serverReadMs = (doc.samples.find((s) => s.name === IPW_SAMPLE_READ)?.value ?? 0) * 1000;
      halfWidthMs = (clockStart!.delayMs + serverReadMs) / 2;
    } else if (placement === 'exporter-timestamp') {
      if (samples.some((s) => s.timestampMs === null)) throw new Error(`${url} stopped giving timestamps with its energy counters`);
      atMs = Math.max(...samples.map((s) => s.timestampMs!)) - wallMinusMonotonicMs();
      halfWidthMs = 0.5; // the format's millisecond resolution
    } else {
      atMs = (response.sentMs + response.receivedMs) / 2;
      halfWidthMs = (response.receivedMs - response.sentMs) / 2;
    }
    // The server samples while it handles the request, so its sample must lie inside the request: how far it falls
    // outside shows how far the clock offset has moved since it was measured. Old exporter timestamps are
    // legitimate (a cached value), so for them only the future is checked.
    const excursionMs = placement === 'server-clock' ? Math.max(response.sentMs - atMs, atMs - response.receivedMs, 0) : placement === 'exporter-timestamp' ? Math.max(atMs - response.receivedMs, 0) : 0;
    maxExcursionMs = Math.max(maxExcursionMs, excursionMs);
    // The offset itself is known to half its round trip's delay; only what lies beyond that is the clock's doing.
    if (excursionMs > toleranceMs + (clockStart?.delayMs ?? 0) / 2) {
      const what = placement === 'server-clock' ? `${url}'s sample time, corrected by the clock offset measured at open (${clockStart!.offsetMs.toFixed(3)} ms)` : `${url}'s timestamp`;
      throw new Error(
        `bad clock: ${what} lies ${excursionMs.toFixed(3)} ms outside the request that fetched it (tolerance ${toleranceMs} ms): ` +
          `the serving machine's clock jumped or drifts against ours. Synchronise its clock (chrony/NTP) and measure again, or raise prometheusClockToleranceMs`,
      );
    }
    if (atMs < lastPlacedMs) throw new Error(`${url}: a sample placed at ${atMs} ms precedes the previous one (${lastPlacedMs} ms); the exporter's clock went back`);
    lastPlacedMs = atMs;
    bracket[0] = atMs - halfWidthMs;
    bracket[1] = atMs + halfWidthMs;
  };

  const readInto = (out: SampleRow): void => {
    let scraped: { response: SyncResponse; doc: PromDocument };
    try {
      scraped = scrape(client, url, timeoutMs);
    } catch (error) {
      throw new Error(`scraping ${url} failed: ${(error as Error).message}`);
    }
    report.scrapes++;
    const samples = lookUp(scraped.doc, series, url);
    let totalJ = 0;
    for (let i = 0; i < series.length; i++) {
      const raw = samples[i]!.value;
      if (raw < lastRaw[i]!) {
        // ipw energy serve's counters only restart with the server; any other exporter's may wrap (node_exporter does
        // not unwrap RAPL) or reset, which Prometheus reads as a restart from zero.
        if (isIpw) throw new Error(`${url}'s counter ${series[i]!.channel} went back from ${lastRaw[i]} to ${raw} J: ipw energy serve restarted during the run`);
        resetBase[i]! += lastRaw[i]!;
        report.counterResets++;
        const problem = `counter ${series[i]!.channel} went down (a reset or an unwrapped wrap); continued from zero, so the energy between the last two scrapes before it is lost`;
        if (!report.problems.includes(problem)) report.problems.push(problem);
      }
      lastRaw[i] = raw;
      const joules = (resetBase[i]! + raw - firstRaw[i]!) * series[i]!.toJ;
      out[2 + i] = joules;
      totalJ += joules;
    }
    out[0] = totalJ;
    out[1] = NaN;
    place(scraped.doc, samples, scraped.response);
  };

  let closed = false;
  const checkClock = (): PrometheusReport => {
    if (clockStart && !closed) {
      try {
        report.clockEnd = measureOffset(client, timeUrl, timeoutMs);
      } catch (error) {
        const problem = `the clock offset could not be measured again at the end: ${(error as Error).message}`;
        if (!report.problems.includes(problem)) report.problems.push(problem);
      }
    }
    return snapshot();
  };
  const snapshot = (): PrometheusReport => {
    const copy: PrometheusReport = { ...report, exporters: [...report.exporters], problems: [...report.problems] };
    if (clockStart) {
      copy.clock = judgeClock(clockStart, report.clockEnd, maxExcursionMs, toleranceMs);
      copy.problems.push(...copy.clock.problems.map((p) => `bad clock: ${p}`));
    }
    return copy;
  };

  const updatePeriodMs = options.prometheusUpdatePeriodMs ?? plan.updatePeriodMs;
  const updatePeriodBasis = options.prometheusUpdatePeriodMs !== undefined ? 'given as prometheusUpdatePeriodMs' : plan.updatePeriodBasis;
  const exporters = plan.exporters.join(' + ');
  const where =
    placement === 'server-clock'
      ? `samples placed by the server's CLOCK_MONOTONIC stamps minus a clock offset of ${clockStart!.offsetMs.toFixed(3)} ms ` +
        `(+-${(clockStart!.delayMs / 2).toFixed(3)} ms, NTP-style, best of ${CLOCK_ROUNDS} round trips)`
      : placement === 'exporter-timestamp'
        ? `samples placed by the exporter's timestamps (assumes synchronised wall clocks)`
        : 'samples placed at the midpoint of each scrape';
  const what = isIpw ? `ipw energy serve (remote ${plan.remote!.source}: ${plan.remote!.method})` : `${exporters}: ${series.map((s) => s.text).join(', ')}`;
  const channels = series.map((s) => s.channel);
  const details: Record<string, string | number> = {
    url,
    exporters,
    placement,
    updatePeriodBasis,
    counted: channels.join(','),
    clockToleranceMs: toleranceMs,
    ...Object.fromEntries(series.map((s) => [`series:${s.channel}`, s.text])),
  };
  if (plan.skipped.length > 0) details.skipped = plan.skipped.join('; ');
  if (plan.remote) Object.assign(details, { remoteSource: plan.remote.source, remoteMethod: plan.remote.method });
  if (clockStart) Object.assign(details, { clockOffsetMs: clockStart.offsetMs, clockDelayMs: clockStart.delayMs, clockRounds: clockStart.rounds });

  place(first.doc, firstSamples, first.response);
  const row = new Float64Array(2 + channels.length);
  const monotonicToNowMs = monotonicOffsetMs();
  return {
    name: 'prometheus',
    measure: plan.measure,
    method: `${plan.measure}: Prometheus scrape of ${url}, ${what}; ${where}`,
    isEstimate: plan.isEstimate,
    updatePeriodMs,
    channels,
    details,
    valueBracketMs: bracket,
    readInto,
    // Stamped where the values were true (the bracket), not when the answer arrived.
    read(): EnergyReading {
      readInto(row);
      return { timeMs: (bracket[0]! + bracket[1]!) / 2 - monotonicToNowMs, energyJ: row[0]! };
    },
    checkClock,
    report: snapshot,
    async close() {
      if (closed) return;
      checkClock();
      closed = true;
      await client.close();
    },
  };
}
