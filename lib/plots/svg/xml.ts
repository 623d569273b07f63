/** Minimal SVG string building: escaping and compact number output. */

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Control characters other than tab/newline are not allowed anywhere in XML 1.0.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

/** Pixel coordinates to two decimals: enough for screens and printers, and keeps the SVG small. */
export function px(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export type Attributes = Record<string, string | number | undefined>;

export function attrs(attributes: Attributes): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${typeof value === 'number' ? px(value) : escapeXml(value)}"`)
    .join('');
}

export function element(name: string, attributes: Attributes, content?: string): string {
  return content === undefined ? `<${name}${attrs(attributes)}/>` : `<${name}${attrs(attributes)}>${content}</${name}>`;
}

/** Rough text width for layout (no font metrics without a browser): average glyph is ~0.58 em in Helvetica/Arial. */
export function textWidthPx(text: string, fontSizePx: number): number {
  return text.length * fontSizePx * 0.58;
}

/** FNV-1a, for ids that stay the same across renders of the same figure but differ between figures. */
export function hashString(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
