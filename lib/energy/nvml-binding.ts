import koffi, { type LibraryHandle } from 'koffi';

/** A bound C function (koffi's own type is not exported). */
type CFunction = ReturnType<LibraryHandle['func']>;

/** NVML return codes this code names; see nvml.h. */
export const NVML_SUCCESS = 0;
export const NVML_ERROR_NOT_SUPPORTED = 3;
export const NVML_ERROR_NO_PERMISSION = 4;
export const NVML_ERROR_DRIVER_NOT_LOADED = 9;
const NVML_ERROR_NOT_FOUND = 6;
const NVML_ERROR_INSUFFICIENT_SIZE = 7;
/** (unsigned long long)-1: NVML could not tell. */
const NVML_VALUE_NOT_AVAILABLE = 0xffffffffffffffffn;
/** nvmlProcessInfo_t (v2/v3): unsigned int pid; unsigned long long usedGpuMemory; unsigned int gpuInstanceId, computeInstanceId. */
const PROCESS_INFO_BYTES = 24;
/** nvmlProcessUtilizationSample_t: unsigned int pid; unsigned long long timeStamp; unsigned int smUtil, memUtil, encUtil, decUtil. */
const PROCESS_SAMPLE_BYTES = 32;
const NVML_TEMPERATURE_GPU = 0;
const NVML_CLOCK_SM = 1;
const NVML_CLOCK_MEM = 2;
const NVML_BUFFER_SIZE = 96;

/** The NVML calls IPW Lab makes, bound once per thread (koffi handles cannot cross threads). */
export interface NvmlBinding {
  init(): number;
  shutdown(): number;
  errorString(code: number): string;
  deviceCount(): number;
  handleByIndex(index: number): unknown;
  handleByUuid(uuid: string): unknown;
  uuid(device: unknown): string;
  name(device: unknown): string;
  /** Millijoules since the driver loaded, or the NVML error code as a negative number. */
  totalEnergyMj(device: unknown): number;
  /** Milliwatts, or the NVML error code as a negative number. */
  powerMw(device: unknown): number;
  temperatureC(device: unknown): number | null;
  memoryUsedBytes(device: unknown): { used: number; total: number } | null;
  clocksMhz(device: unknown): { sm: number; memory: number } | null;
  /**
   * Processes with a context on the GPU (compute, then graphics), or null where the driver cannot list them.
   * `usedMemoryBytes` is null where NVML cannot tell (NVML_VALUE_NOT_AVAILABLE).
   */
  runningProcesses(device: unknown): { pid: number; usedMemoryBytes: number | null; kind: 'compute' | 'graphics' }[] | null;
  /** Percent of the last sample period the GPU and its memory were busy (all processes), or null where unsupported. */
  utilizationPct(device: unknown): { gpu: number; memory: number } | null;
  /**
   * Per-process SM and memory utilisation samples newer than `sinceUs` (NVML's microsecond timestamps), or null where
   * unsupported. An empty list means no process used the GPU since then.
   */
  processUtilization(device: unknown, sinceUs: number): { pid: number; timeUs: number; smPct: number; memoryPct: number }[] | null;
}

/** Thrown by a binding call that returned an error code. */
export class NvmlError extends Error {
  constructor(
    readonly code: number,
    call: string,
    text: string,
  ) {
    super(`${call} failed: ${text} (NVML error ${code})`);
  }
}

