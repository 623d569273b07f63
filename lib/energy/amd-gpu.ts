import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PowerIntegrator } from './integrate.ts';
import { monotonicMs } from './clock.ts';
import { errnoCode, listDir, readSysfsInteger, readSysfsText } from './sysfs.ts';
import { SourceUnavailableError, type EnergyReading, type EnergySource, type SampleRow } from './types.ts';

export const DEFAULT_HWMON_ROOT = '/sys/class/hwmon';
/** amdgpu refreshes power1_average about once a second on many boards; energy counters faster. Used for flagging. */
const AMD_POWER_UPDATE_PERIOD_MS = 1000;
const AMD_ENERGY_UPDATE_PERIOD_MS = 10;

export interface AmdGpuOptions {
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
  const readInto = (out: SampleRow): void => {
    let totalJ = 0;
    let totalW = 0;
    for (let i = 0; i < cards.length; i++) {
      const card = cards[i]!;
      const powerW = card.powerFile ? readSysfsInteger(card.powerFile) / 1e6 : NaN;
      const joules = card.energyFile
        ? (readSysfsInteger(card.energyFile) - card.firstUj) / 1e6
        : card.integrator.add(powerW, monotonicMs());
      out[2 + i] = joules;
      totalJ += joules;
      totalW += powerW;
    }
    out[0] = totalJ;
    out[1] = totalW;
  };
  const row = new Float64Array(2 + cards.length);
  return {
    name: 'amd-gpu',
    measure: allCounters ? 'energy-counter' : 'power-integral',
    method: `${allCounters ? 'energy-counter' : 'power-integral'}: amdgpu hwmon ${cards.map((c) => `${c.hwmon}: ${c.energyFile ? 'energy1_input' : `${c.powerFile?.split('/').pop()} integrated`}`).join('; ')}`,
    isEstimate: false,
    updatePeriodMs: allCounters ? AMD_ENERGY_UPDATE_PERIOD_MS : AMD_POWER_UPDATE_PERIOD_MS,
    channels: cards.map((c) => c.hwmon),
    details: { root },
    readInto,
    read(): EnergyReading {
      readInto(row);
      return { timeMs: performance.now(), energyJ: row[0]! };
    },
    async close() {},
  };
}
