// The library speaks in its own terms: errors name options (`baselineS`), never CLI flags (`--baseline-s`), and carry
// an OptionError's code and option; the CLI alone turns them into flags, through one table (lib/cli/flag-terms.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorInFlagTerms, FLAG_FOR_OPTION, inFlagTerms } from '../lib/cli/flag-terms.ts';
import { main } from '../lib/cli/index.ts';
import { EnergySession } from '../lib/energy/index.ts';
import { OptionError } from '../lib/errors/index.ts';
import { parseColumnMap } from '../lib/queries/columns.ts';
import { checkRunnerOptions, parseModelSpec } from '../lib/run/index.ts';
import { startRun } from '../lib/store/index.ts';
import { tempDir } from './helpers/fixture.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Where a library string may hold `--x`: it quotes a command another program takes, so the flag is that program's,
 * not ours. Each entry is the quoted command (removed before the check) and why it is allowed.
 */
const OTHER_PROGRAMS: readonly { quote: RegExp; why: string }[] = [
  { quote: /docker run --gpus all/g, why: "docker's flag, in the fix for a container that hides the GPUs" },
  { quote: /powermetrics --samplers cpu_power,gpu_power/g, why: 'the powermetrics command line the source runs' },
  { quote: /(prometheus-)?node[-_]exporter --collector\.rapl/g, why: "node_exporter's flag that enables its RAPL collector" },
  { quote: /sbatch --array|--array(=\d+-\d+)?/g, why: "SLURM's sbatch flag for job arrays, in the sweep's shard errors" },
  { quote: /llama-server(?: needs)?(?: --[a-z-]+(?: (?!--)\S+)?)+/g, why: "llama-server's own flags, in the command line a load test starts it with" },
];

/** An argv element handed to a subprocess (`['--host', '127.0.0.1']`), not text a user reads. */
const ARGV_FLAG = /^--?[A-Za-z0-9][\w.-]*(=\S*)?$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mts|js|mjs)$/.test(e.name))
    .map((e) => posix.relative(ROOT, posix.join(e.parentPath, e.name)))
    .filter((path) => !path.startsWith('lib/cli/') && !path.split('/').includes('node_modules'))
    .sort();
}

