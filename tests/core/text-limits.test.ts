// Text a status page publishes is held to length limits where every adapter's read enters the engine, so a
// page with a 3,000,000-character name is read, and what reaches the event stream and the UI is small.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../electron/core/http/client';
import type { HttpClient } from '../../electron/core/http/types';
import { detectPlatform, readSnapshot } from '../../electron/core/read';
import { clampText, TEXT_LIMITS } from '../../electron/core/text-limits';
import { openIncident, startStatuspageServer, type StatuspageServer } from '../fakes/statuspage-server';
import { floodStatuspageText } from '../fakes/hostile';
import { kustomerFixture } from '../fixtures/kustomer';

let http: HttpClient;
let vendor: StatuspageServer;

beforeAll(async () => {
  http = createHttpClient({ proxy: 'none', timeoutMs: 20_000, cache: false });
  const fixture = kustomerFixture();
  openIncident(fixture, { name: 'placeholder', body: 'placeholder', impact: 'major' });
  floodStatuspageText(fixture);
  vendor = await startStatuspageServer({ page: fixture });
});
afterAll(async () => {
  await http.close();
  await vendor.close();
});

describe('length limits on published text', () => {
  it('reads a page with 3,000,000-character texts into a snapshot of modest size', async () => {
    const { snapshot } = await readSnapshot(vendor.pageUrl, { http, timeoutMs: 20_000 });
    expect(snapshot.error).toBeNull();
    expect(snapshot.vendor.name).toHaveLength(TEXT_LIMITS.name);
    expect(snapshot.vendor.name.endsWith('…')).toBe(true);
    const flooded = snapshot.components.find((c) => c.name.startsWith('CCCC'))!;
    expect(flooded.name).toHaveLength(TEXT_LIMITS.name);
    expect(snapshot.components.some((c) => c.group?.startsWith('GGGG'))).toBe(true);
    for (const c of snapshot.components) {
      expect(c.name.length).toBeLessThanOrEqual(TEXT_LIMITS.name);
      expect((c.group ?? '').length).toBeLessThanOrEqual(TEXT_LIMITS.name);
    }
    const incident = snapshot.incidents.find((i) => i.title.startsWith('TTTT'))!;
    expect(incident.title).toHaveLength(TEXT_LIMITS.title);
    expect(incident.updates[0]!.body).toHaveLength(TEXT_LIMITS.body);
    expect(incident.updates[0]!.body.endsWith('…')).toBe(true);
    // What the event stream would carry for this vendor: tens of kilobytes, not megabytes.
    expect(JSON.stringify(snapshot).length).toBeLessThan(300_000);
  });

  it('holds the name found at detection to the limit too (it names the vendor when added)', async () => {
    // Detection reads the name from the head of summary.json: a long one, not a flood, gets that far.
    const fixture = kustomerFixture();
    fixture.page.name = 'D'.repeat(1000);
    const page = await startStatuspageServer({ page: fixture });
    try {
      const detection = await detectPlatform(page.pageUrl, { http, timeoutMs: 20_000 });
      expect(detection.name).toHaveLength(TEXT_LIMITS.name);
    } finally {
      await page.close();
    }
  });
});

describe('clampText', () => {
  it('leaves short text alone and cuts long text with an ellipsis, never inside a surrogate pair', () => {
    expect(clampText('Kustomer', 200)).toBe('Kustomer');
    expect(clampText('abcdef', 4)).toBe('abc…');
    const emoji = 'ab😀cd';
    // Cutting at 3 would split the emoji's pair: drop the half instead.
    expect(clampText(emoji, 4)).toBe('ab…');
  });
});
