/**
 * Reads function calls out of a model's reply: JSON ({name, arguments}, a list of them, OpenAI `tool_calls`,
 * BFCL's {name: {args}}) or Python call syntax (`f(a=1, b="x")`, `[f(a=1), g(b=2)]`), as BFCL's own outputs use.
 */
import { jsonValueAt, maskThinking } from './text.ts';

export interface ParsedCall {
  name: string;
  args: Record<string, unknown>;
}

type Values = Record<string, unknown>;

function isRecord(value: unknown): value is Values {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `arguments` may be an object or, as OpenAI sends it, a JSON string of one. */
function argsOf(raw: unknown): Record<string, unknown> | null {
  if (raw === undefined || raw === null) return {};
  if (isRecord(raw)) return raw;
  if (typeof raw === 'string') {
    try {
      const parsed: unknown = JSON.parse(raw);
      return isRecord(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }
  return null;
}

function callFromJson(item: unknown): ParsedCall[] | null {
  if (!isRecord(item)) return null;
  if (Array.isArray(item.tool_calls)) return callsFromJson(item.tool_calls);
  if (isRecord(item.function) && typeof item.function.name === 'string') return callFromJson(item.function);
  if (typeof item.name === 'string') {
    const args = argsOf(item.arguments ?? item.parameters ?? item.args);
    return args ? [{ name: item.name, args }] : null;
  }
  const entries = Object.entries(item);
  if (entries.length === 1 && isRecord(entries[0]?.[1])) return [{ name: entries[0][0], args: entries[0][1] }];
  return null;
}

function callsFromJson(value: unknown): ParsedCall[] | null {
  if (!Array.isArray(value)) return callFromJson(value);
  const calls: ParsedCall[] = [];
  for (const item of value) {
    const found = callFromJson(item);
    if (!found) return null;
    calls.push(...found);
  }
  return calls;
}

function fromJson(text: string): ParsedCall[] | null {
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '[' && text[i] !== '{') continue;
    const value = jsonValueAt(text, i);
    if (value === undefined) continue;
    const calls = callsFromJson(value);
    if (calls && calls.length > 0) return calls;
  }
  return null;
}

class PyParser {
  pos: number;
  constructor(readonly text: string, start: number) {
    this.pos = start;
  }

  private skip(): void {
    while (/\s/.test(this.text[this.pos] ?? '')) this.pos++;
  }

  private eat(token: string): boolean {
    this.skip();
    if (!this.text.startsWith(token, this.pos)) return false;
    this.pos += token.length;
    return true;
  }

  private expect(token: string): void {
    if (!this.eat(token)) throw new Error(`expected ${token} at ${this.pos}`);
  }

  name(): string {
    this.skip();
    const m = /^[A-Za-z_][\w.]*/.exec(this.text.slice(this.pos));
    if (!m) throw new Error(`expected a name at ${this.pos}`);
    this.pos += m[0].length;
    return m[0];
  }

  call(): ParsedCall {
    const name = this.name();
    if (this.text[this.pos] !== '(') throw new Error('expected (');
    this.pos++;
    const args: Record<string, unknown> = {};
    while (!this.eat(')')) {
      const key = this.name();
      this.expect('=');
      args[key] = this.value();
      if (!this.eat(',')) {
        this.expect(')');
        break;
      }
    }
    return { name, args };
  }

  private sequence(close: string): unknown[] {
    const items: unknown[] = [];
    while (!this.eat(close)) {
      items.push(this.value());
      if (!this.eat(',')) {
        this.expect(close);
        break;
      }
    }
    return items;
  }

  value(): unknown {
    this.skip();
    const rest = this.text.slice(this.pos);
    if (this.eat('[')) return this.sequence(']');
    if (this.eat('(')) return this.sequence(')');
    if (this.eat('{')) {
      const out: Record<string, unknown> = {};
      while (!this.eat('}')) {
        const key = this.value();
        this.expect(':');
        out[String(key)] = this.value();
        if (!this.eat(',')) {
          this.expect('}');
          break;
        }
      }
      return out;
    }
    const quote = rest[0];
    if (quote === '"' || quote === "'") {
      let out = '';
      for (let i = 1; i < rest.length; i++) {
        const c = rest[i] as string;
        if (c === '\\') {
          const next = rest[++i] ?? '';
          out += ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[next] ?? next;
        } else if (c === quote) {
          this.pos += i + 1;
          return out;
        } else out += c;
      }
      throw new Error('unterminated string');
    }
    const number = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(rest);
    if (number) {
      this.pos += number[0].length;
      return Number(number[0]);
    }
    const word = /^(True|False|None|true|false|null)\b/.exec(rest);
    if (word) {
      this.pos += word[0].length;
      return word[1] === 'True' || word[1] === 'true' ? true : word[1] === 'False' || word[1] === 'false' ? false : null;
    }
    throw new Error(`unexpected value at ${this.pos}`);
  }

  /** Calls separated by commas or whitespace, until something that is not a call. */
  calls(): ParsedCall[] {
    const out: ParsedCall[] = [this.call()];
    for (;;) {
      const save = this.pos;
      this.eat(',');
      this.skip();
      try {
        out.push(this.call());
      } catch {
        this.pos = save;
        return out;
      }
    }
  }
}

function fromPython(text: string): ParsedCall[] | null {
  for (const m of text.matchAll(/[A-Za-z_][\w.]*\(/g)) {
    if (m.index > 0 && /[\w.]/.test(text[m.index - 1] ?? '')) continue;
    try {
      return new PyParser(text, m.index).calls();
    } catch {
      // not a call here; try the next candidate
    }
  }
  return null;
}

/** The calls in a reply (reasoning in <think> blocks ignored), JSON first, then Python syntax; [] when there are none. */
export function parseCalls(response: string): ParsedCall[] {
  const text = maskThinking(response).replace(/```[a-z]*\n?/gi, ' ');
  return fromJson(text) ?? fromPython(text) ?? [];
}
