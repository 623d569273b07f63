// Shared by the load tests: the scripted server (test/helpers/scripted-server.mjs) as a child process, and the most
// requests a load run had in flight at once.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { LoadRequestRow } from '../../lib/store/index.ts';
import { PROJECT_ROOT } from './fixture.ts';

/** Starts the scripted server with a script; resolves with its URL and the child, which the caller kills. */
export async function startScriptedServer(script: Record<string, number>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'test/helpers/scripted-server.mjs'), JSON.stringify(script)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`scripted server exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`, child };
}

/** Most requests in flight at once, from their send and end times. */
export function maxInFlight(rows: readonly LoadRequestRow[]): number {
  const edges = rows.flatMap((r) => [[r.sentMs, 1], [r.endMs, -1]] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let most = 0;
  for (const [, d] of edges) most = Math.max(most, (now += d));
  return most;
}
