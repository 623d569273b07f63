// Shell-request handlers other than execute: kernel_info, complete, inspect, is_complete, history.
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { complete, inspectAt, isComplete } from './introspect.ts';
import type { TypeService } from './types.ts';
import { type JsonObject, PROTOCOL_VERSION } from './wire.ts';

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export function kernelInfo(): JsonObject {
  return {
    status: 'ok',
    protocol_version: PROTOCOL_VERSION,
    implementation: 'ipw-lab',
    implementation_version: VERSION,
    language_info: {
      name: 'typescript',
      version: ts.version,
      mimetype: 'text/typescript',
      file_extension: '.ts',
      codemirror_mode: { name: 'javascript', typescript: true },
      pygments_lexer: 'typescript',
    },
    banner: `IPW Lab TypeScript kernel ${VERSION} (Node ${process.version}, TypeScript ${ts.version})`,
    help_links: [],
  };
}

export function completeReply(content: JsonObject, types?: TypeService, log?: (text: string) => void): JsonObject {
  const code = String(content['code'] ?? '');
  const cursor = typeof content['cursor_pos'] === 'number' ? content['cursor_pos'] : [...code].length;
  return { status: 'ok', ...complete(code, cursor, types, log) };
}

export function inspectReply(content: JsonObject, types?: TypeService, log?: (text: string) => void): JsonObject {
  const code = String(content['code'] ?? '');
  const cursor = typeof content['cursor_pos'] === 'number' ? content['cursor_pos'] : [...code].length;
  return { status: 'ok', ...inspectAt(code, cursor, Number(content['detail_level'] ?? 0), types, log) };
}

export function isCompleteReply(content: JsonObject): JsonObject {
  return { ...isComplete(String(content['code'] ?? '')) };
}

export class History {
  readonly #entries: { line: number; input: string; output: string | null }[] = [];
  add(line: number, input: string): void {
    this.#entries.push({ line, input, output: null });
  }
  setOutput(line: number, output: string): void {
    const e = this.#entries.find((x) => x.line === line);
    if (e) e.output = output;
  }

  /** Only this session's history exists; session 0 in a range request means "this one", as in ipykernel. */
  reply(content: JsonObject): JsonObject {
    const output = content['output'] === true;
    let picked = this.#entries;
    const type = content['hist_access_type'];
    if (type === 'tail') picked = picked.slice(-Math.max(0, Number(content['n'] ?? 10)));
    else if (type === 'range') {
      const start = Number(content['start'] ?? 0);
      const stop = content['stop'] === undefined || content['stop'] === null ? Infinity : Number(content['stop']);
      picked = picked.filter((e) => e.line >= start && e.line < stop);
    } else if (type === 'search') {
      const glob = String(content['pattern'] ?? '*');
      const re = new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 's');
      picked = picked.filter((e) => re.test(e.input));
      if (content['unique'] === true) picked = picked.filter((e, i, all) => all.findIndex((x) => x.input === e.input) === i);
      if (content['n'] !== undefined && content['n'] !== null) picked = picked.slice(-Number(content['n']));
    }
    return { status: 'ok', history: picked.map((e) => [0, e.line, output ? [e.input, e.output] : e.input]) };
  }
}
