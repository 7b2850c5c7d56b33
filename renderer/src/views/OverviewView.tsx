// Every watched vendor, worst first: status (glyph + words), the open incident and how long it has been
// open, last check, and a warning when the data is stale or the vendor unreachable. Virtualized, so that
// thousands of vendors scroll smoothly; arrow keys move between rows.
import { memo, useMemo, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { VendorSummary } from '../../../shared/ipc';
import { PLATFORM_LABEL } from '../../../shared/platforms';
import { compareWorstFirst, isProblem, STATUS_LABEL } from '../../../shared/status';
import { useAppStore } from '../stores/app-store';
import { useUi, type StatusFilter } from '../stores/ui-store';
import { StatusBadge } from '../components/StatusBadge';
import { RelativeTime } from '../components/RelativeTime';
import { VendorWarning, vendorWarningKind } from '../components/VendorWarning';
import { NavLink } from '../components/NavLink';
import { useNow } from '../hooks/useNow';
import { formatDuration, parseTime, plural } from '../format';

export const ROW_HEIGHT = 92;

export function sortWorstFirst(vendors: readonly VendorSummary[]): VendorSummary[] {
  return [...vendors].sort(
    (a, b) =>
      compareWorstFirst(a.status, b.status) ||
      Number(vendorWarningKind(b) !== null) - Number(vendorWarningKind(a) !== null) ||
      a.name.localeCompare(b.name),
  );
}

/** "All 12 vendors operational" / "2 vendors with problems" (and what is unknown). */
export function summaryLine(vendors: readonly VendorSummary[]): string {
  if (vendors.length === 0) return 'No vendors watched yet';
  const problems = vendors.filter((v) => isProblem(v.status)).length;
  const unknown = vendors.filter((v) => v.status === 'unknown').length;
  const unknownPart = unknown > 0 ? `, ${unknown} unknown` : '';
  if (problems > 0) return `${plural(problems, 'vendor')} with problems${unknownPart}`;
  if (unknown === 0)
    return vendors.length === 1 ? 'Your vendor is operational' : `All ${vendors.length} vendors operational`;
  const ok = vendors.length - unknown;
  return `${ok} of ${plural(vendors.length, 'vendor')} operational${unknownPart}`;
}

function matchesFilter(v: VendorSummary, filter: StatusFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'problems':
      return isProblem(v.status);
    case 'operational':
      return v.status === 'operational';
    case 'unknown':
      return v.status === 'unknown';
    case 'stale':
      return vendorWarningKind(v) !== null;
  }
}

function matchesQuery(v: VendorSummary, query: string): boolean {
  if (!query) return true;
  const q = query.toLowerCase();
  return (
    v.name.toLowerCase().includes(q) ||
    v.url.toLowerCase().includes(q) ||
    v.open.some((i) => i.title.toLowerCase().includes(q))
  );
}

function OpenFor({ since }: { since: string }) {
  const now = useNow();
  const t = parseTime(since);
  return <>{t === null ? '' : `open for ${formatDuration(now - t)}`}</>;
}

// Memoized: scrolling re-renders the list, but a row only changes when its vendor does.
const VendorRow = memo(function VendorRow({ vendor }: { vendor: VendorSummary }) {
  const first = vendor.open[0];
  const platform = vendor.platform === 'unknown' ? 'Unknown platform' : PLATFORM_LABEL[vendor.platform];
  return (
    <>
      <div className="row__line">
        <span className="row__name">{vendor.name}</span>
        <StatusBadge status={vendor.status} />
        {vendor.notify === 'muted' ? <span className="tag">Muted</span> : null}
        {vendor.snoozedUntil ? <span className="tag">Snoozed</span> : null}
      </div>
      <div className="row__line row__incident">
        {first ? (
          <>
            <span className="row__incident-title">{first.title}</span>
            <span className="muted">
              {' '}
              — <OpenFor since={first.startedAt ?? ''} />
              {vendor.open.length > 1 ? `, +${vendor.open.length - 1} more` : ''}
            </span>
          </>
        ) : vendor.problems && vendor.problems.length > 0 ? (
          <span className="row__incident-title">
            {vendor.problems
              .map((c) => `${c.group ? `${c.group} / ` : ''}${c.name}: ${STATUS_LABEL[c.status]}`)
              .join('; ')}
            {(vendor.problemCount ?? 0) > vendor.problems.length ? (
              <span className="muted">, +{(vendor.problemCount ?? 0) - vendor.problems.length} more</span>
            ) : null}
          </span>
        ) : (
          <span className="muted">No open incident</span>
        )}
      </div>
      <div className="row__line row__meta">
        {vendorWarningKind(vendor) ? (
          <VendorWarning vendor={vendor} inline />
        ) : (
          <span className="muted">
            Checked <RelativeTime iso={vendor.lastCheckedAt} /> · {platform}
          </span>
        )}
      </div>
    </>
  );
});

