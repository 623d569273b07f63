// Runs in a worker thread (see channels-worker.js). Heartbeat: echo. Control: interrupt_request raises SIGINT on
// the kernel process at once (stopping a synchronous loop through breakOnSigint); other control requests go to
// the main thread, whose replies come back here to be sent.
import { writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { Reply, Router } from 'zeromq';
import { type ConnectionInfo, ReplayGuard, SendQueue, Signer, decode, encode, endpoint, reply } from './wire.ts';

export interface ChannelsData {
  info: ConnectionInfo;
  session: string;
}

export type FromChannels = { type: 'ready' } | { type: 'closed' } | { type: 'control'; frames: Uint8Array[] } | { type: 'interrupt'; frames: Uint8Array[] };
export type ToChannels = { type: 'send'; frames: Uint8Array[] } | { type: 'close' };

const port = parentPort!;
const { info, session } = workerData as ChannelsData;
const signer = new Signer(info.key);
const log = (text: string): void => void writeSync(2, `ipw kernel: ${text}\n`);
const toBuffers = (frames: readonly Uint8Array[]): Buffer[] => frames.map((f) => Buffer.from(f.buffer, f.byteOffset, f.byteLength));

const hb = new Reply();
const control = new Router();
await hb.bind(endpoint(info, info.hb_port));
await control.bind(endpoint(info, info.control_port));
const controlQueue = new SendQueue(control);

port.on('message', (m: ToChannels) => {
  if (m.type === 'send') void controlQueue.send(toBuffers(m.frames)).catch((e: Error) => log(`control send failed: ${e.message}`));
  if (m.type === 'close') {
    hb.close();
    control.close();
    port.postMessage({ type: 'closed' } satisfies FromChannels);
  }
});
port.postMessage({ type: 'ready' } satisfies FromChannels);

void (async () => {
  try {
    for await (const frames of hb) await hb.send(frames);
  } catch {
    // closed at shutdown
  }
})();

const replay = new ReplayGuard();
try {
  for await (const frames of control) {
    const decoded = decode(frames, signer, replay);
    if (!decoded.ok) {
      log(`rejected control message: ${decoded.reason}`);
      continue;
    }
    const msg = decoded.message;
    if (msg.header.msg_type === 'interrupt_request') {
      process.kill(process.pid, 'SIGINT');
      await controlQueue.send(encode(reply(msg, 'interrupt_reply', { status: 'ok' }, session), signer));
      port.postMessage({ type: 'interrupt', frames } satisfies FromChannels);
    } else {
      port.postMessage({ type: 'control', frames } satisfies FromChannels);
    }
  }
} catch {
  // closed at shutdown
}
