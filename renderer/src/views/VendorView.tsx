// One vendor: status, components grouped exactly as the vendor groups them (collapsible, with a group
// status, watched ones marked), open incidents and maintenances, the history the page publishes (newest
// first, any age), 90-day uptime, link to the vendor's page, notification level, snooze, remove.
import { useEffect, useState } from 'react';
import { incidentTime, type Incident, type NotifyLevel, type Snapshot } from '../../../shared/model';
import type { SnoozeChoice, VendorSummary } from '../../../shared/ipc';
import { PLATFORM_LABEL } from '../../../shared/platforms';
import {
  compareWorstFirst,
  isProblem,
  isResolvedStatus,
  severity,
  worstOf,
  type ComponentStatus,
} from '../../../shared/status';
import { unmatchedSentence } from '../../../shared/component-match';
import { useBridge } from '../bridge';
import { useAppStore } from '../stores/app-store';
import { useDetailEntry, useDetailStore } from '../stores/detail-store';
import { groupKey, useUi } from '../stores/ui-store';
import { useNav } from '../stores/nav-store';
import { StatusBadge } from '../components/StatusBadge';
import { RelativeTime } from '../components/RelativeTime';
import { VendorWarning } from '../components/VendorWarning';
import { NothingOpen } from '../components/NothingOpen';
import { NavLink } from '../components/NavLink';
import { ExternalLink } from '../components/ExternalLink';
import { UptimeBars } from '../components/UptimeBars';
import { IncidentList } from '../components/IncidentList';
import { ComponentPicker } from '../components/ComponentPicker';
import { componentPath, groupComponents, isNamedInWatchlist } from '../component-groups';
import { formatLocal, parseTime, plural } from '../format';
import { plainError } from '../plain-error';
import { CheckedTime } from '../components/CheckedTime';

const LACKS_TEXT: Record<string, string> = {
  components: 'This page publishes no component list.',
  incidents: 'This page does not tell us about incidents: an open one would not show here.',
  history: 'This page publishes no incident history, only what is happening now.',
  updates: 'This page publishes no incident updates, only titles.',
};

function startedAtDesc(a: Incident, b: Incident): number {
  return (parseTime(incidentTime(b)) ?? 0) - (parseTime(incidentTime(a)) ?? 0);
}

/**
 * Past this many components a page opens only the groups that matter right now (something wrong or
 * watched); the rest start collapsed. Below it, every group is open: a short page reads at a glance.
 */
export const MANY_COMPONENTS = 15;

function openByDefault(
  items: Array<{ name: string; group: string | null; status: string }>,
  marked: (c: { name: string; group: string | null }) => boolean,
  total: number,
): boolean {
  if (total <= MANY_COMPONENTS) return true;
  return items.some((c) => c.status !== 'operational' || marked(c));
}

/** Components with problems first (worst first), the rest in the page's order (the sort is stable). */
export function problemsFirst<C extends { status: ComponentStatus }>(items: readonly C[]): C[] {
  const rank = (c: C): number => (isProblem(c.status) ? severity(c.status) : 0);
  return [...items].sort((a, b) => rank(b) - rank(a));
}

/** A component with a problem, for the "What's wrong" list: since the earliest open incident naming it. */
export interface WrongItem {
  id: string;
  name: string;
  group: string | null;
  status: ComponentStatus;
  watched: boolean;
  since: string | null;
}

/** What is wrong on the page: watched components with problems first, worst first; since when if known. */
export function whatsWrong(snapshot: Snapshot, watched: readonly string[]): WrongItem[] {
  const open = snapshot.incidents.filter((i) => !isResolvedStatus(i.status) && i.kind !== 'maintenance');
  const items = snapshot.components
    .filter((c) => isProblem(c.status))
    .map((c) => {
      const starts = open
        .filter((i) => i.components.includes(c.id))
        .map((i) => i.startedAt)
        .filter((t): t is string => t !== null)
        .sort();
      return {
        id: c.id,
        name: c.name,
        group: c.group,
        status: c.status,
        watched: watched.length === 0 || isNamedInWatchlist(c, watched),
        since: starts[0] ?? null,
      };
    });
  return items.sort((a, b) => Number(b.watched) - Number(a.watched) || compareWorstFirst(a.status, b.status));
}

const WRONG_SHOWN = 8;

