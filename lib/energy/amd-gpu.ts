import { join } from 'node:path';
import { PowerIntegrator } from './integrate.ts';
import { monotonicMs } from './clock.ts';
import { errnoCode, listDir, readSysfsInteger, readSysfsText } from './sysfs.ts';
import { readDevicesInto, totalReader, type MeteredDevice } from './source-read.ts';
import { SourceUnavailableError, type EnergySource, type SampleRow } from './types.ts';

export const DEFAULT_HWMON_ROOT = '/sys/class/hwmon';
/** amdgpu refreshes power1_average about once a second on many boards; energy counters faster. Used for flagging. */
const AMD_POWER_UPDATE_PERIOD_MS = 1000;
const AMD_ENERGY_UPDATE_PERIOD_MS = 10;

export interface AmdGpuOptions {
  /** The hwmon root; a sysfs-shaped folder in tests. Default /sys/class/hwmon (DEFAULT_HWMON_ROOT). */
  hwmonRoot?: string;
}

interface Card {
  hwmon: string;
  /** energy1_input (uJ) when the driver exposes it, else null. */
  energyFile: string | null;
  /** power1_average or power1_input (uW). */
  powerFile: string | null;
  firstUj: number;
  integrator: PowerIntegrator;
}

function readable(path: string): boolean {
  try {
    readSysfsInteger(path);
    return true;
  } catch (error) {
    if (errnoCode(error) === 'EACCES') throw new SourceUnavailableError('amd-gpu', `permission denied reading ${path}`, `sudo chmod o+r ${path}`);
    return false;
  }
}

export function discoverAmdGpus(root: string): Card[] {
  const cards: Card[] = [];
  for (const hwmon of listDir(root).sort()) {
    const dir = join(root, hwmon);
    let name = '';
    try {
      name = readSysfsText(join(dir, 'name')).trim();
    } catch {
      continue;
    }
    if (name !== 'amdgpu') continue;
    const energy = join(dir, 'energy1_input');
    const power = [join(dir, 'power1_average'), join(dir, 'power1_input')].find(readable) ?? null;
    const energyFile = readable(energy) ? energy : null;
    if (!energyFile && !power) continue;
    cards.push({
      hwmon,
      energyFile,
      powerFile: power,
      firstUj: energyFile ? readSysfsInteger(energyFile) : 0,
      integrator: new PowerIntegrator(power ? readSysfsInteger(power) / 1e6 : NaN, monotonicMs()),
    });
  }
  if (cards.length === 0) {
    throw new SourceUnavailableError('amd-gpu', `no amdgpu hwmon device with energy1_input or power1_average under ${root}`, 'install the amdgpu kernel driver (an AMD GPU must be present); in a container, mount /sys/class/hwmon');
  }
  return cards;
}

export function openAmdGpuSource(options: AmdGpuOptions = {}): EnergySource {
  const root = options.hwmonRoot ?? DEFAULT_HWMON_ROOT;
  const cards = discoverAmdGpus(root);
  const allCounters = cards.every((c) => c.energyFile !== null);
  const devices: MeteredDevice[] = cards.map((card) => ({
    readPowerW: () => (card.powerFile ? readSysfsInteger(card.powerFile) / 1e6 : NaN),
    readCounterJ: card.energyFile ? () => (readSysfsInteger(card.energyFile!) - card.firstUj) / 1e6 : null,
    integrator: card.integrator,
  }));
  const readInto = (out: SampleRow): void => readDevicesInto(devices, out);
  return {
    name: 'amd-gpu',
    measure: allCounters ? 'energy-counter' : 'power-integral',
    method: `${allCounters ? 'energy-counter' : 'power-integral'}: amdgpu hwmon ${cards.map((c) => `${c.hwmon}: ${c.energyFile ? 'energy1_input' : `${c.powerFile?.split('/').pop()} integrated`}`).join('; ')}`,
    isEstimate: false,
    updatePeriodMs: allCounters ? AMD_ENERGY_UPDATE_PERIOD_MS : AMD_POWER_UPDATE_PERIOD_MS,
    channels: cards.map((c) => c.hwmon),
    counters: cards.map((c) => ({
      resolutionJ: c.energyFile ? 1e-6 : null,
      resolutionW: c.powerFile ? 1e-6 : null,
      updatePeriodMs: c.energyFile ? AMD_ENERGY_UPDATE_PERIOD_MS : AMD_POWER_UPDATE_PERIOD_MS,
      wrapJ: null,
      note: c.energyFile ? 'hwmon energy1_input in microjoules, accumulated in 64 bits by the driver' : `hwmon ${c.powerFile?.split('/').pop()} in microwatts, integrated by the trapezoid rule`,
    })),
    details: { root },
    readInto,
    read: totalReader(readInto, cards.length),
    async close() {},
  };
}
