import { join } from 'node:path';
import { totalReader } from './source-read.ts';
import { SysfsCounterFile, errnoCode, listDir, readSysfsInteger, readSysfsText } from './sysfs.ts';
import { SourceUnavailableError, type EnergySource, type SampleRow } from './types.ts';
import { WrappingCounter } from './wrap.ts';

export const DEFAULT_RAPL_ROOT = '/sys/class/powercap';
/** Intel documents RAPL energy status updates at about 1 kHz (976 us); AMD's are similar. */
export const RAPL_UPDATE_PERIOD_MS = 1;

export interface RaplOptions {
  /** The powercap root; a sysfs-shaped folder in tests. Default /sys/class/powercap (DEFAULT_RAPL_ROOT). */
  raplRoot?: string;
}

export interface RaplZone {
  /** e.g. "intel-rapl:0" or "intel-rapl:0:2". */
  id: string;
  /** Kernel domain name: package-N, core, uncore, dram, psys. */
  domain: string;
  /** Channel label, unique across sockets: "package-0", "package-0/dram", "psys". */
  label: string;
  path: string;
  rangeUj: number;
  /** Counted in the total: packages and DRAM (not inside a package's count), or psys when it is alone. */
  counted: boolean;
}

const ZONE_ID = /^intel-rapl:\d+(:\d+)?$/;

/** Labels and chooses which zones add up without double counting. Pure. */
export function planZones(zones: readonly Omit<RaplZone, 'label' | 'counted'>[]): RaplZone[] {
  const parentDomain = new Map(zones.filter((z) => z.id.split(':').length === 2).map((z) => [z.id, z.domain]));
  const labelled = zones.map((z) => {
    const parts = z.id.split(':');
    const parent = parts.length === 3 ? parentDomain.get(`${parts[0]}:${parts[1]}`) : undefined;
    const label = parent ? `${parent}/${z.domain}` : z.domain;
    // Package energy includes core and uncore but not DRAM; psys covers the package too, so it is not added to it.
    const counted = parent === undefined ? z.domain.startsWith('package') || z.domain === 'dram' : z.domain === 'dram';
    return { ...z, label, counted };
  });
  if (!labelled.some((z) => z.counted)) {
    const psys = labelled.find((z) => z.domain === 'psys');
    if (psys) psys.counted = true;
  }
  return labelled;
}

export const RAPL_PERMISSION_FIX =
  'energy_uj is readable only by root since Linux 5.10, because unprivileged energy readings leak secrets through a power ' +
  'side channel (CVE-2020-8694, "PLATYPUS"). Run as root, or grant read access on a machine you trust: ' +
  '`sudo chmod o+r /sys/class/powercap/intel-rapl:*/energy_uj /sys/class/powercap/intel-rapl:*:*/energy_uj` (until reboot), ' +
  'or persistently with a udev rule in /etc/udev/rules.d/90-ipw-rapl.rules: ' +
  'ACTION=="add", SUBSYSTEM=="powercap", KERNEL=="intel-rapl:*", RUN+="/bin/chmod o+r /sys%p/energy_uj" ' +
  '(better: chgrp a "power" group and chmod g+r, then add yourself to that group)';

/** Finds the RAPL zones under `root` and checks that each counter can be read; throws SourceUnavailableError. */
export function discoverRapl(root: string): RaplZone[] {
  const ids = listDir(root).filter((id) => ZONE_ID.test(id)).sort();
  if (ids.length === 0) {
    throw new SourceUnavailableError(
      'rapl',
      `no intel-rapl:* zones under ${root}`,
      'on Linux with an Intel or AMD (Zen, kernel 5.8+) CPU, load the powercap driver: `sudo modprobe intel_rapl_common intel_rapl_msr`; VMs and containers usually hide RAPL',
    );
  }
  const zones = ids.map((id) => {
    const path = join(root, id);
    let rangeUj: number;
    try {
      readSysfsInteger(join(path, 'energy_uj'));
      rangeUj = readSysfsInteger(join(path, 'max_energy_range_uj'));
    } catch (error) {
      if (errnoCode(error) === 'EACCES' || errnoCode(error) === 'EPERM') {
        throw new SourceUnavailableError('rapl', `permission denied reading ${join(path, 'energy_uj')}`, RAPL_PERMISSION_FIX);
      }
      throw new SourceUnavailableError('rapl', `cannot read ${path}: ${(error as Error).message}`, 'check that the powercap zone is intact');
    }
    return { id, domain: readSysfsText(join(path, 'name')).trim(), path, rangeUj };
  });
  return planZones(zones);
}

export function openRaplSource(options: RaplOptions = {}): EnergySource {
  const root = options.raplRoot ?? DEFAULT_RAPL_ROOT;
  const zones = discoverRapl(root);
  const counters = zones.map((z) => new WrappingCounter(z.rangeUj, 1e-6));
  const files = zones.map((z) => new SysfsCounterFile(join(z.path, 'energy_uj')));
  const counted = zones.map((z) => z.counted);
  const readInto = (out: SampleRow): void => {
    let totalJ = 0;
    for (let i = 0; i < files.length; i++) {
      const joules = counters[i]!.update(files[i]!.read());
      out[2 + i] = joules;
      if (counted[i]) totalJ += joules;
    }
    out[0] = totalJ;
    out[1] = NaN;
  };
  readInto(new Float64Array(2 + zones.length));
  const countedLabels = zones.filter((z) => z.counted).map((z) => z.label);
  return {
    name: 'rapl',
    measure: 'energy-counter',
    method: `energy-counter: RAPL energy_uj (${countedLabels.join(' + ')}) under ${root}, wraps unwrapped with max_energy_range_uj`,
    isEstimate: false,
    updatePeriodMs: RAPL_UPDATE_PERIOD_MS,
    channels: zones.map((z) => z.label),
    counters: zones.map((z) => ({
      resolutionJ: 1e-6,
      resolutionW: null,
      updatePeriodMs: RAPL_UPDATE_PERIOD_MS,
      wrapJ: z.rangeUj / 1e6,
      note: 'energy_uj counts microjoules (the hardware energy unit behind it, often 15.3 or 61 uJ, is coarser); wraps at max_energy_range_uj, unwrapped between reads',
    })),
    details: Object.fromEntries([
      ['root', root],
      ['counted', countedLabels.join(',')],
      ...zones.map((z) => [`range:${z.label}`, `${z.rangeUj / 1e6} J`]),
    ]),
    readInto,
    read: totalReader(readInto, zones.length),
    async close() {
      for (const file of files) file.close();
    },
  };
}