/** The short list at the top: what is broken, where, how badly and since when; and watched names missing. */
function WhatsWrong({ vendor, snapshot }: { vendor: VendorSummary; snapshot: Snapshot }) {
  const items = whatsWrong(snapshot, vendor.watchedComponents);
  const unmatched = vendor.unmatchedComponents ?? [];
  if (items.length === 0 && unmatched.length === 0) return null;
  const shown = items.slice(0, WRONG_SHOWN);
  return (
    <section className="card card--wrong" aria-labelledby="wrong-title">
      <h2 id="wrong-title">What's wrong</h2>
      {unmatched.length > 0 ? (
        <ul className="unmatched" aria-label="Watched components not on this page">
          {unmatched.map((u) => (
            <li key={u.name} className="warning">
              <span aria-hidden="true" className="warning__icon">
                ⚠
              </span>{' '}
              {unmatchedSentence(u)} Its status cannot be told, so this vendor reads as unknown: choose the
              components again below.
            </li>
          ))}
        </ul>
      ) : null}
      {shown.length > 0 ? (
        <ul className="wrong" aria-label="Components with problems">
          {shown.map((c) => (
            <li key={c.id} className="wrong__item">
              <StatusBadge status={c.status} compact />
              <span className="wrong__name">
                {c.name}
                {c.group ? <span className="muted"> · {c.group}</span> : null}
                {c.watched ? null : <span className="muted"> (not watched)</span>}
              </span>
              <span className="wrong__since muted">
                {c.since ? (
                  <>
                    since <span title={formatLocal(c.since)}>{formatLocal(c.since)}</span>
                  </>
                ) : (
                  'no open incident names it'
                )}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {items.length > shown.length ? (
        <p className="muted">and {plural(items.length - shown.length, 'more component')} below.</p>
      ) : null}
    </section>
  );
}

function WatchedMark() {
  return (
    <span className="watched" title="You watch this component">
      <span aria-hidden="true">★</span> Watched
    </span>
  );
}

function ComponentsSection({ vendor, snapshot }: { vendor: VendorSummary; snapshot: Snapshot }) {
  const groupOpen = useUi((s) => s.groupOpen);
  const setGroupOpen = useUi((s) => s.setGroupOpen);
  const watched = vendor.watchedComponents;
  const groups = groupComponents(snapshot.components).map((g) => ({ ...g, items: problemsFirst(g.items) }));
  const marked = (c: { name: string; group: string | null }): boolean =>
    watched.length > 0 && isNamedInWatchlist(c, watched);
  const watchedCount = snapshot.components.filter(marked).length;
  return (
    <section className="card" aria-labelledby="components-title">
      <h2 id="components-title">Components</h2>
      <p className="muted">
        {watched.length === 0
          ? `You watch all ${plural(snapshot.components.length, 'component')} of this page.`
          : `You watch ${watchedCount} of ${plural(snapshot.components.length, 'component')}; only those count for this vendor's status.`}
      </p>
      <ul className="components">
        {groups.map((g, gi) => {
          if (g.group === null) {
            const c = g.items[0];
            if (!c) return null;
            return (
              <li key={`c-${c.id}`} className={`component${marked(c) ? ' component--watched' : ''}`}>
                <span className="component__name">{c.name}</span>
                {marked(c) ? <WatchedMark /> : null}
                <StatusBadge status={c.status} compact />
              </li>
            );
          }
          const key = groupKey(vendor.id, g.group);
          const open = groupOpen[key] ?? openByDefault(g.items, marked, snapshot.components.length);
          const listId = `group-${gi}`;
          const groupStatus = worstOf(g.items.map((c) => c.status));
          const groupWatched = g.items.filter(marked).length;
          return (
            <li key={`g-${g.group}`} className="group">
              <h3 className="group__head">
                <button
                  type="button"
                  className="group__toggle"
                  aria-expanded={open}
                  aria-controls={listId}
                  onClick={() => setGroupOpen(vendor.id, g.group as string, !open)}
                >
                  <span aria-hidden="true" className="group__chevron">
                    {open ? '▾' : '▸'}
                  </span>
                  <span className="group__name">{g.group}</span>
                  <span className="muted group__count">
                    {plural(g.items.length, 'component')}
                    {groupWatched > 0 ? `, ${groupWatched} watched` : ''}
                  </span>
                  <StatusBadge status={groupStatus} compact />
                </button>
              </h3>
              {open ? (
                <ul id={listId} className="group__items">
                  {g.items.map((c) => (
                    <li key={c.id} className={`component${marked(c) ? ' component--watched' : ''}`}>
                      <span className="component__name">{c.name}</span>
                      {marked(c) ? <WatchedMark /> : null}
                      <StatusBadge status={c.status} compact />
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function WatchSettings({ vendor, snapshot }: { vendor: VendorSummary; snapshot: Snapshot | null }) {
  const bridge = useBridge();
  const navigate = useNav((s) => s.navigate);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [editing, setEditing] = useState(false);
  const [picked, setPicked] = useState<Set<string>>(new Set());

  const run = async (what: () => Promise<unknown>, done: string): Promise<void> => {
    setBusy(true);
    try {
      await what();
      setMessage(done);
    } catch (err) {
      setMessage(plainError(err));
    } finally {
      setBusy(false);
    }
  };
  const setNotify = async (notify: NotifyLevel): Promise<void> => {
    const before = vendor.notify;
    const { patchVendor } = useAppStore.getState();
    patchVendor(vendor.id, { notify });
    await run(async () => {
      try {
        patchVendor(vendor.id, await bridge.invoke('vendors:update', { id: vendor.id, notify }));
      } catch (err) {
        patchVendor(vendor.id, { notify: before });
        throw err;
      }
    }, 'Notification level saved.');
  };
  const snooze = (choice: SnoozeChoice): Promise<void> =>
    run(
      async () =>
        useAppStore
          .getState()
          .patchVendor(vendor.id, await bridge.invoke('vendors:snooze', { id: vendor.id, choice })),
      choice === 'off' ? 'Snooze ended.' : 'Snoozed.',
    );
  const startEditing = (): void => {
    const comps = snapshot?.components ?? [];
    const names = vendor.watchedComponents;
    setPicked(
      new Set(comps.filter((c) => names.length === 0 || isNamedInWatchlist(c, names)).map(componentPath)),
    );
    setEditing(true);
  };
  const saveComponents = async (): Promise<void> => {
    const all = snapshot?.components.length ?? 0;
    const components = picked.size === all ? [] : [...picked];
    await run(
      async () =>
        useAppStore
          .getState()
          .patchVendor(vendor.id, await bridge.invoke('vendors:update', { id: vendor.id, components })),
      'Watched components saved.',
    );
    setEditing(false);
  };

  return (
    <section className="card" aria-labelledby="watch-title">
      <h2 id="watch-title">Notifications and watching</h2>
      <fieldset className="fieldset" disabled={busy}>
        <legend>Notify me about</legend>
        {(
          [
            ['all', 'Every change (incidents, updates, degradations)'],
            ['outages', 'Outages only'],
            ['muted', 'Nothing (muted)'],
          ] as Array<[NotifyLevel, string]>
        ).map(([value, label]) => (
          <label key={value} className="check">
            <input
              type="radio"
              name={`notify-${vendor.id}`}
              value={value}
              checked={vendor.notify === value}
              onChange={() => void setNotify(value)}
            />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
      <div className="fieldset">
        <p className="fieldset__title">Snooze</p>
        {vendor.snoozedUntil ? (
          <p>
            Snoozed until {formatLocal(vendor.snoozedUntil)} (<RelativeTime iso={vendor.snoozedUntil} />
            ).
          </p>
        ) : (
          <p className="muted">Not snoozed.</p>
        )}
        <div className="buttons">
          <button type="button" disabled={busy} onClick={() => void snooze('1h')}>
            For 1 hour
          </button>
          <button type="button" disabled={busy} onClick={() => void snooze('tomorrow')}>
            Until tomorrow
          </button>
          {vendor.open.length > 0 ? (
            <button type="button" disabled={busy} onClick={() => void snooze('incident')}>
              Until this incident ends
            </button>
          ) : null}
          {vendor.snoozedUntil ? (
            <button type="button" disabled={busy} onClick={() => void snooze('off')}>
              End snooze
            </button>
          ) : null}
        </div>
      </div>
      {snapshot && snapshot.components.length > 0 ? (
        <div className="fieldset">
          <p className="fieldset__title">Watched components</p>
          {editing ? (
            <>
              <ComponentPicker
                components={snapshot.components}
                selected={picked}
                onChange={setPicked}
                idPrefix="edit"
              />
              <div className="buttons">
                <button
                  type="button"
                  className="button--primary"
                  disabled={busy || picked.size === 0}
                  onClick={() => void saveComponents()}
                >
                  Save ({picked.size} selected)
                </button>
                <button type="button" onClick={() => setEditing(false)}>
                  Cancel
                </button>
              </div>
            </>
          ) : (
            <button type="button" onClick={startEditing}>
              Choose components…
            </button>
          )}
        </div>
      ) : null}
      <div className="fieldset">
        <p className="fieldset__title">Remove</p>
        {confirmRemove ? (
          <div className="buttons">
            <button
              type="button"
              className="button--danger"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  await bridge.invoke('vendors:remove', { id: vendor.id });
                  navigate({ name: 'overview' });
                  useAppStore.getState().dropVendor(vendor.id);
                }, 'Removed.')
              }
            >
              Yes, stop watching {vendor.name}
            </button>
            <button type="button" onClick={() => setConfirmRemove(false)}>
              Keep it
            </button>
          </div>
        ) : (
          <button type="button" className="button--danger" onClick={() => setConfirmRemove(true)}>
            Remove vendor…
          </button>
        )}
      </div>
      <p className="muted" role="status">
        {message}
      </p>
    </section>
  );
}

export function VendorView({ vendorId }: { vendorId: string }) {
  const bridge = useBridge();
  const vendor = useAppStore((s) => s.state?.vendors.find((v) => v.id === vendorId) ?? null);
  const entry = useDetailEntry(vendorId);
  const load = useDetailStore((s) => s.load);
  const [refreshing, setRefreshing] = useState(false);

  // Reload the detail whenever the host's view of this vendor moves on.
  const version = vendor
    ? `${vendor.revision ?? vendor.lastCheckedAt}|${vendor.status}|${vendor.open.map((o) => `${o.id}:${o.status}`).join(',')}|${vendor.watchedComponents.join(',')}`
    : '';
  useEffect(() => {
    if (version) void load(bridge, vendorId);
  }, [bridge, vendorId, version, load]);

  if (!vendor) {
    return (
      <section className="view">
        <NavLink route={{ name: 'overview' }} className="back">
          ← Vendor list
        </NavLink>
        <h1 tabIndex={-1}>Vendor not found</h1>
        <p>This vendor is not in your watchlist (any more).</p>
      </section>
    );
  }

  const detail = entry.detail;
  const snapshot = detail?.snapshot ?? null;
  const incidents = snapshot?.incidents ?? [];
  const open = incidents.filter((i) => !isResolvedStatus(i.status)).sort(startedAtDesc);
  const history = incidents.filter((i) => isResolvedStatus(i.status)).sort(startedAtDesc);
  const lacks = snapshot?.vendor.lacks ?? [];
  const platform = vendor.platform === 'unknown' ? 'Unknown platform' : PLATFORM_LABEL[vendor.platform];

  return (
    <article className="view view--vendor" aria-labelledby="vendor-title">
      <NavLink route={{ name: 'overview' }} className="back">
        ← Vendor list
      </NavLink>
      <header className="view__head vendor-head">
        <div>
          <h1 id="vendor-title" tabIndex={-1}>
            {vendor.name}
          </h1>
          <p className="muted">
            {platform} · checked <CheckedTime vendor={vendor} /> ·{' '}
            <ExternalLink href={vendor.pageUrl}>Open the vendor's status page ↗</ExternalLink>
          </p>
        </div>
        <div className="vendor-head__status">
          <StatusBadge status={vendor.status} />
          <button
            type="button"
            disabled={refreshing}
            onClick={() => {
              setRefreshing(true);
              bridge.invoke('vendors:refresh', { id: vendor.id }).finally(() => setRefreshing(false));
            }}
          >
            {refreshing ? 'Checking…' : 'Check now'}
          </button>
        </div>
      </header>
      <VendorWarning vendor={vendor} />
      {lacks.map((l) => (
        <p key={l} className="note">
          {LACKS_TEXT[l] ?? `This page does not publish ${l}.`}
        </p>
      ))}
      {!entry.loaded ? (
        <p className="loading" role="status">
          Loading {vendor.name}…
        </p>
      ) : entry.error ? (
        <p className="warning" role="alert">
          Could not load the details: {entry.error}
        </p>
      ) : !snapshot ? (
        <p className="note">
          No good read of this page yet: components and incidents appear after the first successful check.
        </p>
      ) : null}
      {snapshot ? <WhatsWrong vendor={vendor} snapshot={snapshot} /> : null}
      {snapshot ? (
        <>
          <section className="card" aria-labelledby="open-title">
            <h2 id="open-title">Open incidents and maintenances</h2>
            {open.length > 0 ? (
              <IncidentList vendorId={vendor.id} incidents={open} label="Open incidents and maintenances" />
            ) : (
              <p className="muted">
                {vendor.error ? <NothingOpen vendor={vendor} /> : 'Nothing open right now.'}
              </p>
            )}
          </section>
        </>
      ) : null}
      {snapshot && snapshot.components.length > 0 ? (
        <ComponentsSection vendor={vendor} snapshot={snapshot} />
      ) : null}
      {detail ? (
        <section className="card" aria-labelledby="uptime-title">
          <h2 id="uptime-title">Uptime, last 90 days</h2>
          <UptimeBars days={detail.uptime} />
        </section>
      ) : null}
      {snapshot ? (
        <section className="card" aria-labelledby="history-title">
          <h2 id="history-title">Incident history</h2>
          {history.length > 0 ? (
            <>
              <p className="muted">
                {plural(history.length, 'past incident')} published by this page, newest first.
              </p>
              <IncidentList vendorId={vendor.id} incidents={history} label="Past incidents" />
            </>
          ) : (
            <p className="muted">This page lists no past incidents.</p>
          )}
        </section>
      ) : null}
      <WatchSettings vendor={vendor} snapshot={snapshot} />
    </article>
  );
}
