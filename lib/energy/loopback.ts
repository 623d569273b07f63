import fs from 'node:fs';
import { join } from 'node:path';

/** True for a host name that means this machine: 127.0.0.0/8, ::1, localhost. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h === '0:0:0:0:0:0:0:1';
}

/** TCP ports and socket inodes in LISTEN state (state 0A) from /proc/net/tcp or tcp6 text. Pure. */
export function listeningSockets(procNetTcp: string): Array<{ port: number; inode: string }> {
  const sockets: Array<{ port: number; inode: string }> = [];
  for (const line of procNetTcp.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
    if (fields.length < 10 || fields[3] !== '0A') continue;
    const port = Number.parseInt(fields[1]!.split(':').pop()!, 16);
    sockets.push({ port, inode: fields[9]! });
  }
  return sockets;
}

/**
 * The PID of the process listening on TCP `port` on this machine, from /proc (net/tcp, net/tcp6 and each process's
 * fd links), or undefined when none is found or the owner's fds cannot be read (another user's process, without root).
 */
export function findListeningPid(port: number, procRoot = '/proc'): number | undefined {
  const inodes = new Set<string>();
  for (const file of ['net/tcp', 'net/tcp6']) {
    let text: string;
    try {
      text = fs.readFileSync(join(procRoot, file), 'latin1');
    } catch {
      continue;
    }
    for (const s of listeningSockets(text)) if (s.port === port) inodes.add(`socket:[${s.inode}]`);
  }
  if (inodes.size === 0) return undefined;
  for (const entry of fs.readdirSync(procRoot)) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = fs.readdirSync(join(procRoot, entry, 'fd'));
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (inodes.has(fs.readlinkSync(join(procRoot, entry, 'fd', fd)))) return Number(entry);
      } catch {
        // closed between the listing and the readlink
      }
    }
  }
  return undefined;
}
