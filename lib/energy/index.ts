export type { ChannelCounter, EnergyMeasure, EnergyReading, EnergySource, EnergySourceName, EnergyWindow, MeasuredWindow, SourceStatus, WindowFlag } from './types.ts';
export { SourceUnavailableError } from './types.ts';
export { DEFAULT_WATTS_PER_CORE, openEstimatedSource, type EstimatedSourceOptions } from './estimated.ts';
export { EnergyMeter, combineWindows, windowBetween } from './window.ts';
export {
  SOURCE_NAMES,
  listEnergySources,
  openEnergySource,
  openNamedSource,
  probeEnergySources,
  resolveSourceName,
  type OpenSourceOptions,
  type SourceOptions,
} from './sources.ts';
export { crossCheck, energyAt, measureWindow, unattributedEnergyJ, type CrossCheck, type TraceColumns, type WindowContext } from './attribution.ts';
export { counterDelta, maxReadIntervalMs, WrappingCounter } from './wrap.ts';
export { monotonicMs, monotonicOffsetMs } from './clock.ts';
export { THREAD_NAMES, nameThisThread } from './thread-name.ts';
export { DEFAULT_SAMPLE_MS, EnergySampler, type SamplerOptions, type SamplerStats } from './sampler.ts';
export type { SourceInfo } from './sampler-protocol.ts';
export { PowerTrace, readPowerTrace, recoverPowerTraces } from './trace.ts';
export { DEFAULT_RAPL_ROOT, RAPL_PERMISSION_FIX, planZones, type RaplZone } from './rapl.ts';
export { DEFAULT_NVML_LIBRARY } from './nvml.ts';
export { DEFAULT_HWMON_ROOT } from './amd-gpu.ts';
export { parsePlist, type PlistValue } from './plist.ts';
export { parsePowermetricsSample, splitPlistStream, type PowermetricsSample } from './powermetrics.ts';
export { openPrometheusSource, type Placement, type PrometheusOptions, type PrometheusReport, type PrometheusSource } from './prometheus.ts';
export { parsePrometheusText, PrometheusParseError, type PromDocument, type PromSample } from './prometheus-text.ts';
export { DEFAULT_ENERGY_SERVER_HOST, startEnergyServer, type EnergyServer, type EnergyServerOptions } from './prometheus-server.ts';
export { DEFAULT_BASELINE_S, EnergySession, type EnergySessionOptions, type EnergyReport, type IdleBaseline, type QueryEnergy } from './session.ts';
export { planDomains, type DomainPlan, type DomainRequest } from './domains.ts';
export { findListeningPid, isLoopbackHost } from './loopback.ts';
export { capabilityReport, describeSource, type CapabilityReport, type DomainCapability, type SourceCapability } from './capability.ts';
export {
  DEFAULT_BUSY_CORES,
  DEFAULT_GPU_BUSY_PCT,
  DEFAULT_IDLE_RISE_FRACTION,
  DEFAULT_IDLE_RISE_W,
  Preflight,
  cpuVerdict,
  foreignCpuLoad,
  gpuVerdict,
  idlePowerVerdict,
  openNvmlLoadProbe,
  type ForeignCpuLoad,
  type GpuLoad,
  type GpuLoadProbe,
  type IdlePowerCheck,
  type PreflightOptions,
  type PreflightReading,
} from './preflight.ts';
