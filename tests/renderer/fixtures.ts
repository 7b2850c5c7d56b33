// Realistic data for the window's tests: Kustomer as its status page groups it (a standalone component,
// Prod1 (US), Prod2 (EU), Third Party: 47 components) with the incidents of the seed page, including the
// August 16 postmortem, and app states of any size.
import type {
  AppState,
  DetectResult,
  Settings,
  UptimeDay,
  VendorDetail,
  VendorSummary,
} from '../../shared/ipc';
import type { Component, Incident, Snapshot } from '../../shared/model';
import type { VendorStatus } from '../../shared/status';
import {
  KUSTOMER_KB_RESOLVED as KUSTOMER_SEP9_RESOLVED,
  KUSTOMER_POSTMORTEM_AUG10 as KUSTOMER_AUG10_POSTMORTEM,
  KUSTOMER_POSTMORTEM_AUG16 as KUSTOMER_AUG16_POSTMORTEM,
  KUSTOMER_PROD_COMPONENTS as REGION_COMPONENTS,
} from '../fixtures/kustomer';

/** The tests' "now": 2026-11-24 12:00 UTC. */
export const NOW = Date.parse('2026-11-24T12:00:00.000Z');
export const minutesAgo = (m: number): string => new Date(NOW - m * 60_000).toISOString();

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function kustomerComponents(overrides: Record<string, VendorStatus> = {}): Component[] {
  const make = (name: string, group: string | null): Component => {
    const id = group ? `${slug(group)}-${slug(name)}` : slug(name);
    return { id, name, group, status: overrides[id] ?? 'operational' };
  };
  return [
    make('Regional Incident', null),
    ...REGION_COMPONENTS.map((n) => make(n, 'Prod1 (US)')),
    ...REGION_COMPONENTS.map((n) => make(n, 'Prod2 (EU)')),
    make('OpenAI', 'Third Party'),
    make('PubNub', 'Third Party'),
  ];
}

export const OPEN_INCIDENT: Incident = {
  id: 'inc-open-workflow',
  title: 'Delays processing inbound messages on Prod1',
  impact: 'major',
  status: 'identified',
  startedAt: minutesAgo(95),
  resolvedAt: null,
  url: 'https://status.kustomer.com/incidents/inc-open-workflow',
  components: ['prod1-us-workflow', 'prod1-us-channel-email'],
  updates: [
    {
      status: 'investigating',
      body: 'We are investigating delays in processing **inbound** messages for instances on Prod1.',
      at: minutesAgo(95),
    },
    {
      status: 'identified',
      body: 'The issue has been identified and a fix is being rolled out.',
      at: minutesAgo(40),
    },
  ],
};

export const AUG16_INCIDENT: Incident = {
  id: 'inc-2022-08-16',
  title: 'Inbound messages delayed on PROD 1 (workflow service)',
  impact: 'major',
  status: 'postmortem',
  startedAt: '2022-08-16T14:30:00.000Z',
  resolvedAt: '2022-08-16T15:05:00.000Z',
  url: 'https://status.kustomer.com/incidents/inc-2022-08-16',
  components: ['prod1-us-workflow', 'prod1-us-channel-chat', 'prod1-us-channel-email'],
  updates: [
    {
      status: 'investigating',
      body: 'We are investigating delays in processing inbound messages on PROD 1.',
      at: '2022-08-16T14:30:00.000Z',
    },
    {
      status: 'identified',
      body: 'A deployment of the workflow service has been identified as the cause and is being rolled back.',
      at: '2022-08-16T14:40:00.000Z',
    },
    {
      status: 'resolved',
      body: 'Events are processing at normal speed again. The backlog has been cleared.',
      at: '2022-08-16T15:05:00.000Z',
    },
    { status: 'postmortem', body: KUSTOMER_AUG16_POSTMORTEM, at: '2022-08-19T18:00:00.000Z' },
  ],
};

export const SEP9_INCIDENT: Incident = {
  id: 'inc-2022-09-09',
  title: 'Knowledge base domains unavailable',
  impact: 'minor',
  status: 'resolved',
  startedAt: '2022-09-09T16:58:00.000Z',
  resolvedAt: '2022-09-09T18:10:00.000Z',
  url: null,
  components: ['prod1-us-knowledge-base', 'prod2-eu-knowledge-base'],
  updates: [{ status: 'resolved', body: KUSTOMER_SEP9_RESOLVED, at: '2022-09-09T18:10:00.000Z' }],
};

export const AUG10_INCIDENT: Incident = {
  id: 'inc-2022-08-10',
  title: 'Instagram messages with links fail to send',
  impact: 'minor',
  status: 'postmortem',
  startedAt: '2022-08-10T13:16:00.000Z',
  resolvedAt: '2022-08-10T18:20:00.000Z',
  url: null,
  components: ['prod1-us-channel-instagram', 'prod2-eu-channel-instagram'],
  updates: [{ status: 'postmortem', body: KUSTOMER_AUG10_POSTMORTEM, at: '2022-08-12T15:00:00.000Z' }],
};

