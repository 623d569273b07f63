// Flags, model paths and run folders are checked before anything loads, with messages in flag terms; every
// subcommand answers --help. Most cases call the CLI's main() in this process (it returns before any model, query
// file or signal handler is touched); the permission cases run the real binary as an unprivileged user.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inFlagTerms } from '../lib/cli/flag-terms.ts';
import { COMMANDS, main } from '../lib/cli/index.ts';
import { IPW_BIN, PROJECT_ROOT, tempDir } from './helpers/fixture.ts';

/** Runs main() with stdout and stderr captured. */
async function ipw(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  try {
    const code = await main(argv);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    vi.restoreAllMocks();
  }
}

afterEach(() => vi.restoreAllMocks());

/** A file that passes the GGUF magic check; nothing here ever loads it. */
function fakeGguf(dir: string, name = 'model.gguf'): string {
  const path = join(dir, name);
  // A valid GGUF v3 header with no tensors and no metadata: what the flag checks need, and nothing to load.
  const header = Buffer.alloc(24);
  header.write('GGUF', 0, 'latin1');
  header.writeUInt32LE(3, 4);
  writeFileSync(path, header);
  return path;
}

/** A query file that does not exist: a flag error must come before any attempt to read it. */
const NO_QUERIES = '/nonexistent/queries.jsonl';

describe('every subcommand answers --help', () => {
  const names = Object.keys(COMMANDS);
  it.each(names.flatMap((name) => [[name, '--help'], [name, '-h']]))('ipw %s %s', async (name, flag) => {
    const run = await ipw(name, flag);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`Usage:\n${COMMANDS[name]!.usage}\n`);
    expect(run.stdout).toContain(`ipw ${name}`);
  });

  it('ipw help NAME is the same, and the real binary answers too', async () => {
    expect((await ipw('help', 'grade')).stdout).toBe(`Usage:\n${COMMANDS.grade!.usage}\n`);
    const real = spawnSync(process.execPath, [IPW_BIN, 'profile', '--help'], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(real.status).toBe(0);
    expect(real.stdout).toContain('ipw profile --model');
    expect(real.stdout).toContain('--context N');
  });

  it('a name inherited from Object is not a command', async () => {
    const run = await ipw('constructor');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown command "constructor"');
  });
});