/** Every string in a file, with its line: literals, and templates with `${}` for each expression. */
function stringsOf(file: string, source: string): { line: number; text: string; argv: boolean }[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const found: { line: number; text: string; argv: boolean }[] = [];
  const add = (node: ts.Node, text: string, argv = false): void => {
    found.push({ line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text, argv });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isTemplateExpression(node)) add(node, node.head.text + node.templateSpans.map((span) => `\${}${span.literal.text}`).join(''));
    else if (ts.isStringLiteralLike(node)) add(node, node.text, ts.isStringLiteral(node) && ts.isArrayLiteralExpression(node.parent) && ARGV_FLAG.test(node.text));
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** `file:line: text` for each string that names a flag of ours. */
function flagMentions(files: readonly string[]): string[] {
  return files.flatMap((file) =>
    stringsOf(file, readFileSync(join(ROOT, file), 'utf8')).flatMap(({ line, text, argv }) => {
      if (argv) return [];
      const rest = OTHER_PROGRAMS.reduce((t, { quote }) => t.replace(quote, ''), text);
      return /--[a-z]/.test(rest) ? [`${file}:${line}: ${text}`] : [];
    }),
  );
}

describe('no library message names a CLI flag', () => {
  it('lib/ (outside lib/cli) and kernel/ hold no string with a flag of ours', () => {
    expect(flagMentions([...sourceFiles('lib'), ...sourceFiles('kernel')])).toEqual([]);
  });

  it('the scan finds flags in messages and templates, and passes argv and the allowed commands', () => {
    const file = 'lib/x/y.ts';
    const source = [
      "throw new Error('pass --baseline-s 0');",
      'const m = `choose ${a} --out ${b}`;',
      "spawn('llama-server', ['--port', String(port)]);",
      "const fix = 'pass the GPUs through (`docker run --gpus all`)';",
      "const bad = ['--gpu-index 0..1 is wrong'];",
    ].join('\n');
    const mentions = stringsOf(file, source).filter(({ text, argv }) => !argv && /--[a-z]/.test(OTHER_PROGRAMS.reduce((t, { quote }) => t.replace(quote, ''), text)));
    expect(mentions.map((m) => m.line)).toEqual([1, 2, 5]);
  });

  it('the kernel shows the library\'s words: nothing in kernel/ turns them into flags', () => {
    const offenders = sourceFiles('kernel').filter((file) => /flag-terms|inFlagTerms/.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

/** The error a call throws (sync or async). */
async function thrown(call: () => unknown): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('OptionError: a code and the option, in the library\'s words; flags only through the CLI', () => {
  it('energy: baselineS and sampleMs', async () => {
    const baseline = await thrown(() => EnergySession.start({ source: 'estimated', baselineS: -1 }));
    expect(baseline).toBeInstanceOf(OptionError);
    expect(baseline).toMatchObject({ name: 'OptionError', option: 'baselineS', code: 'invalid', message: 'baselineS must be 0 or more, got -1' });
    expect(errorInFlagTerms(baseline)).toBe('--baseline-s must be 0 or more, got -1');
    const sample = await thrown(() => EnergySession.start({ source: 'estimated', sampleMs: 0 }));
    expect(sample).toMatchObject({ option: 'sampleMs', code: 'invalid' });
    expect(errorInFlagTerms(sample)).toBe('--sample-ms must be at least 1, got 0');
  });

  it('run: a plain-word option becomes its flag only as the subject of its own error', async () => {
    const threads = await thrown(() => checkRunnerOptions({ threads: 0 }, 4));
    expect(threads).toMatchObject({ option: 'threads', code: 'invalid' });
    expect((threads as Error).message).toMatch(/^threads must be a whole number from 1 to 4/);
    expect(errorInFlagTerms(threads)).toMatch(/^--threads must be a whole number from 1 to 4/);
    expect(inFlagTerms('CPU time of the server (all threads)')).toBe('CPU time of the server (all threads)');

    const model = await thrown(() => parseModelSpec('openai:http://127.0.0.1:9'));
    expect(model).toMatchObject({ option: 'model', code: 'invalid' });
    expect(errorInFlagTerms(model)).toBe('--model openai:http://127.0.0.1:9: name the served model after "#", e.g. openai:http://127.0.0.1:8080#qwen2.5-0.5b');
  });

  it('an option no flag sets keeps its name', async () => {
    const retry = await thrown(() => checkRunnerOptions({ retryDelayMs: -1 }));
    expect(retry).toMatchObject({ option: 'retryDelayMs', code: 'invalid' });
    expect(errorInFlagTerms(retry)).toBe((retry as Error).message);
    expect(FLAG_FOR_OPTION.retryDelayMs).toBeNull();
  });

  it('queries: load.map, with the example in each side\'s syntax', async () => {
    const error = await thrown(() => parseColumnMap('prompt'));
    expect(error).toMatchObject({ option: 'load.map', code: 'invalid', message: 'load.map: "prompt" has no "=". Write field=column, e.g. load.map "prompt=problem".' });
    expect(errorInFlagTerms(error)).toBe('--map: "prompt" has no "=". Write field=column, e.g. --map "prompt=problem".');
  });

  it('store: a folder that holds a run is a conflict over outDir', async () => {
    const runDir = join(tempDir(), 'run');
    const spec = { runId: 'r1', queriesSource: 'q.jsonl', model: { path: 'm.gguf' }, settings: {}, queryIds: ['a'] };
    startRun(runDir, spec);
    const error = await thrown(() => startRun(runDir, spec));
    expect(error).toMatchObject({ option: 'outDir', code: 'conflict' });
    expect((error as Error).message).toContain('Continue it with the resume option, or choose a new outDir.');
    expect(errorInFlagTerms(error)).toContain('Continue it with --resume, or choose a new --out.');
  });

  it('phrases for an option with a value become the flag with that value', () => {
    expect(inFlagTerms("engine: 'direct' runs on the CPU only; use gpu: false, or engine: 'node-llama-cpp' for GPU offload")).toBe(
      '--engine direct runs on the CPU only; use --gpu false, or --engine node-llama-cpp for GPU offload',
    );
    expect(inFlagTerms("run `npm run build:llama-tools`, or use library: 'prebuilt'")).toBe('run `npm run build:llama-tools`, or use --library prebuilt');
  });

  it('every option a library error names in a literal has a row in the table (a flag, or null for none)', () => {
    const options = new Set<string>();
    for (const file of sourceFiles('lib')) {
      for (const m of readFileSync(join(ROOT, file), 'utf8').matchAll(/new OptionError\(\s*'([^']+)'/g)) options.add(m[1]!);
    }
    expect(options.size).toBeGreaterThan(10);
    expect([...options].filter((option) => !Object.hasOwn(FLAG_FOR_OPTION, option))).toEqual([]);
  });
});

describe('the CLI prints library errors in flag terms', () => {
  afterEach(() => vi.restoreAllMocks());

  it('ipw profile with a model spec that names no model', async () => {
    const err: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
    const code = await main(['profile', '--model', 'openai:http://127.0.0.1:9', '--queries', '/nonexistent/queries.jsonl']);
    expect(code).toBe(2);
    expect(err.join('')).toBe('ipw: --model openai:http://127.0.0.1:9: name the served model after "#", e.g. openai:http://127.0.0.1:8080#qwen2.5-0.5b\n');
  });
});
