// Draws every tray and app icon from one drawing in code (colored disc + glyph per status of
// shared/status.ts) into build/: tray PNGs per platform size with @2x, macOS template images, Windows
// .ico files, and the app icon as PNG, .ico and .icns. Run: npx tsx scripts/make-icons.ts
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { STATUS_LOOK, type TrayState } from '../shared/status';
import { GLYPHS, glyphColor, hexToRgb, ICON_MARGIN, type Point, type Shape } from '../shared/status-icon';

function distanceToSegment(px: number, py: number, a: Point, b: Point): number {
  const [ax, ay] = a;
  const [bx, by] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function inGlyph(shape: Shape, x: number, y: number): boolean {
  for (const dot of shape.dots) {
    if (Math.hypot(x - dot.at[0], y - dot.at[1]) <= dot.r) return true;
  }
  for (const stroke of shape.strokes) {
    if (stroke.width <= 0) continue;
    for (let i = 1; i < stroke.points.length; i++) {
      const a = stroke.points[i - 1];
      const b = stroke.points[i];
      if (a && b && distanceToSegment(x, y, a, b) <= stroke.width / 2) return true;
    }
  }
  return false;
}

type Mode = 'color' | 'template' | 'app';

/** The one drawing: a disc (or, for templates, a ring) with the status glyph. */
export function drawIcon(state: TrayState, size: number, mode: Mode): PNG {
  const look = STATUS_LOOK[state];
  const shape = GLYPHS[look.glyph];
  const png = new PNG({ width: size, height: size });
  const disc = hexToRgb(look.hex);
  const glyph = glyphColor(look.hex);
  const tile: [number, number, number] = [36, 59, 83];
  const samples = 4;
  // Keep a 1/16 margin so the disc is not clipped by panels that crop to the pixel grid.
  const margin = mode === 'app' ? 0.16 : ICON_MARGIN;
  const radius = 0.5 - margin;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let discCover = 0;
      let glyphCover = 0;
      let tileCover = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          const d = Math.hypot(x - 0.5, y - 0.5);
          // Glyph coordinates scale with the disc so the app icon's smaller disc keeps its glyph inside.
          const gx = 0.5 + (x - 0.5) / (radius * 2);
          const gy = 0.5 + (y - 0.5) / (radius * 2);
          const g = inGlyph(shape, gx, gy);
          if (mode === 'template') {
            const ring = d <= radius && d >= radius - 0.09;
            if (ring || (d <= radius && g)) glyphCover++;
          } else {
            if (d <= radius) {
              discCover++;
              if (g) glyphCover++;
            }
            if (mode === 'app' && inRoundedSquare(x, y, 0.04, 0.2)) tileCover++;
          }
        }
      }
      const n = samples * samples;
      const i = (py * size + px) * 4;
      if (mode === 'template') {
        png.data[i] = 0;
        png.data[i + 1] = 0;
        png.data[i + 2] = 0;
        png.data[i + 3] = Math.round((255 * glyphCover) / n);
        continue;
      }
      // Composite glyph over disc over (app) tile; coverage fractions act as alpha.
      const fg = glyphCover / n;
      const dc = (discCover - glyphCover) / n;
      const base = mode === 'app' ? tileCover / n : 0;
      const bgCover = Math.max(0, base - fg - dc);
      const alpha = Math.min(1, fg + dc + bgCover);
      for (let c = 0; c < 3; c++) {
        const value = alpha === 0 ? 0 : (fg * glyph[c]! + dc * disc[c]! + bgCover * tile[c]!) / alpha;
        png.data[i + c] = Math.round(value);
      }
      png.data[i + 3] = Math.round(255 * alpha);
    }
  }
  return png;
}

function inRoundedSquare(x: number, y: number, inset: number, corner: number): boolean {
  const lo = inset + corner;
  const hi = 1 - inset - corner;
  const cx = Math.min(Math.max(x, lo), hi);
  const cy = Math.min(Math.max(y, lo), hi);
  return Math.hypot(x - cx, y - cy) <= corner;
}

function encode(png: PNG): Buffer {
  return PNG.sync.write(png);
}

/** ICO with PNG-compressed entries (Windows Vista and later read these). */
export function makeIco(images: Array<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, index) => {
    const at = 6 + index * 16;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt8(0, at + 2);
    header.writeUInt8(0, at + 3);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

/** ICNS with PNG entries (macOS 10.7 and later). */
export function makeIcns(entries: Array<{ type: string; png: Buffer }>): Buffer {
  const chunks = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

export const TRAY_STATES = Object.keys(STATUS_LOOK) as TrayState[];
export const TRAY_SIZES = [16, 22, 24, 32] as const;

export function writeIcons(buildDir: string): string[] {
  const written: string[] = [];
  const write = (path: string, data: Buffer): void => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
    written.push(path);
  };
  const trayDir = join(buildDir, 'icons', 'tray');
  rmSync(trayDir, { recursive: true, force: true });
  for (const state of TRAY_STATES) {
    for (const size of TRAY_SIZES) {
      write(join(trayDir, `tray-${state}-${size}.png`), encode(drawIcon(state, size, 'color')));
      write(join(trayDir, `tray-${state}-${size}@2x.png`), encode(drawIcon(state, size * 2, 'color')));
    }
    write(join(trayDir, `tray-${state}Template.png`), encode(drawIcon(state, 16, 'template')));
    write(join(trayDir, `tray-${state}Template@2x.png`), encode(drawIcon(state, 32, 'template')));
    write(
      join(trayDir, `tray-${state}.ico`),
      makeIco(
        [16, 20, 24, 32, 40, 48].map((size) => ({ size, png: encode(drawIcon(state, size, 'color')) })),
      ),
    );
  }

  const appPngs = new Map<number, Buffer>();
  const appPng = (size: number): Buffer => {
    let png = appPngs.get(size);
    if (!png) {
      png = encode(drawIcon('operational', size, 'app'));
      appPngs.set(size, png);
    }
    return png;
  };
  for (const size of [16, 32, 48, 64, 128, 256, 512]) {
    write(join(buildDir, 'icons', 'app', `${size}x${size}.png`), appPng(size));
  }
  write(join(buildDir, 'icon.png'), appPng(512));
  write(join(buildDir, 'icon-256.png'), appPng(256));
  write(
    join(buildDir, 'icon.ico'),
    makeIco([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: appPng(size) }))),
  );
  write(
    join(buildDir, 'icon.icns'),
    makeIcns([
      { type: 'ic11', png: appPng(32) },
      { type: 'ic12', png: appPng(64) },
      { type: 'ic07', png: appPng(128) },
      { type: 'ic13', png: appPng(256) },
      { type: 'ic08', png: appPng(256) },
      { type: 'ic14', png: appPng(512) },
      { type: 'ic09', png: appPng(512) },
      { type: 'ic10', png: encode(drawIcon('operational', 1024, 'app')) },
    ]),
  );
  return written;
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const buildDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'build');
  const written = writeIcons(buildDir);
  console.log(`Wrote ${written.length} icon files under ${buildDir}`);
}
