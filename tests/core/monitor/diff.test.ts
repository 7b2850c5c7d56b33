import { diffSnapshots } from '../../../electron/core/monitor/diff';
import { component, incident, snapshot } from './helpers';

const opts = { vendor: 'Kustomer', vendorId: 'k', at: '2026-11-24T10:05:00.000Z' };
const us = (s: Parameters<typeof component>[3] = 'operational') =>
  component('c1', 'Workflow', 'Prod1 (US)', s);
const eu = (s: Parameters<typeof component>[3] = 'operational') =>
  component('c2', 'Workflow', 'Prod2 (EU)', s);

describe('diff', () => {
  it('announces nothing for a first snapshot where all is well, even with resolved history', () => {
    const first = snapshot(
      [us(), eu()],
      [incident('old', { status: 'resolved', resolvedAt: '2026-11-20T00:00:00Z' })],
    );
    expect(diffSnapshots(null, first, opts)).toEqual([]);
  });

  it('announces only what is open right now on a first snapshot', () => {
    const first = snapshot(
      [us('major_outage'), eu()],
      [incident('i1', { impact: 'critical' }), incident('old', { status: 'resolved' })],
    );
    const types = diffSnapshots(null, first, opts).map((e) => e.type);
    expect(types).toEqual(['component_status_changed', 'incident_opened', 'vendor_status_changed']);
  });

  it('reports a component change with its group, and the vendor status after it', () => {
    const events = diffSnapshots(snapshot([us(), eu()]), snapshot([us('major_outage'), eu()]), opts);
    expect(events).toEqual([
      {
        type: 'component_status_changed',
        vendor: 'Kustomer',
        vendorId: 'k',
        at: opts.at,
        component: 'Workflow',
        componentId: 'c1',
        group: 'Prod1 (US)',
        from: 'operational',
        to: 'major_outage',
      },
      {
        type: 'vendor_status_changed',
        vendor: 'Kustomer',
        vendorId: 'k',
        at: opts.at,
        from: 'operational',
        to: 'major_outage',
      },
    ]);
  });

  it('reports nothing when nothing changed', () => {
    const s = snapshot([us('degraded'), eu()], [incident('i1')]);
    expect(diffSnapshots(s, structuredClone(s), opts)).toEqual([]);
  });

  it('follows an incident from opened through updated to resolved, each once', () => {
    const a = snapshot([us()]);
    const b = snapshot([us()], [incident('i1')]);
    const c = snapshot(
      [us()],
      [
        incident('i1', {
          status: 'identified',
          updates: [...incident('i1').updates, { status: 'identified', body: 'Found it', at: 'x' }],
        }),
      ],
    );
    const d = snapshot([us()], [incident('i1', { status: 'resolved', resolvedAt: 'y' })]);
    expect(diffSnapshots(a, b, opts).map((e) => e.type)).toEqual([
      'incident_opened',
      'vendor_status_changed',
    ]);
    expect(diffSnapshots(b, c, opts).map((e) => e.type)).toEqual(['incident_updated']);
    expect(diffSnapshots(c, d, opts).map((e) => e.type)).toEqual([
      'incident_resolved',
      'vendor_status_changed',
    ]);
    expect(diffSnapshots(d, structuredClone(d), opts)).toEqual([]);
  });

  it('treats an open incident that disappears from the page as resolved', () => {
    const events = diffSnapshots(snapshot([us()], [incident('i1')]), snapshot([us()]), opts);
    expect(events.map((e) => e.type)).toEqual(['incident_resolved', 'vendor_status_changed']);
  });

  it('reports maintenance start and completion, not its schedule', () => {
    const m = (status: 'scheduled' | 'in_progress' | 'completed') =>
      incident('m1', { kind: 'maintenance', impact: 'maintenance', status });
    const a = snapshot([us()], [m('scheduled')]);
    const b = snapshot([us('maintenance')], [m('in_progress')]);
    const c = snapshot([us()], [m('completed')]);
    expect(diffSnapshots(null, a, opts)).toEqual([]);
    expect(diffSnapshots(a, b, opts).map((e) => e.type)).toEqual([
      'component_status_changed',
      'maintenance_started',
      'vendor_status_changed',
    ]);
    expect(diffSnapshots(b, c, opts).map((e) => e.type)).toEqual([
      'component_status_changed',
      'maintenance_completed',
      'vendor_status_changed',
    ]);
  });

  it('reports only watched components and incidents touching them', () => {
    const watched = { ...opts, watchedComponents: ['Prod2 (EU)/Workflow'] };
    const a = snapshot([us(), eu()]);
    const b = snapshot([us('major_outage'), eu()], [incident('i1', { components: ['c1'] })]);
    expect(diffSnapshots(a, { ...b, status: 'operational' }, watched)).toEqual([]);
    const c = snapshot([us(), eu('degraded')], [incident('i2', { components: ['c2'] })]);
    expect(diffSnapshots(a, c, watched).map((e) => e.type)).toEqual([
      'component_status_changed',
      'incident_opened',
      'vendor_status_changed',
    ]);
  });

  it('reports the vendor coming back from unknown', () => {
    const s = snapshot([us()]);
    expect(diffSnapshots(s, s, { ...opts, fromStatus: 'unknown' })).toEqual([
      {
        type: 'vendor_status_changed',
        vendor: 'Kustomer',
        vendorId: 'k',
        at: opts.at,
        from: 'unknown',
        to: 'operational',
      },
    ]);
  });
});
