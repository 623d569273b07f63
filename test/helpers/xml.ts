/**
 * A strict little XML parser for tests: enough to prove the static SVG is well-formed (balanced tags, quoted
 * attributes, no duplicate attributes, only the five predefined entities or character references) and to
 * count marks by class. It throws on anything malformed rather than recovering, unlike an HTML parser.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_:][A-Za-z0-9_:.-]*/;
const ENTITY = /&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g;

function checkText(text: string, where: number): string {
  if (text.includes('<')) throw new Error(`stray "<" at ${where}`);
  const withoutEntities = text.replace(ENTITY, '');
  if (withoutEntities.includes('&')) throw new Error(`bad entity near ${where}: ${text.slice(0, 40)}`);
  return text.replace(ENTITY, (_, e: string) =>
    e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );
}

export function parseXml(source: string): XmlElement {
  let i = 0;
  const skipSpace = () => {
    while (i < source.length && /\s/.test(source[i]!)) i++;
  };
  if (source.startsWith('<?xml')) i = source.indexOf('?>') + 2;
  const readElement = (): XmlElement => {
    skipSpace();
    if (source[i] !== '<') throw new Error(`expected "<" at ${i}`);
    i++;
    const name = NAME.exec(source.slice(i))?.[0];
    if (!name) throw new Error(`bad element name at ${i}`);
    i += name.length;
    const element: XmlElement = { name, attributes: {}, children: [], text: '' };
    for (;;) {
      const before = i;
      skipSpace();
      if (source.startsWith('/>', i)) {
        i += 2;
        return element;
      }
      if (source[i] === '>') {
        i++;
        break;
      }
      if (i === before) throw new Error(`missing space before attribute at ${i}`);
      const attribute = NAME.exec(source.slice(i))?.[0];
      if (!attribute) throw new Error(`bad attribute name at ${i}`);
      i += attribute.length;
      if (source[i] !== '=' || (source[i + 1] !== '"' && source[i + 1] !== "'")) throw new Error(`unquoted attribute ${attribute} at ${i}`);
      const quote = source[i + 1]!;
      const end = source.indexOf(quote, i + 2);
      if (end < 0) throw new Error(`unterminated attribute ${attribute}`);
      if (attribute in element.attributes) throw new Error(`duplicate attribute ${attribute} on <${name}>`);
      element.attributes[attribute] = checkText(source.slice(i + 2, end), i);
      i = end + 1;
    }
    for (;;) {
      const next = source.indexOf('<', i);
      if (next < 0) throw new Error(`unclosed <${name}>`);
      element.text += checkText(source.slice(i, next), i);
      i = next;
      if (source.startsWith('</', i)) {
        const close = `</${name}>`;
        if (!source.startsWith(close, i)) throw new Error(`mismatched close at ${i}: expected ${close}, got ${source.slice(i, i + 20)}`);
        i += close.length;
        return element;
      }
      element.children.push(readElement());
    }
  };
  const root = readElement();
  skipSpace();
  if (i !== source.length) throw new Error(`content after the root element at ${i}`);
  return root;
}

export function findAll(root: XmlElement, predicate: (element: XmlElement) => boolean): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (element: XmlElement) => {
    if (predicate(element)) out.push(element);
    element.children.forEach(visit);
  };
  visit(root);
  return out;
}

export function byClass(root: XmlElement, className: string): XmlElement[] {
  return findAll(root, (element) => (element.attributes.class ?? '').split(/\s+/).includes(className));
}