/** An incident whose texts carry injections: all must show as inert text. */
export const HOSTILE_INCIDENT: Incident = {
  id: 'inc-hostile',
  title: '<img src=x onerror="window.__pwned=1"> Title with markup',
  impact: 'minor',
  status: 'resolved',
  startedAt: '2022-07-01T10:00:00.000Z',
  resolvedAt: '2022-07-01T11:00:00.000Z',
  url: 'javascript:alert(1)',
  components: [],
  updates: [
    {
      status: 'resolved',
      body: [
        '## Details',
        '',
        '<script>window.__pwned = 1</script>',
        '',
        'Inline <img src="x" onerror="window.__pwned=2"> image and <iframe src="https://evil.example"></iframe> frame.',
        '',
        '[click me](javascript:window.__pwned=3) and [the real page](https://status.kustomer.com/) and <a href="https://evil.example" onclick="window.__pwned=4">raw link</a>',
      ].join('\n'),
      at: '2022-07-01T11:00:00.000Z',
    },
  ],
};

export function uptimeDays(count = 90, bad: Record<number, VendorStatus> = {}): UptimeDay[] {
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(NOW - (count - 1 - i) * 86_400_000);
    const date = d.toISOString().slice(0, 10);
    const worst = bad[i] ?? 'operational';
    return { date, uptime: worst === 'operational' ? 1 : 0.97, worst };
  });
}

export function summary(partial: Partial<VendorSummary> & { id: string; name: string }): VendorSummary {
  return {
    url: `https://status.${partial.id}.example`,
    platform: 'statuspage',
    pageUrl: `https://status.${partial.id}.example`,
    status: 'operational',
    open: [],
    lastCheckedAt: minutesAgo(2),
    lastGoodAt: minutesAgo(2),
    stale: false,
    error: null,
    watchedComponents: [],
    notify: 'all',
    snoozedUntil: null,
    ...partial,
  };
}

export const KUSTOMER_WATCHED = ['Prod1 (US)/Workflow', 'Prod2 (EU)/Channel - Email', 'Regional Incident'];

export function kustomerSummary(partial: Partial<VendorSummary> = {}): VendorSummary {
  return summary({
    id: 'kustomer',
    name: 'Kustomer',
    url: 'https://status.kustomer.com',
    pageUrl: 'https://status.kustomer.com',
    status: 'partial_outage',
    open: [
      {
        id: OPEN_INCIDENT.id,
        title: OPEN_INCIDENT.title,
        impact: OPEN_INCIDENT.impact,
        status: OPEN_INCIDENT.status,
        startedAt: OPEN_INCIDENT.startedAt,
      },
    ],
    watchedComponents: KUSTOMER_WATCHED,
    ...partial,
  });
}

export function kustomerSnapshot(extraIncidents: Incident[] = []): Snapshot {
  return {
    url: 'https://status.kustomer.com',
    vendor: { name: 'Kustomer', platform: 'statuspage', pageUrl: 'https://status.kustomer.com' },
    status: 'partial_outage',
    components: kustomerComponents({
      'prod1-us-workflow': 'partial_outage',
      'prod1-us-channel-email': 'degraded',
    }),
    // Open first, then the history in the page's order (oldest of the list deliberately not last).
    incidents: [OPEN_INCIDENT, AUG10_INCIDENT, SEP9_INCIDENT, AUG16_INCIDENT, ...extraIncidents],
    fetchedAt: minutesAgo(2),
    error: null,
  };
}

export function kustomerDetail(extraIncidents: Incident[] = []): VendorDetail {
  return {
    summary: kustomerSummary(),
    snapshot: kustomerSnapshot(extraIncidents),
    uptime: uptimeDays(90, { 89: 'partial_outage', 40: 'degraded' }),
  };
}

export const DEFAULT_SETTINGS: Settings = {
  intervalSeconds: 120,
  notificationsEnabled: true,
  quietHours: { enabled: false, start: '22:00', end: '07:00' },
  launchAtLogin: false,
  theme: 'system',
  pausedUntil: null,
};

export function appState(vendors: VendorSummary[], partial: Partial<AppState> = {}): AppState {
  return {
    vendors,
    tray: 'operational',
    offline: false,
    settings: DEFAULT_SETTINGS,
    dataDir: '/home/ada/.config/StatusTray',
    notices: [],
    ...partial,
  };
}

/** A mixed watchlist: one of each kind of trouble, and some fine vendors. */
export function mixedVendors(): VendorSummary[] {
  return [
    summary({ id: 'github', name: 'GitHub' }),
    kustomerSummary(),
    summary({ id: 'stripe', name: 'Stripe' }),
    summary({
      id: 'slack',
      name: 'Slack',
      status: 'major_outage',
      open: [
        {
          id: 's1',
          title: 'Messages fail to send',
          impact: 'critical',
          status: 'investigating',
          startedAt: minutesAgo(30),
        },
      ],
    }),
    summary({
      id: 'acme',
      name: 'Acme Hosting',
      status: 'unknown',
      stale: true,
      lastGoodAt: minutesAgo(180),
      error: { kind: 'timeout', message: 'The page did not answer within 10 seconds.' },
    }),
    summary({ id: 'mailgun', name: 'Mailgun', status: 'degraded' }),
  ];
}

export function manyVendors(count: number): VendorSummary[] {
  return Array.from({ length: count }, (_, i) =>
    summary({
      id: `v${i}`,
      name: `Vendor ${String(i).padStart(4, '0')}`,
      status: i % 97 === 5 ? 'major_outage' : 'operational',
    }),
  );
}

export function kustomerDetection(): DetectResult {
  const components = kustomerComponents().map(({ id, name, group }) => ({ id, name, group }));
  return {
    url: 'https://status.kustomer.com',
    platform: 'statuspage',
    name: 'Kustomer',
    componentCount: components.length,
    components,
    error: null,
  };
}
