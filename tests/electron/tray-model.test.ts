import { describe, expect, it } from 'vitest';
import {
  MENU_VENDOR_LIMIT,
  trayIconFile,
  trayMenuModel,
  trayTooltip,
  type TrayMenuItem,
} from '../../electron/core/tray-model';
import { appState, vendor } from './fixtures';

const NOW = Date.parse('2026-11-24T10:00:00.000Z');
const formatTime = (iso: string): string => `<${iso}>`;
const linux = { platform: 'linux', now: NOW, formatTime } as const;

function labels(items: TrayMenuItem[]): string[] {
  return items.map((item) => (item.type === 'separator' ? '---' : item.label));
}

describe('tray tooltip', () => {
  it('names the vendors with problems, worst first', () => {
    const state = appState(
      [vendor('GitHub', 'degraded'), vendor('Slack', 'operational'), vendor('Kustomer', 'major_outage')],
      'major_outage',
    );
    expect(trayTooltip(state, linux)).toBe(
      '2 vendors with problems: Kustomer — major outage; GitHub — degraded',
    );
  });

  it('says a team feed is failing, by its shortened name, ahead of the vendors', () => {
    const state = appState([vendor('GitHub', 'operational')], 'operational');
    expect(trayTooltip({ ...state, failingFeeds: ['slack https://hooks.slack.com/…3Tz9'] }, linux)).toBe(
      'Team feed failing: slack https://hooks.slack.com/…3Tz9. GitHub operational',
    );
    expect(trayTooltip({ ...state, failingFeeds: ['a', 'b'] }, linux)).toBe(
      '2 team feeds failing. GitHub operational',
    );
  });

  it('says all are operational only when every vendor is', () => {
    const all = Array.from({ length: 12 }, (_, i) => vendor(`V${i}`, 'operational'));
    expect(trayTooltip(appState(all, 'operational'), linux)).toBe('All 12 vendors operational');
  });

  it('never calls a vendor without data operational', () => {
    const state = appState([vendor('GitHub', 'operational'), vendor('Kustomer', 'unknown')], 'unknown');
    const text = trayTooltip(state, linux);
    expect(text).toBe('1 of 2 vendors operational; no data for Kustomer');
    expect(text).not.toMatch(/^All/);
  });

  it('uses the singular for one problem', () => {
    const state = appState([vendor('Kustomer', 'partial_outage')], 'partial_outage');
    expect(trayTooltip(state, linux)).toBe('1 vendor with problems: Kustomer — partial outage');
  });

  it('says so when the machine is offline or notifications are paused', () => {
    const until = '2026-11-24T11:00:00.000Z';
    const state = appState([vendor('GitHub', 'operational')], 'offline', {
      offline: true,
      settings: { pausedUntil: until },
    });
    const text = trayTooltip(state, linux);
    expect(text).toContain('Offline');
    expect(text).toContain(`Notifications paused until <${until}>`);
  });

  it('does not mention an expired pause', () => {
    const state = appState([vendor('GitHub', 'operational')], 'operational', {
      settings: { pausedUntil: '2026-11-24T09:00:00.000Z' },
    });
    expect(trayTooltip(state, linux)).toBe('GitHub operational');
  });

  it('fits the Windows 127-character limit by summarising the rest', () => {
    const many = Array.from({ length: 20 }, (_, i) => vendor(`Vendor number ${i}`, 'major_outage'));
    const text = trayTooltip(appState(many, 'major_outage'), { platform: 'win32', now: NOW });
    expect(text.length).toBeLessThanOrEqual(127);
    expect(text).toMatch(/^20 vendors with problems: Vendor number 0 — major outage; .*and \d+ more$/);
  });

  it('invites adding a vendor when none is watched', () => {
    expect(trayTooltip(appState([], 'unknown'), linux)).toBe('StatusTray: no vendors watched yet');
  });
});

describe('tray icon file', () => {
  it('picks a colored icon per status at each platform size', () => {
    expect(trayIconFile('major_outage', 'linux')).toEqual({
      file: 'tray-major_outage-22.png',
      template: false,
    });
    expect(trayIconFile('degraded', 'win32')).toEqual({ file: 'tray-degraded.ico', template: false });
    expect(trayIconFile('degraded', 'darwin')).toEqual({ file: 'tray-degraded-16.png', template: false });
  });

  it('uses the macOS template image while all is well or when asked for monochrome', () => {
    expect(trayIconFile('operational', 'darwin')).toEqual({
      file: 'tray-operationalTemplate.png',
      template: true,
    });
    expect(trayIconFile('major_outage', 'darwin', { monochrome: true })).toEqual({
      file: 'tray-major_outageTemplate.png',
      template: true,
    });
    expect(trayIconFile('operational', 'linux').template).toBe(false);
  });
});

