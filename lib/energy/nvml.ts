import { PowerIntegrator } from './integrate.ts';
import { monotonicMs } from './clock.ts';
import { NVML_ERROR_DRIVER_NOT_LOADED, NVML_ERROR_NOT_SUPPORTED, NVML_SUCCESS, bindNvml, type NvmlBinding } from './nvml-binding.ts';
import { readDevicesInto, totalReader, type MeteredDevice } from './source-read.ts';
import { SourceUnavailableError, type EnergySource, type SampleRow } from './types.ts';

export const DEFAULT_NVML_LIBRARY = 'libnvidia-ml.so.1';
/**
 * NVML documents no update rate for the total-energy counter; it is observed to move every few to tens of ms
 * depending on the GPU, and power readings on recent GPUs are ~1 s averages. 20 ms is the flagging threshold used.
 */
export const NVML_UPDATE_PERIOD_MS = 20;

export interface NvmlOptions {
  /** Path or soname of libnvidia-ml; a stand-in library in tests. Default libnvidia-ml.so.1 (DEFAULT_NVML_LIBRARY). */
  nvmlLibrary?: string;
  /** Measure only this GPU (NVML index). Default: every GPU. */
  gpuIndex?: number;
  /** Measure only this GPU (NVML UUID, "GPU-..."). */
  gpuUuid?: string;
}

interface Gpu {
  handle: unknown;
  index: number;
  uuid: string;
  name: string;
  hasCounter: boolean;
  firstMj: number;
  integrator: PowerIntegrator;
}

function openBinding(library: string): NvmlBinding {
  let binding: NvmlBinding;
  try {
    binding = bindNvml(library);
  } catch (error) {
    throw new SourceUnavailableError(
      'nvml',
      `cannot load ${library}: ${(error as Error).message.split('\n')[0]}`,
      'install the NVIDIA driver, which provides libnvidia-ml.so.1 (check with `nvidia-smi`), or set nvmlLibrary to its path',
    );
  }
  const code = binding.init();
  if (code !== NVML_SUCCESS) {
    const fix = code === NVML_ERROR_DRIVER_NOT_LOADED ? 'load the NVIDIA kernel driver (`sudo modprobe nvidia`; `nvidia-smi` must work)' : 'check the driver installation with `nvidia-smi`';
    throw new SourceUnavailableError('nvml', `nvmlInit_v2 failed: ${binding.errorString(code)} (NVML error ${code})`, fix);
  }
  return binding;
}

function selectGpus(binding: NvmlBinding, options: NvmlOptions): Gpu[] {
  const count = binding.deviceCount();
  if (count === 0) throw new SourceUnavailableError('nvml', 'NVML sees no GPUs', 'check `nvidia-smi -L`; in a container, pass the GPUs through (`docker run --gpus all`)');
  const handles: { handle: unknown; index: number }[] = [];
  if (options.gpuUuid !== undefined) {
    try {
      handles.push({ handle: binding.handleByUuid(options.gpuUuid), index: -1 });
    } catch (error) {
      throw new SourceUnavailableError('nvml', (error as Error).message, 'list the GPUs with `ipw doctor` or `nvidia-smi -L` and pass one of their UUIDs');
    }
  } else if (options.gpuIndex !== undefined) {
    if (!(Number.isInteger(options.gpuIndex) && options.gpuIndex >= 0 && options.gpuIndex < count)) {
      throw new SourceUnavailableError('nvml', `no GPU with index ${options.gpuIndex} (NVML sees ${count})`, `set gpuIndex to 0..${count - 1}`);
    }
    handles.push({ handle: binding.handleByIndex(options.gpuIndex), index: options.gpuIndex });
  } else {
    for (let i = 0; i < count; i++) handles.push({ handle: binding.handleByIndex(i), index: i });
  }
  return handles.map(({ handle, index }) => {
    const mj = binding.totalEnergyMj(handle);
    if (mj < 0 && -mj !== NVML_ERROR_NOT_SUPPORTED) {
      throw new SourceUnavailableError('nvml', `nvmlDeviceGetTotalEnergyConsumption failed: ${binding.errorString(-mj)}`, 'check `nvidia-smi -q -d POWER`');
    }
    const powerMw = binding.powerMw(handle);
    if (mj < 0 && powerMw < 0) {
      throw new SourceUnavailableError('nvml', `GPU ${index} reports neither an energy counter nor power (${binding.errorString(-powerMw)})`, 'this GPU cannot be measured through NVML');
    }
    return {
      handle,
      index,
      uuid: binding.uuid(handle),
      name: binding.name(handle),
      hasCounter: mj >= 0,
      firstMj: Math.max(mj, 0),
      integrator: new PowerIntegrator(powerMw >= 0 ? powerMw / 1000 : NaN, monotonicMs()),
    };
  });
}

