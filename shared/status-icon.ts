// The one drawing of every status: a colored disc with a glyph (check, wrench, dot, exclamation, cross,
// question mark, pause, offline) as strokes and dots in a 0..1 box. The tray PNGs (scripts/make-icons.ts),
// the window's glyphs and the browser tab's favicon are all drawn from it, so they always agree.
import { STATUS_LOOK, type Glyph, type TrayState } from './status';

export type Point = readonly [number, number];
/** A glyph is strokes (polylines with round caps) and dots, in a 0..1 box. */
export interface Shape {
  strokes: Array<{ points: Point[]; width: number }>;
  dots: Array<{ at: Point; r: number }>;
}

export function arc(cx: number, cy: number, r: number, fromDeg: number, toDeg: number, steps = 24): Point[] {
  const points: Point[] = [];
  for (let i = 0; i <= steps; i++) {
    const a = ((fromDeg + ((toDeg - fromDeg) * i) / steps) * Math.PI) / 180;
    points.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  return points;
}

// y grows downwards. Sizes are chosen to stay legible at 16 px.
export const GLYPHS: Record<Glyph, Shape> = {
  check: {
    strokes: [
      {
        points: [
          [0.28, 0.52],
          [0.44, 0.68],
          [0.73, 0.35],
        ],
        width: 0.13,
      },
    ],
    dots: [],
  },
  wrench: {
    strokes: [
      // The head: an open ring whose gap faces up-right (the jaw), then the handle down-left.
      { points: arc(0.6, 0.4, 0.12, 10, 260), width: 0.09 },
      {
        points: [
          [0.52, 0.48],
          [0.3, 0.7],
        ],
        width: 0.13,
      },
    ],
    dots: [],
  },
  dot: { strokes: [], dots: [{ at: [0.5, 0.5], r: 0.17 }] },
  exclamation: {
    strokes: [
      {
        points: [
          [0.5, 0.27],
          [0.5, 0.55],
        ],
        width: 0.13,
      },
    ],
    dots: [{ at: [0.5, 0.73], r: 0.075 }],
  },
  cross: {
    strokes: [
      {
        points: [
          [0.33, 0.33],
          [0.67, 0.67],
        ],
        width: 0.13,
      },
      {
        points: [
          [0.67, 0.33],
          [0.33, 0.67],
        ],
        width: 0.13,
      },
    ],
    dots: [],
  },
  question: {
    strokes: [{ points: [...arc(0.5, 0.39, 0.13, 180, 405), [0.5, 0.53], [0.5, 0.57]], width: 0.1 }],
    dots: [{ at: [0.5, 0.74], r: 0.07 }],
  },
  // Offline: a ring with a slash ("no connection"), so that it never reads as "no data" (question mark).
  offline: {
    strokes: [
      { points: arc(0.5, 0.5, 0.21, 0, 360, 40), width: 0.09 },
      {
        points: [
          [0.33, 0.67],
          [0.67, 0.33],
        ],
        width: 0.09,
      },
    ],
    dots: [],
  },
  pause: {
    strokes: [
      {
        points: [
          [0.41, 0.33],
          [0.41, 0.67],
        ],
        width: 0.12,
      },
      {
        points: [
          [0.59, 0.33],
          [0.59, 0.67],
        ],
        width: 0.12,
      },
    ],
    dots: [],
  },
};

export function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Light glyph on dark discs, dark glyph where the disc is light (yellow), for contrast. */
export function glyphColor(hex: string): [number, number, number] {
  const [r, g, b] = hexToRgb(hex);
  const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  return luminance > 0.55 ? [26, 26, 26] : [255, 255, 255];
}

/** Share of the icon's size left empty around the disc, so panels that crop to the pixel grid keep it whole. */
export const ICON_MARGIN = 1 / 16;

const round = (n: number): string => String(Math.round(n * 1000) / 1000);

/**
 * The status icon as SVG markup (for a favicon data URL): the same disc and glyph as the tray's PNGs,
 * in a 16-unit box.
 */
export function statusIconSvg(state: TrayState): string {
  const look = STATUS_LOOK[state];
  const shape = GLYPHS[look.glyph];
  const radius = 0.5 - ICON_MARGIN;
  const scale = 16 * radius * 2;
  const at = (v: number): number => 8 + (v - 0.5) * scale;
  const [r, g, b] = glyphColor(look.hex);
  const ink = `rgb(${r},${g},${b})`;
  const parts = [`<circle cx="8" cy="8" r="${round(16 * radius)}" fill="${look.hex}"/>`];
  for (const stroke of shape.strokes) {
    const points = stroke.points.map(([x, y]) => `${round(at(x))},${round(at(y))}`).join(' ');
    parts.push(
      `<polyline points="${points}" fill="none" stroke="${ink}" stroke-width="${round(stroke.width * scale)}" stroke-linecap="round" stroke-linejoin="round"/>`,
    );
  }
  for (const dot of shape.dots) {
    parts.push(
      `<circle cx="${round(at(dot.at[0]))}" cy="${round(at(dot.at[1]))}" r="${round(dot.r * scale)}" fill="${ink}"/>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">${parts.join('')}</svg>`;
}

/** The same icon as a data URL, for `<link rel="icon">`. */
export function statusIconDataUrl(state: TrayState): string {
  return `data:image/svg+xml,${encodeURIComponent(statusIconSvg(state))}`;
}
