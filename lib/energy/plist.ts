/** The plist values powermetrics emits. */
export type PlistValue = string | number | boolean | PlistValue[] | { [key: string]: PlistValue };

const TOKEN = /<(\/?)([a-zA-Z]+)\s*(\/?)>|([^<]+)/g;

function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/**
 * Parses one XML property list (the subset powermetrics writes: dict, array, key, string, integer, real, date,
 * true, false). Throws on malformed input. Pure.
 */
export function parsePlist(xml: string): PlistValue {
  const body = xml.replace(/<\?xml[^>]*>|<!DOCTYPE[^>]*>|<plist[^>]*>|<\/plist>/g, '');
  const tokens: { close: boolean; tag: string; empty: boolean; text: string }[] = [];
  for (const m of body.matchAll(TOKEN)) {
    if (m[2] !== undefined) tokens.push({ close: m[1] === '/', tag: m[2], empty: m[3] === '/', text: '' });
    else if (m[4]!.trim() !== '') tokens.push({ close: false, tag: '#text', empty: false, text: m[4]! });
  }
  let i = 0;
  const expectClose = (tag: string): void => {
    const t = tokens[i++];
    if (!t || !t.close || t.tag !== tag) throw new SyntaxError(`plist: expected </${tag}>`);
  };
  const textOf = (tag: string): string => {
    if (tokens[i]?.tag === '#text') {
      const text = unescape(tokens[i++]!.text);
      expectClose(tag);
      return text;
    }
    expectClose(tag);
    return '';
  };
  const value = (): PlistValue => {
    const t = tokens[i++];
    if (!t || t.close) throw new SyntaxError('plist: expected a value');
    if (t.tag === 'true' || t.tag === 'false') {
      if (!t.empty) expectClose(t.tag);
      return t.tag === 'true';
    }
    if (t.empty) return t.tag === 'dict' ? {} : t.tag === 'array' ? [] : '';
    switch (t.tag) {
      case 'integer':
      case 'real':
        return Number(textOf(t.tag));
      case 'string':
      case 'date':
      case 'data':
        return textOf(t.tag);
      case 'array': {
        const items: PlistValue[] = [];
        while (!(tokens[i]?.close && tokens[i]?.tag === 'array')) items.push(value());
        i++;
        return items;
      }
      case 'dict': {
        const dict: { [key: string]: PlistValue } = {};
        while (!(tokens[i]?.close && tokens[i]?.tag === 'dict')) {
          const k = tokens[i++];
          if (!k || k.tag !== 'key') throw new SyntaxError('plist: expected <key> in dict');
          const key = textOf('key');
          dict[key] = value();
        }
        i++;
        return dict;
      }
      default:
        throw new SyntaxError(`plist: unsupported element <${t.tag}>`);
    }
  };
  return value();
}
