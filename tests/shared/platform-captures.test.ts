// Every platform the catalog names is read from at least one real capture of a real page: its fixture
// folder's README lists, under "## Real captures", files of that folder, each with the source it was taken
// from, and a test reads each of them. A platform without one (Sorry and Statuspal so far: their readers are
// tested on documented examples only) has no page in the catalog until one is found (shared/catalog/README.md).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../shared/catalog';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const FIXTURES = path.join(ROOT, 'fixtures/platforms');

interface Capture {
  files: string[];
  line: string;
}

/** The bullets of the README's "## Real captures" section: the backticked file names that open each one. */
function realCaptures(readme: string): Capture[] {
  const section = /^## Real captures\s*$([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme)?.[1] ?? '';
  return section
    .split(/\n(?=- )/)
    .map((item) => item.trim())
    .filter((item) => item.startsWith('- '))
    .map((item) => {
      const head = /^- ((?:`[^`]+`(?:, | and )?)+):/.exec(item)?.[1] ?? '';
      return { files: [...head.matchAll(/`([^`]+)`/g)].map((m) => m[1]!), line: item.replace(/\s+/g, ' ') };
    });
}

/** A source a reader can find again: a repository (`owner/name`), or the code index that found it unnamed. */
const NAMES_SOURCE = /\b[A-Za-z0-9][\w.-]*\/[\w.-]+\b|code index/;

function testSources(dir: string): string {
  let out = '';
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'fixtures' && name !== 'node_modules') out += testSources(full);
    } else if (/\.test\.tsx?$/.test(name)) out += readFileSync(full, 'utf8');
  }
  return out;
}

function captureStatus(platform: string): string | null {
  const readme = path.join(FIXTURES, platform, 'README.md');
  if (!existsSync(readme)) return 'no fixture README';
  const captures = realCaptures(readFileSync(readme, 'utf8'));
  if (captures.length === 0) return 'no "## Real captures" entry in its README';
  return null;
}

const catalogued: string[] = [...new Set(CATALOG.map((e) => e.platform))].sort();

describe('real captures behind every catalogued platform', () => {
  it('has a real capture, its source named, for every platform the catalog names', () => {
    const missing = catalogued.filter((p) => captureStatus(p) !== null);
    expect(missing).toEqual([]);
  });

  it('offers no page on a platform whose reader was tested on documented examples only', () => {
    expect(catalogued).not.toContain('sorry');
    expect(catalogued).not.toContain('statuspal');
    // The readers stay: a pasted address of such a page is still detected and read.
    expect(captureStatus('sorry')).not.toBeNull();
    expect(captureStatus('statuspal')).not.toBeNull();
  });

  const withCaptures = catalogued.filter((p) => captureStatus(p) === null);
  const tests = testSources(ROOT);

  it.each(withCaptures)(
    '%s: each capture is a file of the folder, names its source and is read by a test',
    (p) => {
      for (const capture of realCaptures(readFileSync(path.join(FIXTURES, p, 'README.md'), 'utf8'))) {
        expect(capture.files, capture.line).not.toEqual([]);
        expect(capture.line, 'names where it was captured').toMatch(NAMES_SOURCE);
        for (const file of capture.files) {
          expect(existsSync(path.join(FIXTURES, p, file)), `${p}/${file} exists`).toBe(true);
          expect(tests.includes(`'${file}'`), `a test reads ${p}/${file}`).toBe(true);
        }
      }
    },
  );

  it('reads a README section the way it is written', () => {
    const readme = [
      '# X',
      '',
      '## Real captures',
      '',
      '- `a.json`, `b.json`: from owner/repo, `tests/a.json`.',
      '  Verbatim.',
      '- `c.html`: found with the code index.',
      '',
      '## Written from documentation',
      '',
      '- `d.json`: written here.',
    ].join('\n');
    expect(realCaptures(readme).map((c) => c.files)).toEqual([['a.json', 'b.json'], ['c.html']]);
    expect(realCaptures('# X\n\n- `d.json`: written here.\n')).toEqual([]);
  });
});