describe('tray menu', () => {
  it('lists each vendor with its status, problems first, then the commands', () => {
    const state = appState(
      [vendor('GitHub', 'operational'), vendor('Kustomer', 'major_outage')],
      'major_outage',
    );
    const items = trayMenuModel(state, { now: NOW, formatTime });
    expect(labels(items)).toEqual([
      'Kustomer — major outage',
      'GitHub — operational',
      '---',
      'Refresh now',
      'Pause notifications',
      '---',
      'Open StatusTray',
      'Quit StatusTray',
    ]);
    const first = items[0];
    expect(first).toMatchObject({
      action: { kind: 'open-vendor', vendorId: 'kustomer' },
      status: 'major_outage',
    });
  });

  it('offers pausing for an hour and until tomorrow morning, and resuming only while paused', () => {
    const state = appState([vendor('GitHub', 'operational')], 'operational');
    const pause = trayMenuModel(state, { now: NOW, formatTime }).find((i) => i.type === 'submenu');
    expect(pause?.type).toBe('submenu');
    if (pause?.type !== 'submenu') return;
    expect(labels(pause.items)).toEqual(['For 1 hour', 'Until tomorrow', 'Off (notify again)']);
    expect(pause.items[0]).toMatchObject({ action: { kind: 'pause', until: '2026-11-24T11:00:00.000Z' } });
    const tomorrow = pause.items[1];
    if (tomorrow?.type !== 'item' || tomorrow.action?.kind !== 'pause' || !tomorrow.action.until) {
      throw new Error('expected a pause action');
    }
    const until = new Date(tomorrow.action.until);
    expect(until.getHours()).toBe(8);
    expect(until.getTime()).toBeGreaterThan(NOW);
    expect(until.getTime() - NOW).toBeLessThan(48 * 3_600_000);
    expect(pause.items[2]).toMatchObject({ enabled: false, action: { kind: 'pause', until: null } });

    const paused = appState([vendor('GitHub', 'operational')], 'paused', {
      settings: { pausedUntil: '2026-11-24T11:00:00.000Z' },
    });
    const sub = trayMenuModel(paused, { now: NOW, formatTime }).find((i) => i.type === 'submenu');
    if (sub?.type !== 'submenu') throw new Error('expected the pause submenu');
    expect(sub.items[0]).toMatchObject({ label: 'Paused until <2026-11-24T11:00:00.000Z>', enabled: false });
    expect(sub.items.at(-1)).toMatchObject({ label: 'Off (notify again)', enabled: true });
  });

  it('disables refreshing while offline', () => {
    const state = appState([vendor('GitHub', 'operational')], 'offline', { offline: true });
    const refresh = trayMenuModel(state, { now: NOW }).find(
      (i) => i.type === 'item' && i.action?.kind === 'refresh',
    );
    expect(refresh).toMatchObject({ label: 'Refresh now (offline)', enabled: false });
  });

  it('lists a long watchlist up to a limit and links the rest to the window', () => {
    const many = Array.from({ length: MENU_VENDOR_LIMIT + 3 }, (_, i) => vendor(`V${i}`, 'operational'));
    const items = trayMenuModel(appState(many, 'operational'), { now: NOW });
    const vendorItems = items.filter((i) => i.type === 'item' && i.action?.kind === 'open-vendor');
    expect(vendorItems).toHaveLength(MENU_VENDOR_LIMIT);
    expect(items[MENU_VENDOR_LIMIT]).toMatchObject({ label: '3 more…', action: { kind: 'open-window' } });
  });

  it('offers to add a vendor when the watchlist is empty', () => {
    const items = trayMenuModel(appState([], 'unknown'), { now: NOW });
    expect(labels(items).slice(0, 2)).toEqual(['No vendors watched yet', 'Add a vendor…']);
    expect(items[0]).toMatchObject({ enabled: false });
  });
});

describe('tray menu label', () => {
  it('keeps a page that names itself at great length to one short label', () => {
    const state = appState(
      [vendor(`Storm Corp ${'and partners '.repeat(500)}`, 'major_outage')],
      'major_outage',
    );
    const [first] = labels(trayMenuModel(state, { now: NOW, formatTime }));
    expect(first!.length).toBeLessThanOrEqual(80);
    expect(first).toMatch(/^Storm Corp and partners .*… — major outage$/);
  });
});

describe('tray with vendors failing together', () => {
  const vendors = [
    vendor('OpenAI', 'partial_outage'),
    vendor('Discord', 'partial_outage'),
    vendor('Linear', 'degraded'),
  ];
  const group = {
    id: 'g-1',
    since: '2025-11-18T11:50:00.000Z',
    vendors: [
      { id: 'openai', name: 'OpenAI' },
      { id: 'discord', name: 'Discord' },
    ],
    recovered: [],
    cause: { vendor: 'Cloudflare', evidence: ['OpenAI and Discord mention Cloudflare'] },
    acknowledgedAt: null,
  };

  it('says the group and its possible cause first, in the tooltip and the menu, with "Got it"', () => {
    const state = appState(vendors, 'partial_outage', { sharedCause: group });
    expect(trayTooltip(state, linux)).toMatch(/^2 vendors in trouble, possibly Cloudflare\. /);
    const items = trayMenuModel(state, { now: NOW, formatTime });
    expect(labels(items).slice(0, 2)).toEqual([
      '2 vendors in trouble, possibly Cloudflare',
      'Got it (stop updates about these)',
    ]);
    expect(items[1]).toMatchObject({ action: { kind: 'ack-group', groupId: 'g-1' } });
  });

  it('marks what is acknowledged and keeps the colour', () => {
    const state = appState(vendors, 'partial_outage', {
      sharedCause: { ...group, acknowledgedAt: '2025-11-18T11:55:00.000Z' },
      acks: [
        {
          key: 'incident|linear|i1',
          kind: 'incident',
          vendorId: 'linear',
          incidentId: 'i1',
          title: 'Linear: API',
          at: '2025-11-18T11:55:00.000Z',
        },
      ],
    });
    const menu = labels(trayMenuModel(state, { now: NOW, formatTime }));
    expect(menu[0]).toBe('2 vendors in trouble, possibly Cloudflare — got it');
    expect(menu).toContain('Linear — degraded (got it)');
    expect(trayIconFile(state.tray, 'linux').file).toBe('tray-partial_outage-22.png');
  });
});
