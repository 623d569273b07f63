/** Colours are fixed in the figure JSON so plotly.js and the static SVG draw the same figure. */

/** Ten categorical colours that stay distinguishable for common colour-vision deficiencies. */
export const PALETTE = [
  '#4269d0', '#efb118', '#ff725c', '#6cc5b0', '#3ca951', '#ff8ab7', '#a463f2', '#97bbf5', '#9c6b4e', '#9498a0',
] as const;

export function paletteColor(index: number): string {
  return PALETTE[((index % PALETTE.length) + PALETTE.length) % PALETTE.length]!;
}

/** Phase shading in power traces. */
export const PHASE_COLORS = { query: '#9498a0', prefill: '#efb118', decode: '#4269d0' } as const;

export const TEXT_COLOR = '#222222';
/** Caveats (estimated energy) stand out from the title without looking like an error. */
export const NOTE_COLOR = '#b0413e';
export const GRID_COLOR = '#e5e5e5';
export const AXIS_COLOR = '#666666';
export const FONT_FAMILY = 'Helvetica, Arial, sans-serif';
export const FONT_SIZE_PX = 12;
