// The committed icons in build/ are what the tray shows: every state has a file for every platform, at the
// sizes the OS asks for, in the status color, and the macOS templates are black on transparent.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { trayIconFile, menuIconFile } from '../../electron/core/tray-model';
import { STATUS_LOOK, type TrayState } from '../../shared/status';
import { drawIcon, makeIco } from '../../scripts/make-icons';

const TRAY_DIR = join(import.meta.dirname, '..', '..', 'build', 'icons', 'tray');
const STATES = Object.keys(STATUS_LOOK) as TrayState[];

function readPng(file: string): PNG {
  return PNG.sync.read(readFileSync(join(TRAY_DIR, file)));
}

function pixel(png: PNG, x: number, y: number): [number, number, number, number] {
  const i = (y * png.width + x) * 4;
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!];
}

function hex(color: string): [number, number, number] {
  const n = Number.parseInt(color.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

describe('tray icons in build/icons/tray', () => {
  it('exist for every state on every platform, with @2x siblings at double size', () => {
    for (const state of STATES) {
      for (const platform of ['darwin', 'win32', 'linux'] as const) {
        for (const monochrome of [false, true]) {
          const { file } = trayIconFile(state, platform, { monochrome });
          expect(existsSync(join(TRAY_DIR, file)), file).toBe(true);
        }
      }
      expect(existsSync(join(TRAY_DIR, menuIconFile(state)))).toBe(true);
      for (const size of [16, 22, 24, 32]) {
        expect(readPng(`tray-${state}-${size}.png`).width).toBe(size);
        expect(readPng(`tray-${state}-${size}@2x.png`).width).toBe(size * 2);
      }
      expect(readPng(`tray-${state}Template.png`).width).toBe(16);
      expect(readPng(`tray-${state}Template@2x.png`).width).toBe(32);
    }
  });

  it('paint the disc in the status color', () => {
    for (const state of STATES) {
      const png = readPng(`tray-${state}-32@2x.png`);
      // A point inside the disc, away from every glyph: left of centre, near the rim.
      const [r, g, b, a] = pixel(png, 12, 32);
      expect(a, state).toBe(255);
      const [er, eg, eb] = hex(STATUS_LOOK[state].hex);
      expect(Math.abs(r - er) + Math.abs(g - eg) + Math.abs(b - eb), state).toBeLessThan(12);
    }
  });

  it('draw distinct glyphs, so states read without color', () => {
    const glyphs = new Map<string, string>();
    for (const state of STATES) {
      const data = readPng(`tray-${state}Template@2x.png`).data.toString('base64');
      const look = STATUS_LOOK[state];
      const seen = glyphs.get(look.glyph);
      if (seen) expect(seen).toBe(data);
      glyphs.set(look.glyph, data);
    }
    const distinct = new Set(glyphs.values());
    expect(distinct.size).toBe(new Set(STATES.map((s) => STATUS_LOOK[s].glyph)).size);
  });

  it('tell offline apart from unknown (no network is not the same as no data)', () => {
    expect(STATUS_LOOK.offline.glyph).not.toBe(STATUS_LOOK.unknown.glyph);
    for (const file of ['Template@2x.png', '-22.png']) {
      const offline = readPng(`tray-offline${file}`).data;
      const unknown = readPng(`tray-unknown${file}`).data;
      expect(Buffer.compare(offline, unknown), file).not.toBe(0);
    }
  });

  it('make macOS templates black on transparent', () => {
    for (const state of STATES) {
      const png = readPng(`tray-${state}Template@2x.png`);
      let opaque = 0;
      for (let i = 0; i < png.data.length; i += 4) {
        expect(png.data[i]! + png.data[i + 1]! + png.data[i + 2]!).toBe(0);
        if (png.data[i + 3]! > 0) opaque++;
      }
      expect(opaque).toBeGreaterThan(50);
      expect(pixel(png, 0, 0)[3]).toBe(0);
    }
  });

  it('match what the drawing produces today (regenerate with npx tsx scripts/make-icons.ts)', () => {
    const fresh = PNG.sync.write(drawIcon('partial_outage', 22, 'color'));
    const committed = PNG.sync.write(readPng('tray-partial_outage-22.png'));
    expect(Buffer.compare(fresh, committed)).toBe(0);
  });

  it('pack Windows .ico files with one entry per size', () => {
    const ico = readFileSync(join(TRAY_DIR, 'tray-major_outage.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    expect(ico.readUInt16LE(4)).toBe(6);
    const tiny = makeIco([{ size: 16, png: Buffer.from('x') }]);
    expect(tiny.readUInt32LE(6 + 12)).toBe(22);
  });
});
