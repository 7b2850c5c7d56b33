// The maintenance calendar parsed back with ical.js, as a calendar app would read it.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, type CalendarVendor } from '../../../electron/core/calendar/calendar';
import { emptyMaintenanceMemory, rememberMaintenances } from '../../../electron/core/calendar/vanished';
import type { Incident, Snapshot } from '../../../shared/model';

function maintenance(id: string, over: Partial<Incident> = {}): Incident {
  return {
    id,
    title: `Database upgrade ${id}`,
    impact: 'maintenance',
    status: 'scheduled',
    startedAt: null as unknown as string,
    resolvedAt: null,
    url: `https://status.example.com/incidents/${id}`,
    components: [],
    updates: [{ status: 'scheduled', body: 'We will upgrade the database.', at: '2026-11-20T10:00:00.000Z' }],
    kind: 'maintenance',
    scheduledFor: '2026-12-01T02:00:00.000Z',
    scheduledUntil: '2026-12-01T04:00:00.000Z',
    ...over,
  };
}

function vendor(id: string, name: string, incidents: Incident[]): CalendarVendor {
  const snapshot: Snapshot = {
    url: `https://status.${id}.com`,
    vendor: { name, platform: 'statuspage', pageUrl: `https://status.${id}.com` },
    status: 'operational',
    components: [],
    incidents,
    fetchedAt: '2026-11-29T00:00:00.000Z',
    error: null,
  };
  return { id, name, snapshot };
}

interface Parsed {
  uid: string;
  summary: string;
  start: string;
  end: string;
  url: string | null;
  description: string | null;
  sequence: number;
  status: string | null;
  lastModified: string | null;
}

function parse(text: string): Parsed[] {
  const comp = new ICAL.Component(ICAL.parse(text));
  return comp.getAllSubcomponents('vevent').map((ve) => {
    const ev = new ICAL.Event(ve);
    const lm = ve.getFirstPropertyValue('last-modified') as ICAL.Time | null;
    return {
      uid: ev.uid,
      summary: ev.summary,
      start: ev.startDate.toJSDate().toISOString(),
      end: ev.endDate.toJSDate().toISOString(),
      url: (ve.getFirstPropertyValue('url') as string | null) ?? null,
      description: ev.description ?? null,
      sequence: ev.sequence,
      status: (ve.getFirstPropertyValue('status') as string | null) ?? null,
      lastModified: lm ? lm.toJSDate().toISOString() : null,
    };
  });
}

const NOW = Date.parse('2026-11-29T00:00:00.000Z');

describe('maintenance calendar', () => {
  it('one event per planned or running maintenance, with the window, link and latest update', () => {
    const text = buildCalendar(
      [
        vendor('kustomer', 'Kustomer', [
          maintenance('m1'),
          maintenance('m2', { status: 'in_progress', startedAt: '2026-11-28T23:00:00.000Z' }),
          maintenance('m3', { status: 'completed' }),
          { ...maintenance('i1'), kind: 'incident', impact: 'major', status: 'investigating' },
        ]),
        vendor('github', 'GitHub', [maintenance('g1')]),
      ],
      { now: NOW },
    );
    const events = parse(text);
    expect(events.map((e) => e.summary).sort()).toEqual([
      'GitHub: Database upgrade g1',
      'Kustomer: Database upgrade m1',
      'Kustomer: Database upgrade m2',
    ]);
    const m1 = events.find((e) => e.summary.endsWith('m1'))!;
    expect(m1).toMatchObject({
      start: '2026-12-01T02:00:00.000Z',
      end: '2026-12-01T04:00:00.000Z',
      url: 'https://status.example.com/incidents/m1',
      description: 'We will upgrade the database.',
      status: 'CONFIRMED',
      sequence: 1,
    });
    expect(text).toContain('DTSTART:20261201T020000Z');
  });

  it('the UID is stable; an update raises SEQUENCE and LAST-MODIFIED', () => {
    const before = parse(
      buildCalendar([vendor('kustomer', 'Kustomer', [maintenance('m1')])], { now: NOW }),
    )[0]!;
    const updated = maintenance('m1', {
      scheduledUntil: '2026-12-01T06:00:00.000Z',
      updates: [
        ...maintenance('m1').updates,
        { status: 'scheduled', body: 'Extended to 06:00 UTC.', at: '2026-11-28T10:00:00.000Z' },
      ],
    });
    const after = parse(
      buildCalendar([vendor('kustomer', 'Kustomer', [updated])], { now: NOW + 60_000 }),
    )[0]!;
    expect(after.uid).toBe(before.uid);
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect(Date.parse(after.lastModified!)).toBeGreaterThan(Date.parse(before.lastModified!));
    expect(after.end).toBe('2026-12-01T06:00:00.000Z');
    expect(after.description).toBe('Extended to 06:00 UTC.');
  });

  it('a maintenance called off is STATUS:CANCELLED, whether the vendor says so or removes it', () => {
    const said = maintenance('m1', {
      updates: [
        ...maintenance('m1').updates,
        { status: 'scheduled', body: 'This maintenance has been cancelled.', at: '2026-11-28T10:00:00.000Z' },
      ],
    });
    const [e] = parse(buildCalendar([vendor('kustomer', 'Kustomer', [said])], { now: NOW }));
    expect(e!.status).toBe('CANCELLED');

    const first = rememberMaintenances(
      emptyMaintenanceMemory(),
      [vendor('kustomer', 'Kustomer', [maintenance('m2')])],
      NOW,
    );
    const uid = parse(buildCalendar([vendor('kustomer', 'Kustomer', [maintenance('m2')])], { now: NOW }))[0]!
      .uid;
    const second = rememberMaintenances(first.memory, [vendor('kustomer', 'Kustomer', [])], NOW + 1000);
    const events = parse(
      buildCalendar([vendor('kustomer', 'Kustomer', [])], { now: NOW, vanished: second.vanished }),
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ uid, status: 'CANCELLED' });
    expect(events[0]!.sequence).toBeGreaterThan(1);
  });

  it('a vendor whose page cannot be read keeps its maintenances out of the cancelled list', () => {
    const first = rememberMaintenances(
      emptyMaintenanceMemory(),
      [vendor('kustomer', 'Kustomer', [maintenance('m2')])],
      NOW,
    );
    const broken = vendor('kustomer', 'Kustomer', []);
    broken.snapshot = { ...broken.snapshot!, error: { kind: 'timeout', message: 'timed out' } };
    expect(rememberMaintenances(first.memory, [broken], NOW).vanished).toEqual([]);
  });
});
