// display.html / markdown / svg / png / image / json in cells: each builds one MIME bundle and hands it to display().
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { inspect } from 'node:util';
import type { DisplayOptions, MimeBundle } from './display-api.ts';

type Show = (bundle: MimeBundle, options?: DisplayOptions) => Promise<string>;

/** Image types Jupyter front ends draw, by file extension. */
const BY_EXTENSION: Readonly<Record<string, string>> = {
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.svg': 'image/svg+xml',
};

/** The image type from the first bytes (PNG, JPEG, GIF, WebP, SVG); undefined when none matches. */
export function sniffImage(bytes: Uint8Array): string | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.subarray(0, 4).toString('latin1') === 'GIF8') return 'image/gif';
  if (b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(b.subarray(0, 512).toString('utf8'))) return 'image/svg+xml';
  return undefined;
}

/** An image's bytes and type, from bytes or a file path; throws naming the path or the bytes' problem. */
export function readImage(image: Uint8Array | string, mimeType?: string): { bytes: Buffer; mimeType: string } {
  const bytes = typeof image === 'string' ? readFileSync(image) : Buffer.from(image.buffer, image.byteOffset, image.byteLength);
  const type = mimeType ?? sniffImage(bytes) ?? (typeof image === 'string' ? BY_EXTENSION[extname(image).toLowerCase()] : undefined);
  if (type === undefined) {
    const what = typeof image === 'string' ? image : `${bytes.length} bytes`;
    throw new TypeError(`display.image: ${what} is not a PNG, JPEG, GIF, WebP or SVG image; pass { mimeType } to say which it is`);
  }
  return { bytes, mimeType: type };
}

function imageBundle(image: Uint8Array | string, mimeType?: string): MimeBundle {
  const read = readImage(image, mimeType);
  const where = typeof image === 'string' ? ` ${image}` : '';
  const plain = `[${read.mimeType} image${where}, ${read.bytes.length} bytes]`;
  // Jupyter carries SVG as text and binary images as base64.
  const data = read.mimeType === 'image/svg+xml' ? read.bytes.toString('utf8') : read.bytes.toString('base64');
  return { [read.mimeType]: data, 'text/plain': plain };
}

export interface DisplayHelpers {
  /** Shows HTML (text/html). */
  html(html: string, options?: DisplayOptions): Promise<string>;
  /** Shows Markdown (text/markdown; the source as text/plain beside it). */
  markdown(markdown: string, options?: DisplayOptions): Promise<string>;
  /** Shows an SVG document (image/svg+xml). */
  svg(svg: string, options?: DisplayOptions): Promise<string>;
  /** Shows a PNG from its bytes or a file path (image/png, base64); throws for anything that is not a PNG. */
  png(image: Uint8Array | string, options?: DisplayOptions): Promise<string>;
  /** Shows an image (PNG, JPEG, GIF, WebP or SVG, recognised from its bytes or the path's extension, or `mimeType`). */
  image(image: Uint8Array | string, options?: DisplayOptions & { mimeType?: string }): Promise<string>;
  /** Shows JSON (application/json, and util.inspect's text as text/plain). */
  json(value: unknown, options?: DisplayOptions): Promise<string>;
}

/** The helpers, each a thin wrapper that builds a MIME bundle and shows it with `show` (the kernel's display). */
export function displayHelpers(show: Show): DisplayHelpers {
  return {
    html: (html, options) => show({ 'text/html': String(html), 'text/plain': '[HTML]' }, options),
    markdown: (markdown, options) => show({ 'text/markdown': String(markdown), 'text/plain': String(markdown) }, options),
    svg: (svg, options) => show({ 'image/svg+xml': String(svg), 'text/plain': '[image/svg+xml image]' }, options),
    png: async (image, options) => {
      const bundle = imageBundle(image);
      if (!('image/png' in bundle)) throw new TypeError(`display.png: ${typeof image === 'string' ? image : 'the bytes'} is not a PNG image; use display.image`);
      return show(bundle, options);
    },
    image: async (image, options = {}) => {
      const { mimeType, ...rest } = options;
      return show(imageBundle(image, mimeType), rest);
    },
    json: (value, options) => show({ 'application/json': JSON.parse(JSON.stringify(value ?? null)) as unknown, 'text/plain': inspect(value, { depth: 4 }) }, options),
  };
}
