// The hostile corpus (tests/fakes/hostile-text.ts) as vendor, component and incident names and update
// bodies, through every destination's text module and the formatters that use them: Slack, Teams,
// Discord, ntfy, the webhook, terminal lines, the calendar (read back by ical.js), the metrics (read back as
// Prometheus does) and the tray's tooltip and menu. What each service would turn into a mention, a link, an
// image, a control sequence or a forged line arrives as plain characters.
import ICAL from 'ical.js';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../../electron/core/calendar/calendar';
import { formatRequest } from '../../../electron/core/forward/formats';
import type { ForwardMessage } from '../../../electron/core/forward/message';
import { createMetrics, type VendorMetricsInput } from '../../../electron/core/metrics/metrics';
import { eventLine, vendorText } from '../../../electron/core/policy/text';
import { clampRead } from '../../../electron/core/text-limits';
import { notificationBody, notificationTitle } from '../../../electron/core/text/desktop-text';
import { terminalText } from '../../../electron/core/text/terminal-text';
import { trayMenuModel, trayTooltip, type TrayMenuItem } from '../../../electron/core/tray-model';
import { formatEvent } from '../../../electron/cli/watch';
import { tableRow, formatTable } from '../../../electron/cli/check';
import type { AppState } from '../../../shared/ipc';
import type { Incident, MonitorEvent, Snapshot } from '../../../shared/model';
import { HOSTILE_ENTRIES, HOSTILE_TEXT, INVISIBLE, forbiddenControls } from '../../fakes/hostile-text';
import { parsePrometheus } from '../../fakes/prometheus';

const PAGE = 'https://status.example.com';
const EVIL = 'http://evil.example/x';
const everything = Object.values(HOSTILE_TEXT)
  .filter((t) => t.length < 1000)
  .join(' | ');

/** A forwarded message whose every text is `text`, about an incident whose page link points elsewhere. */
function message(text: string): ForwardMessage {
  return {
    key: 'k',
    title: text,
    body: `${text}\n${text}`,
    severity: 'major_outage',
    vendor: { id: 'v', name: text, pageUrl: PAGE },
    incident: { id: 'i', title: text, url: EVIL },
    at: '2026-11-24T09:41:00.000Z',
  };
}

/** Every string in a JSON value, with its key. */
function strings(value: unknown, key = ''): Array<{ key: string; text: string }> {
  if (typeof value === 'string') return [{ key, text: value }];
  if (Array.isArray(value)) return value.flatMap((v) => strings(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, k));
  return [];
}

/** Markdown nodes that link or show something: what no vendor text may become. */
function linksAndImages(markdown: string): string[] {
  const found: string[] = [];
  const walk = (node: { type: string; children?: unknown[] }): void => {
    if (['link', 'image', 'linkReference', 'imageReference', 'definition', 'html'].includes(node.type))
      found.push(node.type);
    for (const child of node.children ?? []) walk(child as { type: string; children?: unknown[] });
  };
  walk(fromMarkdown(markdown));
  return found;
}

const cases: Array<[string, string]> = [...HOSTILE_ENTRIES, ['everything', everything]];