const FILTERS: Array<{ value: StatusFilter; label: string }> = [
  { value: 'all', label: 'All vendors' },
  { value: 'problems', label: 'With problems' },
  { value: 'operational', label: 'Operational' },
  { value: 'unknown', label: 'Unknown' },
  { value: 'stale', label: 'Stale or unreachable' },
];

export function OverviewView() {
  const vendors = useAppStore((s) => s.state?.vendors ?? []);
  const query = useUi((s) => s.query);
  const filter = useUi((s) => s.filter);
  const setQuery = useUi((s) => s.setQuery);
  const setFilter = useUi((s) => s.setFilter);
  const scrollRef = useRef<HTMLDivElement>(null);

  const sorted = useMemo(() => sortWorstFirst(vendors), [vendors]);
  const shown = useMemo(
    () => sorted.filter((v) => matchesFilter(v, filter) && matchesQuery(v, query.trim())),
    [sorted, filter, query],
  );

  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    getItemKey: (index) => shown[index]?.id ?? index,
  });

  const focusRow = (index: number): void => {
    const target = Math.max(0, Math.min(shown.length - 1, index));
    virtualizer.scrollToIndex(target, { align: 'auto' });
    const tryFocus = (attempt: number): void => {
      const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"] a`);
      if (el) el.focus();
      else if (attempt < 5) requestAnimationFrame(() => tryFocus(attempt + 1));
    };
    tryFocus(0);
  };

  const onRowKey = (index: number) => (event: KeyboardEvent<HTMLAnchorElement>) => {
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: shown.length - 1,
      PageDown: index + 8,
      PageUp: index - 8,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    focusRow(next);
  };

  const summary = summaryLine(vendors);
  return (
    <section className="view view--overview" aria-labelledby="overview-title">
      <div className="view__head">
        <h1 id="overview-title" tabIndex={-1}>
          Your vendors
        </h1>
        <p className="summary" role="status" aria-live="polite">
          {summary}
        </p>
      </div>
      {vendors.length === 0 ? (
        <div className="empty">
          <p>You do not watch any vendor yet.</p>
          <NavLink route={{ name: 'add' }} className="button button--primary">
            Add your first vendor
          </NavLink>
        </div>
      ) : (
        <>
          <div className="toolbar" role="search">
            <label className="field field--grow">
              <span className="field__label">Search</span>
              <input
                type="search"
                value={query}
                placeholder="Vendor name, address or incident"
                onChange={(e) => setQuery(e.target.value)}
              />
            </label>
            <label className="field">
              <span className="field__label">Show</span>
              <select value={filter} onChange={(e) => setFilter(e.target.value as StatusFilter)}>
                {FILTERS.map((f) => (
                  <option key={f.value} value={f.value}>
                    {f.label}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {shown.length === 0 ? (
            <p className="empty">No vendor matches this search and filter.</p>
          ) : (
            <div className="vlist" ref={scrollRef} data-testid="vendor-list-scroll">
              <ul
                className="vlist__inner"
                aria-label={`Vendors, worst first (${shown.length} shown)`}
                style={{ height: virtualizer.getTotalSize() }}
              >
                {virtualizer.getVirtualItems().map((item) => {
                  const vendor = shown[item.index];
                  if (!vendor) return null;
                  return (
                    <li
                      key={item.key}
                      data-index={item.index}
                      className={`row row--${vendor.status}`}
                      aria-setsize={shown.length}
                      aria-posinset={item.index + 1}
                      style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                    >
                      <NavLink
                        route={{ name: 'vendor', vendorId: vendor.id }}
                        className="row__link"
                        onKeyDown={onRowKey(item.index)}
                      >
                        <VendorRow vendor={vendor} />
                      </NavLink>
                    </li>
                  );
                })}
              </ul>
            </div>
          )}
          <p className="hint">
            {STATUS_LABEL.operational} vendors are listed last. Use ↑ ↓ to move through the list and Enter to
            open a vendor.
          </p>
        </>
      )}
    </section>
  );
}