/** The part of a GPU's figure that differs by method, in words. */
function gpuMethod(gpu: Gpu): string {
  return gpu.hasCounter ? `${gpu.uuid}: nvmlDeviceGetTotalEnergyConsumption (mJ counter)` : `${gpu.uuid}: nvmlDeviceGetPowerUsage integrated (no energy counter on this GPU)`;
}

export function openNvmlSource(options: NvmlOptions = {}): EnergySource {
  const binding = openBinding(options.nvmlLibrary ?? DEFAULT_NVML_LIBRARY);
  let gpus: Gpu[];
  try {
    gpus = selectGpus(binding, options);
  } catch (error) {
    binding.shutdown();
    throw error;
  }
  const allCounters = gpus.every((g) => g.hasCounter);
  const devices: MeteredDevice[] = gpus.map((gpu) => ({
    readPowerW() {
      const powerMw = binding.powerMw(gpu.handle);
      return powerMw >= 0 ? powerMw / 1000 : NaN;
    },
    readCounterJ: gpu.hasCounter
      ? () => {
          const mj = binding.totalEnergyMj(gpu.handle);
          if (mj < 0) throw new Error(`GPU ${gpu.uuid}: nvmlDeviceGetTotalEnergyConsumption failed: ${binding.errorString(-mj)}`);
          return (mj - gpu.firstMj) / 1000;
        }
      : null,
    integrator: gpu.integrator,
  }));
  const readInto = (out: SampleRow): void => readDevicesInto(devices, out);
  const details: Record<string, string | number> = {};
  for (const gpu of gpus) {
    const memory = binding.memoryUsedBytes(gpu.handle);
    const clocks = binding.clocksMhz(gpu.handle);
    details[gpu.uuid] = [
      gpu.name,
      gpu.index >= 0 ? `index ${gpu.index}` : '',
      gpu.hasCounter ? 'energy counter' : 'power only',
      `${binding.temperatureC(gpu.handle) ?? '?'} C`,
      memory ? `${(memory.used / 2 ** 30).toFixed(1)}/${(memory.total / 2 ** 30).toFixed(1)} GiB` : '',
      clocks ? `SM ${clocks.sm} MHz, memory ${clocks.memory} MHz` : '',
    ]
      .filter((s) => s !== '')
      .join(', ');
  }
  return {
    name: 'nvml',
    measure: allCounters ? 'energy-counter' : 'power-integral',
    method: `${allCounters ? 'energy-counter' : 'power-integral'}: NVML over FFI, ${gpus.map(gpuMethod).join('; ')}`,
    isEstimate: false,
    updatePeriodMs: NVML_UPDATE_PERIOD_MS,
    channels: gpus.map((g) => g.uuid),
    counters: gpus.map((g) => ({
      resolutionJ: g.hasCounter ? 1e-3 : null,
      resolutionW: 1e-3,
      updatePeriodMs: NVML_UPDATE_PERIOD_MS,
      wrapJ: null,
      note: g.hasCounter
        ? 'nvmlDeviceGetTotalEnergyConsumption: a 64-bit millijoule counter (does not wrap in practice); update period not documented by NVIDIA'
        : 'nvmlDeviceGetPowerUsage in milliwatts, integrated by the trapezoid rule; recent GPUs average it over about 1 s',
    })),
    details,
    readInto,
    read: totalReader(readInto, gpus.length),
    async close() {
      binding.shutdown();
    },
  };
}
