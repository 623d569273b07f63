import os from 'node:os';
import si from 'systeminformation';
import type { GpuInfo, HardwareInfo } from './types.ts';

/** Resolves to `fallback` (and records why) when `promise` fails or outlasts `timeoutMs`. */
async function within<T>(label: string, promise: Promise<T>, timeoutMs: number, fallback: T, notes: string[]): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    // Not unref'd: if nothing else kept the process alive, an unref'd timer would let it exit mid-await.
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const outcome = await Promise.race([promise, timeout]);
    if (outcome === 'timeout') {
      notes.push(`${label}: no answer within ${timeoutMs} ms`);
      return fallback;
    }
    return outcome;
  } catch (error) {
    notes.push(`${label}: ${(error as Error).message}`);
    return fallback;
  } finally {
    clearTimeout(timer);
  }
}

function gpuFrom(controller: { vendor: string; model: string; vram: number | null; driverVersion?: string }): GpuInfo {
  return {
    vendor: controller.vendor,
    model: controller.model,
    vramMiB: controller.vram ?? null,
    driverVersion: controller.driverVersion ?? null,
  };
}

/**
 * Describes the machine for the run manifest. Each probe has its own timeout and falls back to
 * Node's `os` module, so a slow or missing tool leaves a note instead of stalling the run.
 */
export async function collectHardware(options: { timeoutMs?: number } = {}): Promise<HardwareInfo> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const notes: string[] = [];
  const cpus = os.cpus();
  const [cpu, mem, osInfo, graphics] = await Promise.all([
    within('cpu', si.cpu(), timeoutMs, null, notes),
    within('memory', si.mem(), timeoutMs, null, notes),
    within('os', si.osInfo(), timeoutMs, null, notes),
    within('gpus', si.graphics(), timeoutMs, null, notes),
  ]);
  const brand = cpu ? `${cpu.manufacturer} ${cpu.brand}`.trim() : '';
  return {
    hostname: os.hostname(),
    cpu: {
      manufacturer: cpu?.manufacturer ?? '',
      model: brand || cpus[0]?.model || 'unknown',
      physicalCores: cpu?.physicalCores ?? cpus.length,
      logicalCores: cpu?.cores ?? os.availableParallelism(),
      speedGHz: cpu?.speed || null,
    },
    memoryBytes: mem?.total ?? os.totalmem(),
    os: {
      platform: osInfo?.platform ?? os.platform(),
      distro: osInfo?.distro ?? '',
      release: osInfo?.release ?? os.release(),
      kernel: osInfo?.kernel ?? os.release(),
      arch: osInfo?.arch ?? os.arch(),
    },
    gpus: graphics ? graphics.controllers.map(gpuFrom) : [],
    notes,
  };
}
