// `--help` is written from the table each command parses its flags with: every parsed flag is documented, every
// documented flag is parsed, and every default shown is the library's constant (never a number typed into the help).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DOCTOR_FLAGS } from '../lib/cli/commands/doctor.ts';
import { DEFAULT_HARDWARE_UTILIZATION } from '../lib/efficiency/index.ts';
import { SERVE_FLAGS } from '../lib/cli/commands/energy.ts';
import { LOAD_FLAGS } from '../lib/cli/commands/load.ts';
import { PROFILE_FLAGS } from '../lib/cli/commands/profile.ts';
import { flagHelpLine, type FlagTable } from '../lib/cli/flags.ts';
import { COMMANDS, main } from '../lib/cli/index.ts';
import {
  DEFAULT_BASELINE_S,
  DEFAULT_ENERGY_SERVER_HOST,
  DEFAULT_HWMON_ROOT,
  DEFAULT_NVML_LIBRARY,
  DEFAULT_RAPL_ROOT,
  DEFAULT_SAMPLE_MS,
  DEFAULT_WATTS_PER_CORE,
} from '../lib/energy/index.ts';
import {
  DEFAULT_CALIBRATION_REQUESTS,
  DEFAULT_LOAD_MAX_RETRIES,
  DEFAULT_PARALLEL,
  DEFAULT_SERVE,
  DEFAULT_PERCENTILES,
  DEFAULT_SATURATION_CONCURRENCY,
  DEFAULT_SWEEP_STEPS,
} from '../lib/load/index.ts';
import { DEFAULT_AGENT_KV, DEFAULT_AGENT_PROTOCOL, DEFAULT_MAX_TASK_TOKENS, DEFAULT_MAX_TURN_TOKENS, DEFAULT_MAX_TURNS, DEFAULT_TOOL_TIMEOUT_MS } from '../lib/agent/index.ts';
import { DEFAULT_MAX_TOKENS, DEFAULT_PREFLIGHT, DEFAULT_WARMUP_QUERIES, DEFAULT_WARMUP_S, DEFAULT_WORKLOAD } from '../lib/profile/index.ts';
import {
  DEFAULT_API_KEY_ENV,
  DEFAULT_CONNECT_TIMEOUT_S,
  DEFAULT_CONTEXT_SIZE,
  DEFAULT_ENGINE,
  DEFAULT_FIRST_TOKEN_TIMEOUT_S,
  DEFAULT_GPU,
  DEFAULT_GPU_LAYERS,
  DEFAULT_IDLE_TIMEOUT_S,
  DEFAULT_LIBRARY,
  DEFAULT_MAX_RETRIES,
  DEFAULT_SEED,
  DEFAULT_SYSTEM_PROMPT,
  DEFAULT_TEMPLATE,
} from '../lib/run/index.ts';

/** The defaults the library declares, by the flag that sets them (in any command). */
const LIBRARY_DEFAULTS: Readonly<Record<string, string>> = {
  'max-tokens': String(DEFAULT_MAX_TOKENS),
  workload: DEFAULT_WORKLOAD,
  'agent-kv': DEFAULT_AGENT_KV,
  'agent-protocol': DEFAULT_AGENT_PROTOCOL,
  'max-turns': String(DEFAULT_MAX_TURNS),
  'max-task-tokens': String(DEFAULT_MAX_TASK_TOKENS),
  'max-turn-tokens': String(DEFAULT_MAX_TURN_TOKENS),
  'tool-timeout-ms': String(DEFAULT_TOOL_TIMEOUT_MS),
  warmup: String(DEFAULT_WARMUP_QUERIES),
  'warmup-s': String(DEFAULT_WARMUP_S),
  preflight: DEFAULT_PREFLIGHT,
  'sample-ms': String(DEFAULT_SAMPLE_MS),
  'baseline-s': String(DEFAULT_BASELINE_S),
  'watts-per-core': String(DEFAULT_WATTS_PER_CORE),
  'rapl-root': DEFAULT_RAPL_ROOT,
  'nvml-library': DEFAULT_NVML_LIBRARY,
  'hwmon-root': DEFAULT_HWMON_ROOT,
  context: String(DEFAULT_CONTEXT_SIZE),
  gpu: String(DEFAULT_GPU),
  'gpu-layers': String(DEFAULT_GPU_LAYERS),
  template: DEFAULT_TEMPLATE,
  engine: DEFAULT_ENGINE,
  library: DEFAULT_LIBRARY,
  seed: String(DEFAULT_SEED),
  'system-prompt': JSON.stringify(DEFAULT_SYSTEM_PROMPT),
  'api-key-env': DEFAULT_API_KEY_ENV,
  'connect-timeout-s': String(DEFAULT_CONNECT_TIMEOUT_S),
  'first-token-timeout-s': String(DEFAULT_FIRST_TOKEN_TIMEOUT_S),
  'idle-timeout-s': String(DEFAULT_IDLE_TIMEOUT_S),
  retries: String(DEFAULT_MAX_RETRIES),
  host: DEFAULT_ENERGY_SERVER_HOST,
  steps: String(DEFAULT_SWEEP_STEPS),
  'saturation-concurrency': String(DEFAULT_SATURATION_CONCURRENCY),
  percentiles: DEFAULT_PERCENTILES.join(','),
  calibration: String(DEFAULT_CALIBRATION_REQUESTS),
  parallel: String(DEFAULT_PARALLEL),
  serve: DEFAULT_SERVE,
  'hardware-utilization': String(DEFAULT_HARDWARE_UTILIZATION),
};