describe.each(cases)('the hostile %s', (_name, text) => {
  it('Slack: every text field escaped (no <!, <@, <# or disguised link), the top-level text included', () => {
    const payload = JSON.parse(formatRequest('slack', message(text)).body);
    const texts = strings(payload).filter((s) => s.key === 'text');
    expect(texts.length).toBeGreaterThanOrEqual(3);
    for (const { text: t } of texts) {
      expect(t).not.toMatch(/[<>]/);
      expect(forbiddenControls(t)).toEqual([]);
    }
    // The only link is the engine's: the status page (the incident's link leads to another site).
    const urls = strings(payload).filter((s) => s.key === 'url');
    expect(urls.map((u) => u.text)).toEqual([PAGE]);
  });

  it('Discord: no markdown link, image or HTML in any field, mentions refused, only the engine link', () => {
    const payload = JSON.parse(formatRequest('discord', message(text)).body);
    expect(payload.allowed_mentions).toEqual({ parse: [] });
    const embed = payload.embeds[0];
    for (const field of [payload.content, embed.title, embed.description, embed.footer.text]) {
      expect(linksAndImages(field)).toEqual([]);
      expect(forbiddenControls(field)).toEqual([]);
    }
    expect(embed.url).toBe(PAGE);
  });

  it('Teams: no markdown link, image, <at> mention or template syntax in any TextBlock', () => {
    const payload = JSON.parse(formatRequest('teams', message(text)).body);
    const card = payload.attachments[0].content;
    for (const block of card.body) {
      expect(linksAndImages(block.text)).toEqual([]);
      expect(block.text).not.toMatch(/<at\b|\{\{|\$\{|@\{/i);
      expect(forbiddenControls(block.text)).toEqual([]);
    }
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open the incident on status.example.com', url: PAGE },
    ]);
  });

  it('ntfy: header values are printable ASCII on one line; Click is the engine link; the body has no controls', () => {
    const req = formatRequest('ntfy', message(text));
    for (const value of Object.values(req.headers)) expect(value).toMatch(/^[\x20-\x7e]*$/);
    expect(req.headers.click).toBe(PAGE);
    expect(forbiddenControls(req.body)).toEqual([]);
  });

  it('webhook: exact JSON of the text (well-formed: a lone surrogate becomes U+FFFD)', () => {
    const body = formatRequest('webhook', message(text)).body;
    const parsed = JSON.parse(body);
    // Node's own String.prototype.toWellFormed (ES2024) is the reference.
    const wellFormed = (text as unknown as { toWellFormed(): string }).toWellFormed();
    expect(parsed.title).toBe(wellFormed);
    expect(parsed.vendor.name).toBe(wellFormed);
    expect(body).not.toMatch(/\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])/i);
  });

  it('terminal: one line, no control character, bidi and zero-width shown as escapes', () => {
    for (const line of [
      terminalText(text),
      formatEvent({
        type: 'component_status_changed',
        vendor: text,
        at: '2026-11-24T09:41:00.000Z',
        component: text,
        group: text,
        from: 'operational',
        to: 'major_outage',
      }),
      formatEvent({
        type: 'incident_opened',
        vendor: text,
        at: '2026-11-24T09:41:00.000Z',
        incident: { id: 'i', title: text, impact: 'major', status: 'investigating' },
      }),
      formatTable([tableRow(snapshotOf(text))], false).trimEnd(),
    ]) {
      expect(forbiddenControls(line, '')).toEqual(line.includes('\n') ? ['U+000a'] : []);
      expect(line).not.toMatch(INVISIBLE);
    }
    expect(forbiddenControls(formatTable([tableRow(snapshotOf(text))], false).trimEnd(), '\n')).toEqual([]);
    expect(
      formatTable([tableRow(snapshotOf(text))], false)
        .trimEnd()
        .split('\n'),
    ).toHaveLength(2);
  });

  it('calendar: ical.js reads one event whose SUMMARY and DESCRIPTION hold no control character', () => {
    const ics = buildCalendar([{ id: 'v1', name: text, snapshot: snapshotOf(text) }], {
      now: Date.parse('2026-11-24T09:00:00Z'),
    });
    expect(forbiddenControls(ics.replace(/\r\n/g, ''), '')).toEqual([]);
    const cal = new ICAL.Component(ICAL.parse(ics));
    const events = cal.getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    const summary = String(events[0]!.getFirstPropertyValue('summary'));
    const description = String(events[0]!.getFirstPropertyValue('description'));
    expect(forbiddenControls(summary, '')).toEqual([]);
    expect(forbiddenControls(description)).toEqual([]);
    expect(events[0]!.getFirstPropertyValue('url')).toBe(`${PAGE}/incidents/m1`);
  });

  it('metrics: a Prometheus parser reads every line; labels hold no control character', async () => {
    const snap = snapshotOf(text);
    const state: VendorMetricsInput[] = [
      { entry: { url: PAGE }, status: 'major_outage', lastCheckedAt: 1, lastError: null, lastGood: snap },
      {
        entry: { url: `${PAGE}/two`, name: text },
        status: 'operational',
        lastCheckedAt: 1,
        lastError: null,
        lastGood: snap,
      },
    ];
    const exposition = await createMetrics(() => state).text();
    expect(forbiddenControls(exposition)).toEqual([]);
    const samples = parsePrometheus(exposition);
    const ups = samples.filter((s) => s.name === 'statustray_vendor_up');
    expect(ups).toHaveLength(2);
    expect(new Set(ups.map((s) => s.labels.vendor)).size).toBe(2);
    for (const s of samples)
      for (const v of Object.values(s.labels)) expect(forbiddenControls(v, '')).toEqual([]);
  });

  it('tray and OS notification: one-line tooltip and labels, no control character, & no mnemonic', () => {
    const state = {
      vendors: [{ id: 'v', name: text, status: 'major_outage', stale: false }],
      tray: 'major_outage',
      offline: false,
      settings: { pausedUntil: null },
    } as unknown as Pick<AppState, 'vendors' | 'tray' | 'offline' | 'settings'>;
    const tooltip = trayTooltip(state, { platform: 'linux', now: 0 });
    expect(forbiddenControls(tooltip, '')).toEqual([]);
    const labels = (items: TrayMenuItem[]): string[] =>
      items.flatMap((i) =>
        i.type === 'separator' ? [] : [i.label, ...(i.type === 'submenu' ? labels(i.items) : [])],
      );
    for (const label of labels(trayMenuModel(state, { now: 0, formatTime: () => 'soon' }))) {
      expect(forbiddenControls(label, '')).toEqual([]);
      expect(label.replace(/&&/g, '')).not.toContain('&');
    }
    const events: MonitorEvent[] = [
      {
        type: 'incident_opened',
        vendor: text,
        at: '',
        incident: { id: 'i', title: text, impact: 'major', status: 'investigating' },
      },
    ];
    const note = vendorText(events);
    expect(forbiddenControls(notificationTitle(note.title), '')).toEqual([]);
    const linuxBody = notificationBody(note.body, 'linux');
    expect(forbiddenControls(linuxBody)).toEqual([]);
    expect(linuxBody).not.toMatch(/[<>]/);
    expect(eventLine(events[0]!)).toContain(text.slice(0, 10));
  });
});

/** A snapshot as the engine keeps it (names clamped at the door), every text the hostile one. */
function snapshotOf(text: string): Snapshot {
  const maintenance: Incident = {
    id: 'm1',
    title: text,
    impact: 'maintenance',
    kind: 'maintenance',
    status: 'scheduled',
    startedAt: null as unknown as string,
    resolvedAt: null,
    scheduledFor: '2026-11-25T01:00:00.000Z',
    scheduledUntil: '2026-11-25T03:00:00.000Z',
    url: `${PAGE}/incidents/m1`,
    components: ['c1'],
    updates: [{ status: 'scheduled', body: text, at: '2026-11-24T08:00:00.000Z' }],
  };
  return clampRead({
    url: PAGE,
    vendor: { name: text, platform: 'statuspage', pageUrl: PAGE },
    status: 'major_outage',
    components: [
      { id: 'c1', name: text, group: text, status: 'major_outage' },
      { id: 'c2', name: `${text}2`, group: null, status: 'operational' },
    ],
    incidents: [maintenance],
    fetchedAt: '2026-11-24T09:45:00.000Z',
    error: null,
  }) as Snapshot;
}
