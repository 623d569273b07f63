// Starts llama.cpp's own llama-server (built by llama-tools.ts) on a free loopback port, for measuring the
// OpenAI-compatible client against the reference server on the same llama.cpp the in-process runner binds.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { ensureLlamaTools } from './llama-tools.ts';
import { DEFAULT_CONTEXT_SIZE } from './llama.ts';

export interface LlamaServerOptions {
  modelPath: string;
  /** The name clients put in `model`. */
  alias: string;
  threads?: number;
  contextSize?: number;
  /** Slots: requests decoded together with continuous batching (llama-server `--parallel`). Default 1. */
  parallel?: number;
  /** Serve Prometheus counters at /metrics (llama-server `--metrics`). Default false. */
  metrics?: boolean;
  startTimeoutMs?: number;
  extraArgs?: string[];
}

export interface LlamaServerHandle {
  url: string;
  pid: number;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

export async function startLlamaServer(options: LlamaServerOptions): Promise<LlamaServerHandle> {
  const tools = await ensureLlamaTools();
  const port = await freePort();
  const args = [
    '-m', options.modelPath,
    '--host', '127.0.0.1',
    '--port', String(port),
    '-a', options.alias,
    '-t', String(options.threads ?? 1),
    '-c', String(options.contextSize ?? DEFAULT_CONTEXT_SIZE),
    // One slot by default: requests run one at a time, as the in-process runner runs them.
    '-np', String(options.parallel ?? 1),
    ...(options.metrics ? ['--metrics'] : []),
    '--no-webui',
    // The GGUF's own (ChatML) template, rendered by the Jinja engine.
    '--jinja',
    ...(options.extraArgs ?? []),
  ];
  const child = spawn(tools.llamaServer, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (b: Buffer) => {
    log = (log + b.toString('utf8')).slice(-8000);
  });
  const url = `http://127.0.0.1:${port}`;
  const close = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited(child);
    clearTimeout(timer);
  };
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`llama-server exited (${child.exitCode ?? child.signalCode}) before serving:\n${log}`);
    }
    try {
      // /health answers 503 while the model loads and 200 once it serves.
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await close();
      throw new Error(`llama-server did not become healthy within ${options.startTimeoutMs ?? 60_000} ms:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, pid: child.pid ?? -1, close };
}