/** Defaults a command sets itself, not the library: `energy serve` samples slower than a profile (see energy.ts). */
const COMMAND_DEFAULTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'energy serve': { 'sample-ms': '1000' },
  // A load test does not retry: a server that sheds load shows failures.
  load: { retries: String(DEFAULT_LOAD_MAX_RETRIES) },
};

interface HelpEntry {
  flag: string;
  /** The entry's whole text, continuation lines joined. */
  text: string;
  /** What "(default X)" at its end shows, if it has one. */
  shown?: string;
}

/** The flag entries of a usage text as a reader sees them: `      --name ...`, with their indented continuation lines. */
function helpEntries(usage: string): HelpEntry[] {
  const entries: HelpEntry[] = [];
  for (const line of usage.split('\n')) {
    const flag = /^ {6}--([a-z][a-z0-9-]*)/.exec(line);
    if (flag) entries.push({ flag: flag[1]!, text: line.trim() });
    else if (entries.length > 0 && /^ {29}\S/.test(line)) entries[entries.length - 1]!.text += ` ${line.trim()}`;
  }
  for (const entry of entries) entry.shown = /\(default (.+)\)$/.exec(entry.text)?.[1];
  return entries;
}

const TABLES: readonly [string, string, FlagTable][] = [
  ['profile', COMMANDS.profile!.usage, PROFILE_FLAGS],
  ['doctor', COMMANDS.doctor!.usage, DOCTOR_FLAGS],
  ['energy serve', COMMANDS.energy!.usage, SERVE_FLAGS],
  ['load', COMMANDS.load!.usage, LOAD_FLAGS],
];

describe.each(TABLES)('ipw %s --help and its flag table', (command, usage, table) => {
  const entries = helpEntries(usage);

  it('documents each parsed flag once, and nothing else', () => {
    expect(entries.map((e) => e.flag)).toEqual(Object.keys(table));
  });

  it('shows each default as the library declares it, and no default typed into a description', () => {
    for (const entry of entries) {
      const expected = COMMAND_DEFAULTS[command]?.[entry.flag] ?? LIBRARY_DEFAULTS[entry.flag];
      expect(entry.shown, `--${entry.flag}`).toBe(expected);
      expect(table[entry.flag]!.help, `--${entry.flag}`).not.toMatch(/default/i);
    }
  });
});

describe('the parsers take exactly the documented flags', () => {
  afterEach(() => vi.restoreAllMocks());

  /** main() with stdout and stderr captured. */
  async function ipw(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
    try {
      return { code: await main(argv), stdout: out.join(''), stderr: err.join('') };
    } finally {
      vi.restoreAllMocks();
    }
  }

  const argvOf = (table: FlagTable, value: (flag: string) => string): string[] =>
    Object.entries(table).flatMap(([flag, spec]) => (spec.boolean ? [`--${flag}`] : [`--${flag}`, value(flag)]));

  it('ipw profile: each documented flag is accepted, an undocumented one refused', async () => {
    for (const [flag, spec] of Object.entries(PROFILE_FLAGS)) {
      // Without --model (or, for --model, without --queries) profile stops right after parsing, before anything loads.
      const run = await ipw('profile', ...('boolean' in spec ? [`--${flag}`] : [`--${flag}`, 'x']));
      expect(run.stderr, `--${flag}`).toMatch(flag === 'model' ? /^ipw: profile needs --queries/ : /^ipw: (profile needs --model|--judge-fallback needs --judge)/);
    }
    expect((await ipw('profile', '--max-token', '5')).stderr).toMatch(/Unknown option '--max-token'/);
  });

  it('ipw energy serve: every documented flag at once gets as far as the port check', async () => {
    const run = await ipw('energy', 'serve', ...argvOf(SERVE_FLAGS, (flag) => (flag === 'port' ? '70000' : '1')));
    expect(run.stderr).toBe('ipw: ipw energy serve needs --port N (0..65535; 0 picks a free port and prints it)\n');
    expect((await ipw('energy', 'serve', '--baseline-s', '1')).stderr).toMatch(/Unknown option '--baseline-s'/);
  });

  it('ipw doctor: every documented flag at once gives the report', async () => {
    const values: Record<string, string> = { 'energy-from': 'prometheus:http://127.0.0.1:9/metrics', 'gpu-index': '0', 'watts-per-core': '7' };
    const run = await ipw('doctor', ...argvOf(DOCTOR_FLAGS, (flag) => values[flag] ?? '/nonexistent'));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveProperty('sources');
  });
});

describe('a help line', () => {
  it('puts the default last, from the table, and wraps under the description column', () => {
    expect(flagHelpLine('max-tokens', { value: 'N', help: 'generation limit per query', default: 256 })).toBe(
      '      --max-tokens N         generation limit per query (default 256)',
    );
    const long = flagHelpLine('energy', { value: 'auto|rapl', help: 'word '.repeat(30).trim() });
    const [first, second] = long.split('\n');
    expect(first!.startsWith('      --energy auto|rapl     word')).toBe(true);
    expect(first!.length).toBeLessThanOrEqual(118);
    expect(second).toMatch(/^ {29}word/);
  });
});