describe('ipw profile checks its flags before anything loads', () => {
  const cpus = availableParallelism();
  it.each(['0', '-1', '1.5', String(cpus + 1)])('--threads %s', async (threads) => {
    const dir = tempDir();
    const out = join(dir, 'run');
    const run = await ipw('profile', '--model', fakeGguf(dir), '--queries', NO_QUERIES, '--out', out, `--threads=${threads}`);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`ipw: --threads must be a whole number from 1 to ${cpus} (this machine's logical CPUs: more only slows llama.cpp down); got ${Number(threads)}\n`);
    expect(existsSync(out)).toBe(false);
  });

  it('--context, --max-errors, the timeouts and --retries', async () => {
    const model = fakeGguf(tempDir());
    const check = async (flags: string[], message: string) => {
      const run = await ipw('profile', '--model', model, '--queries', NO_QUERIES, ...flags);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`ipw: ${message}\n`);
    };
    await check(['--context', '0'], '--context must be a whole number from 1 to 16777216 tokens; got 0');
    await check(['--max-errors=-1'], '--max-errors must be a whole number, 0 or more; got -1');
    await check(['--first-token-timeout-s', '0'], '--first-token-timeout-s must be a number of seconds above 0 and at most 86400; got 0');
    await check(['--idle-timeout-s', '1e9'], '--idle-timeout-s must be a number of seconds above 0 and at most 86400; got 1000000000');
    await check(['--connect-timeout-s=-2'], '--connect-timeout-s must be a number of seconds above 0 and at most 86400; got -2');
    await check(['--retries', '2.5'], '--retries must be a whole number from 0 to 10; got 2.5');
  });

  it('--api-key-env takes a variable name, and does not repeat a value that may be the key', async () => {
    const run = await ipw('profile', '--model', 'openai:http://127.0.0.1:9#m', '--queries', NO_QUERIES, '--api-key-env', 'sk-live-abc123');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--api-key-env must be the name of an environment variable');
    expect(run.stderr).not.toContain('sk-live-abc123');
  });

  it('a URL with credentials is refused without echoing them, and no run folder appears', async () => {
    const out = join(tempDir(), 'run');
    const run = await ipw('profile', '--model', 'openai:http://alice:hunter2@127.0.0.1:9#m', '--queries', NO_QUERIES, '--out', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('carries credentials');
    expect(run.stderr).toContain('--api-key-env names it (default OPENAI_API_KEY)');
    expect(run.stderr + run.stdout).not.toContain('hunter2');
    expect(existsSync(out)).toBe(false);
  });

  it('a folder as the model names the GGUF files inside it', async () => {
    const dir = tempDir();
    fakeGguf(dir, 'b.gguf');
    fakeGguf(dir, 'a.gguf');
    const run = await ipw('profile', '--model', dir, '--queries', NO_QUERIES);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`ipw: model ${dir} is a folder, not a file (it holds ${join(dir, 'a.gguf')}, ${join(dir, 'b.gguf')}). Pass the path of one .gguf file.\n`);
    const empty = tempDir();
    expect((await ipw('profile', '--model', empty, '--queries', NO_QUERIES)).stderr).toContain('(it holds no .gguf file)');
  });

  it('--out under a file, and --resume of a folder that does not exist', async () => {
    const dir = tempDir();
    const model = fakeGguf(dir);
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'x');
    const under = await ipw('profile', '--model', model, '--queries', NO_QUERIES, '--out', join(file, 'run'));
    expect(under.stderr).toBe(`ipw: --out ${join(file, 'run')} cannot be a run folder: ${file} is a file. Choose another --out.\n`);
    const resume = await ipw('profile', '--model', model, '--queries', NO_QUERIES, '--out', join(dir, 'missing'), '--resume');
    expect(resume.stderr).toContain('there is no run to resume');
  });

  it('library option names become flags through one table', () => {
    expect(inFlagTerms('contextSize, maxErrors, apiKeyEnv, maxRetries, firstTokenTimeoutS, idleTimeoutS, connectTimeoutS')).toBe(
      '--context, --max-errors, --api-key-env, --retries, --first-token-timeout-s, --idle-timeout-s, --connect-timeout-s',
    );
    // A plain word ("threads") is a flag only as the subject of its own OptionError (test/library-errors.test.ts).
    expect(inFlagTerms('threads must be 1 or more', 'threads')).toBe('--threads must be 1 or more');
    expect(inFlagTerms('all threads')).toBe('all threads');
  });
});

/**
 * Permission errors need a user the permissions apply to: as root (CI containers) the real CLI runs as `nobody`
 * through setpriv; as any other user, directly.
 */
function asUnprivileged(args: string[]) {
  const root = process.getuid?.() === 0;
  const command = root ? 'setpriv' : process.execPath;
  const argv = root ? ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, IPW_BIN, ...args] : [IPW_BIN, ...args];
  return spawnSync(command, argv, { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, HOME: tempDir() } });
}

/** A folder anyone may enter, so only the permission under test differs. */
function openDir(): string {
  const dir = tempDir();
  chmodSync(dir, 0o755);
  return dir;
}

describe('ipw profile checks permissions before anything loads', () => {
  it('a read-only --out: the message names the flag and the fix, and nothing is created', () => {
    const dir = openDir();
    const model = fakeGguf(dir);
    chmodSync(model, 0o644);
    const readOnly = join(dir, 'read-only');
    mkdirSync(readOnly, { mode: 0o555 });
    chmodSync(readOnly, 0o555);
    const run = asUnprivileged(['profile', '--model', model, '--queries', NO_QUERIES, '--out', join(readOnly, 'run')]);
    expect(run.stderr).toBe(
      `ipw: --out ${join(readOnly, 'run')} is not writable (EACCES on ${readOnly}): this user may not write there; fix its permissions (chmod u+w ${readOnly}), or choose another --out, e.g. runs/NAME.\n`,
    );
    expect(run.status).toBe(2);
    expect(readdirSync(readOnly)).toEqual([]);
  });

  it('an unreadable model file', () => {
    const dir = openDir();
    const model = fakeGguf(dir);
    chmodSync(model, 0o600);
    if (process.getuid?.() !== 0) chmodSync(model, 0o000);
    const run = asUnprivileged(['profile', '--model', model, '--queries', NO_QUERIES, '--out', join(dir, 'run')]);
    expect(run.stderr).toBe(`ipw: model file ${model} cannot be read (EACCES). Give this user read permission (chmod a+r ${model}) or copy the file somewhere readable.\n`);
    expect(run.status).toBe(2);
    expect(existsSync(join(dir, 'run'))).toBe(false);
  });
});