export function bindNvml(libraryPath: string): NvmlBinding {
  const lib = koffi.load(libraryPath);
  const device = koffi.pointer(koffi.opaque());
  const memory = koffi.struct({ total: 'unsigned long long', free: 'unsigned long long', used: 'unsigned long long' });
  const uintOut = koffi.out(koffi.pointer('unsigned int'));
  const f = {
    init: lib.func('nvmlInit_v2', 'int', []),
    shutdown: lib.func('nvmlShutdown', 'int', []),
    errorString: lib.func('nvmlErrorString', 'const char *', ['int']),
    count: lib.func('nvmlDeviceGetCount_v2', 'int', [uintOut]),
    byIndex: lib.func('nvmlDeviceGetHandleByIndex_v2', 'int', ['unsigned int', koffi.out(koffi.pointer(device))]),
    byUuid: lib.func('nvmlDeviceGetHandleByUUID', 'int', ['const char *', koffi.out(koffi.pointer(device))]),
    uuid: lib.func('nvmlDeviceGetUUID', 'int', [device, 'char *', 'unsigned int']),
    name: lib.func('nvmlDeviceGetName', 'int', [device, 'char *', 'unsigned int']),
    energy: lib.func('nvmlDeviceGetTotalEnergyConsumption', 'int', [device, koffi.out(koffi.pointer('unsigned long long'))]),
    power: lib.func('nvmlDeviceGetPowerUsage', 'int', [device, uintOut]),
    temperature: lib.func('nvmlDeviceGetTemperature', 'int', [device, 'int', uintOut]),
    memory: lib.func('nvmlDeviceGetMemoryInfo', 'int', [device, koffi.out(koffi.pointer(memory))]),
    clock: lib.func('nvmlDeviceGetClockInfo', 'int', [device, 'int', uintOut]),
    utilization: optionalFunc(lib, 'nvmlDeviceGetUtilizationRates', 'int', [device, koffi.out(koffi.pointer(koffi.struct({ gpu: 'unsigned int', memory: 'unsigned int' })))]),
    // The process lists and samples are read into Buffers and decoded by offset (see PROCESS_INFO_BYTES).
    compute: optionalFunc(lib, 'nvmlDeviceGetComputeRunningProcesses_v3', 'int', [device, koffi.inout(koffi.pointer('unsigned int')), 'void *']),
    graphics: optionalFunc(lib, 'nvmlDeviceGetGraphicsRunningProcesses_v3', 'int', [device, koffi.inout(koffi.pointer('unsigned int')), 'void *']),
    processUtilization: optionalFunc(lib, 'nvmlDeviceGetProcessUtilization', 'int', [device, 'void *', koffi.inout(koffi.pointer('unsigned int')), 'unsigned long long']),
  };
  const errorString = (code: number): string => String(f.errorString(code));
  const check = (code: number, call: string): void => {
    if (code !== NVML_SUCCESS) throw new NvmlError(code, call, errorString(code));
  };
  const text = (fn: (d: unknown, b: Buffer, n: number) => number, d: unknown, call: string): string => {
    const buffer = Buffer.alloc(NVML_BUFFER_SIZE);
    check(fn(d, buffer, buffer.length), call);
    return buffer.toString('utf8', 0, buffer.indexOf(0));
  };
  // One preallocated out-slot per call keeps the sampling path allocation-free.
  const energySlot: [number | bigint] = [0];
  const powerSlot: [number] = [0];
  const processes = (fn: CFunction | null, d: unknown, kind: 'compute' | 'graphics') => {
    if (fn === null) return null;
    // Ask for the count, then read; a process that starts in between makes the second call short of room: retry.
    for (let attempt = 0; attempt < 3; attempt++) {
      const count: [number] = [0];
      let code = fn(d, count, null) as number;
      if (code === NVML_SUCCESS && count[0] === 0) return [];
      if (code !== NVML_SUCCESS && code !== NVML_ERROR_INSUFFICIENT_SIZE) return null;
      const capacity = count[0] + 4;
      const buffer = Buffer.alloc(capacity * PROCESS_INFO_BYTES);
      count[0] = capacity;
      code = fn(d, count, buffer) as number;
      if (code === NVML_ERROR_INSUFFICIENT_SIZE) continue;
      if (code !== NVML_SUCCESS) return null;
      return Array.from({ length: count[0] }, (_, i) => {
        const used = buffer.readBigUInt64LE(i * PROCESS_INFO_BYTES + 8);
        return { pid: buffer.readUInt32LE(i * PROCESS_INFO_BYTES), usedMemoryBytes: used === NVML_VALUE_NOT_AVAILABLE ? null : Number(used), kind };
      });
    }
    return null;
  };
  return {
    init: () => f.init() as number,
    shutdown: () => f.shutdown() as number,
    errorString,
    deviceCount() {
      const out: [number] = [0];
      check(f.count(out), 'nvmlDeviceGetCount_v2');
      return out[0];
    },
    handleByIndex(index) {
      const out: [unknown] = [null];
      check(f.byIndex(index, out), `nvmlDeviceGetHandleByIndex_v2(${index})`);
      return out[0];
    },
    handleByUuid(uuid) {
      const out: [unknown] = [null];
      check(f.byUuid(uuid, out), `nvmlDeviceGetHandleByUUID(${uuid})`);
      return out[0];
    },
    uuid: (d) => text(f.uuid, d, 'nvmlDeviceGetUUID'),
    name: (d) => text(f.name, d, 'nvmlDeviceGetName'),
    totalEnergyMj(d) {
      const code = f.energy(d, energySlot) as number;
      return code === NVML_SUCCESS ? Number(energySlot[0]) : -code;
    },
    powerMw(d) {
      const code = f.power(d, powerSlot) as number;
      return code === NVML_SUCCESS ? powerSlot[0] : -code;
    },
    temperatureC(d) {
      const out: [number] = [0];
      return f.temperature(d, NVML_TEMPERATURE_GPU, out) === NVML_SUCCESS ? out[0] : null;
    },
    memoryUsedBytes(d) {
      const out: [{ total: number; used: number } | null] = [null];
      if (f.memory(d, out) !== NVML_SUCCESS || out[0] === null) return null;
      return { used: Number(out[0].used), total: Number(out[0].total) };
    },
    clocksMhz(d) {
      const sm: [number] = [0];
      const mem: [number] = [0];
      if (f.clock(d, NVML_CLOCK_SM, sm) !== NVML_SUCCESS || f.clock(d, NVML_CLOCK_MEM, mem) !== NVML_SUCCESS) return null;
      return { sm: sm[0], memory: mem[0] };
    },
    runningProcesses(d) {
      const compute = processes(f.compute, d, 'compute');
      const graphics = processes(f.graphics, d, 'graphics');
      return compute === null && graphics === null ? null : [...(compute ?? []), ...(graphics ?? [])];
    },
    utilizationPct(d) {
      const out: [{ gpu: number; memory: number } | null] = [null];
      if (f.utilization === null || f.utilization(d, out) !== NVML_SUCCESS || out[0] === null) return null;
      return { gpu: out[0].gpu, memory: out[0].memory };
    },
    processUtilization(d, sinceUs) {
      if (f.processUtilization === null) return null;
      for (let attempt = 0; attempt < 3; attempt++) {
        const count: [number] = [0];
        let code = f.processUtilization(d, null, count, sinceUs) as number;
        if (code === NVML_ERROR_NOT_FOUND || (code === NVML_SUCCESS && count[0] === 0)) return [];
        if (code !== NVML_SUCCESS && code !== NVML_ERROR_INSUFFICIENT_SIZE) return null;
        const capacity = count[0] + 4;
        const buffer = Buffer.alloc(capacity * PROCESS_SAMPLE_BYTES);
        count[0] = capacity;
        code = f.processUtilization(d, buffer, count, sinceUs) as number;
        if (code === NVML_ERROR_INSUFFICIENT_SIZE) continue;
        if (code === NVML_ERROR_NOT_FOUND) return [];
        if (code !== NVML_SUCCESS) return null;
        return Array.from({ length: count[0] }, (_, i) => {
          const at = i * PROCESS_SAMPLE_BYTES;
          return { pid: buffer.readUInt32LE(at), timeUs: Number(buffer.readBigUInt64LE(at + 8)), smPct: buffer.readUInt32LE(at + 16), memoryPct: buffer.readUInt32LE(at + 20) };
        });
      }
      return null;
    },
  };
}

/** A function the library may lack (older drivers, stand-ins): null instead of a load error. */
function optionalFunc(lib: LibraryHandle, name: string, result: string, parameters: Parameters<typeof koffi.out>[0][]): CFunction | null {
  try {
    return lib.func(name, result, parameters);
  } catch {
    return null;
  }
}
