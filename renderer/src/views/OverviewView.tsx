// Every watched vendor, worst first: status (glyph + words), the open incident and how long it has been
// open, last check, and a warning when the data is stale or the vendor unreachable. Compact rows by
// default (a screen holds 15+ vendors), roomy cards on request, optionally under catalog categories.
// Virtualized, so that thousands of vendors scroll smoothly; arrow keys move between rows.
import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { VendorSummary } from '../../../shared/ipc';
import { PLATFORM_LABEL } from '../../../shared/platforms';
import { unmatchedSentence } from '../../../shared/component-match';
import { compareWorstFirst, isProblem, STATUS_LABEL } from '../../../shared/status';
import { useAppStore } from '../stores/app-store';
import { useUi, type Density, type Grouping, type StatusFilter } from '../stores/ui-store';
import { StatusBadge, StatusGlyph } from '../components/StatusBadge';
import { NothingOpen } from '../components/NothingOpen';
import { UNCATALOGED } from '../uncataloged';
import { useVendorCategory, type CategoryOf } from '../hooks/useVendorCategory';
import { VendorWarning, vendorWarningKind } from '../components/VendorWarning';
import { NavLink } from '../components/NavLink';
import { SharedCauseBanner } from '../components/SharedCauseBanner';
import { useNow } from '../hooks/useNow';
import { formatDuration, parseTime, plural } from '../format';
import { CheckedTime } from '../components/CheckedTime';

/** Height of a roomy card and of a compact row, in CSS pixels (the virtualized list needs them fixed). */
export const ROW_HEIGHT = 92;
export const COMPACT_ROW_HEIGHT = 34;
const GROUP_HEAD_HEIGHT = 36;

// One collator for every comparison: the same order as localeCompare, without its per-call set-up.
const names = new Intl.Collator();

/** The overview's order: worst status first, then the ones with a warning, then by name (then id: total). */
export function compareVendors(a: VendorSummary, b: VendorSummary): number {
  return (
    compareWorstFirst(a.status, b.status) ||
    Number(vendorWarningKind(b) !== null) - Number(vendorWarningKind(a) !== null) ||
    names.compare(a.name, b.name) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export function sortWorstFirst(vendors: readonly VendorSummary[]): VendorSummary[] {
  return [...vendors].sort(compareVendors);
}

/** More vendors replaced at once than this are sorted again from scratch. */
const RESORT_AT_MOST = 64;

export interface SortedVendors {
  input: readonly VendorSummary[];
  sorted: VendorSummary[];
}

/**
 * `vendors` worst first, from the last order: a patch replaces a few vendors in place (stores/app-store.ts),
 * so only those move (taken out, put back where they now belong) instead of 2,000 vendors sorted again at
 * each push. Anything else (vendors added or removed, many replaced) is sorted from scratch.
 */
export function resortWorstFirst(
  last: SortedVendors | null,
  vendors: readonly VendorSummary[],
): VendorSummary[] {
  if (!last || last.input.length !== vendors.length) return sortWorstFirst(vendors);
  const gone = new Set<VendorSummary>();
  const fresh: VendorSummary[] = [];
  for (let i = 0; i < vendors.length; i++) {
    if (last.input[i] === vendors[i]) continue;
    if (last.input[i]?.id !== vendors[i]?.id || fresh.length >= RESORT_AT_MOST)
      return sortWorstFirst(vendors);
    gone.add(last.input[i]!);
    fresh.push(vendors[i]!);
  }
  if (fresh.length === 0) return last.sorted;
  const sorted = last.sorted.filter((v) => !gone.has(v));
  for (const vendor of fresh) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareVendors(sorted[mid]!, vendor) <= 0) lo = mid + 1;
      else hi = mid;
    }
    sorted.splice(lo, 0, vendor);
  }
  return sorted;
}

/** "All 12 vendors operational" / "2 vendors with problems" (and what is unknown). */
export function summaryLine(vendors: readonly VendorSummary[]): string {
  if (vendors.length === 0) return 'No vendors watched yet';
  let problems = 0;
  let unknown = 0;
  for (const v of vendors) {
    if (isProblem(v.status)) problems++;
    else if (v.status === 'unknown') unknown++;
  }
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

function ProblemsText({ vendor }: { vendor: VendorSummary }) {
  const problems = vendor.problems ?? [];
  const text = problems
    .map((c) => `${c.group ? `${c.group} / ` : ''}${c.name}: ${STATUS_LABEL[c.status]}`)
    .join('; ');
  return (
    <>
      <span title={text}>{text}</span>
      {(vendor.problemCount ?? 0) > problems.length ? (
        <span className="muted">, +{(vendor.problemCount ?? 0) - problems.length} more</span>
      ) : null}
    </>
  );
}

/** The roomy card: name and status, the open incident or broken components, last check or warning. */
const RoomyRow = memo(function RoomyRow({ vendor }: { vendor: VendorSummary }) {
  const first = vendor.open[0];
  const platform = vendor.platform === 'unknown' ? 'Unknown platform' : PLATFORM_LABEL[vendor.platform];
  return (
    <>
      <div className="row__line">
        <span className="row__name" title={vendor.name}>
          {vendor.name}
        </span>
        <StatusBadge status={vendor.status} />
        {vendor.notify === 'muted' ? <span className="tag">Muted</span> : null}
        {vendor.snoozedUntil ? <span className="tag">Snoozed</span> : null}
      </div>
      <div className="row__line row__incident">
        {first ? (
          <>
            <span className="row__incident-title" title={first.title}>
              {first.title}
            </span>
            <span className="muted">
              {' '}
              — <OpenFor since={first.startedAt ?? ''} />
              {vendor.open.length > 1 ? `, +${vendor.open.length - 1} more` : ''}
            </span>
          </>
        ) : vendor.problems && vendor.problems.length > 0 ? (
          <span className="row__incident-title">
            <ProblemsText vendor={vendor} />
          </span>
        ) : vendor.unmatchedComponents?.length ? (
          <UnmatchedText vendor={vendor} />
        ) : (
          <span className="muted">
            <NothingOpen vendor={vendor} />
          </span>
        )}
      </div>
      <div className="row__line row__meta">
        {vendorWarningKind(vendor) ? (
          <VendorWarning vendor={vendor} inline />
        ) : (
          <span className="muted">
            Checked <CheckedTime vendor={vendor} /> · {platform}
          </span>
        )}
      </div>
    </>
  );
});

/** Why a vendor reads as unknown when a watched name is not on its page (first of them). */
function UnmatchedText({ vendor }: { vendor: VendorSummary }) {
  const first = vendor.unmatchedComponents?.[0];
  if (!first) return null;
  const more = (vendor.unmatchedComponents?.length ?? 0) - 1;
  const text = `${unmatchedSentence(first)}${more > 0 ? ` (+${more} more)` : ''}`;
  return (
    <span className="warning" title={text}>
      {text}
    </span>
  );
}

/** The compact row: glyph, name, the status in words, the one-line problem, its age. */
const CompactRow = memo(function CompactRow({ vendor }: { vendor: VendorSummary }) {
  const first = vendor.open[0];
  const warning = vendorWarningKind(vendor);
  return (
    <>
      <StatusGlyph status={vendor.status} />
      <span className="row__name" title={vendor.name}>
        {vendor.name}
      </span>
      <span className={`row__status row__status--${vendor.status}`}>
        <span className="visually-hidden">, </span>
        {STATUS_LABEL[vendor.status]}
        <span className="visually-hidden">:</span>
      </span>
      <span className="row__problem">
        {vendor.unmatchedComponents?.length && !first ? (
          <UnmatchedText vendor={vendor} />
        ) : first ? (
          <>
            <span className="row__incident-title" title={first.title}>
              {first.title}
            </span>
            {vendor.open.length > 1 ? <span className="muted">, +{vendor.open.length - 1} more</span> : null}
          </>
        ) : vendor.problems && vendor.problems.length > 0 ? (
          <ProblemsText vendor={vendor} />
        ) : warning ? (
          <VendorWarning vendor={vendor} inline />
        ) : (
          <span className="muted">
            <NothingOpen vendor={vendor} />
          </span>
        )}
      </span>
      <span className="row__age muted">
        {vendor.notify === 'muted' ? <span className="tag">Muted</span> : null}
        {vendor.snoozedUntil ? <span className="tag">Snoozed</span> : null}
        {first ? (
          <OpenFor since={first.startedAt ?? ''} />
        ) : (
          <span>
            Checked <CheckedTime vendor={vendor} />
          </span>
        )}
      </span>
    </>
  );
});

/** One vendor's row in the virtual list: renders again only when its vendor, place or look changes. */
const VendorRowItem = memo(function VendorRowItem({
  vendor,
  index,
  start,
  height,
  density,
  setSize,
  position,
  onKey,
}: {
  vendor: VendorSummary;
  index: number;
  start: number;
  height: number;
  density: Density;
  setSize: number;
  position: number | undefined;
  onKey: (index: number, event: KeyboardEvent<HTMLAnchorElement>) => void;
}) {
  return (
    <li
      data-index={index}
      className={`row row--${vendor.status} row--${density}`}
      aria-setsize={setSize}
      aria-posinset={position}
      style={{ transform: `translateY(${start}px)`, height }}
    >
      <NavLink
        route={{ name: 'vendor', vendorId: vendor.id }}
        className="row__link"
        onKeyDown={(event) => onKey(index, event)}
      >
        {density === 'compact' ? <CompactRow vendor={vendor} /> : <RoomyRow vendor={vendor} />}
      </NavLink>
    </li>
  );
});

type ListItem =
  | { kind: 'group'; label: string; count: number; problems: number }
  | { kind: 'vendor'; vendor: VendorSummary };

/** Vendors as list items: flat, or under their catalog category (categories in trouble first). */
export function listItems(shown: readonly VendorSummary[], categoryOf: CategoryOf | null): ListItem[] {
  if (categoryOf === null) return shown.map((vendor) => ({ kind: 'vendor', vendor }));
  const groups = new Map<string, VendorSummary[]>();
  for (const v of shown) {
    const label = categoryOf(v.url);
    const list = groups.get(label) ?? [];
    list.push(v);
    groups.set(label, list);
  }
  // `shown` is worst first, so a group's first vendor is its worst: order groups by it, then by name.
  const ordered = [...groups.entries()].sort(
    ([la, a], [lb, b]) =>
      compareWorstFirst(a[0]?.status ?? 'operational', b[0]?.status ?? 'operational') ||
      Number(la === UNCATALOGED) - Number(lb === UNCATALOGED) ||
      la.localeCompare(lb),
  );
  const items: ListItem[] = [];
  for (const [label, list] of ordered) {
    items.push({
      kind: 'group',
      label,
      count: list.length,
      problems: list.filter((v) => isProblem(v.status)).length,
    });
    for (const vendor of list) items.push({ kind: 'vendor', vendor });
  }
  return items;
}

const FILTERS: Array<{ value: StatusFilter; label: string }> = [
  { value: 'all', label: 'All vendors' },
  { value: 'problems', label: 'With problems' },
  { value: 'operational', label: 'Operational' },
  { value: 'unknown', label: 'Unknown' },
  { value: 'stale', label: 'Stale or unreachable' },
];

/** Focus the search box on "/", as on many sites, unless the user is typing somewhere. */
function useSlashToSearch(input: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent): void => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      const typing =
        target !== null &&
        (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      if (typing || !input.current) return;
      event.preventDefault();
      input.current.focus();
      input.current.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [input]);
}

/** Nothing watched yet: the three ways to start, each one step away. */
function EmptyOverview() {
  return (
    <div className="empty-start">
      <p>Pick the vendors you depend on, and StatusTray tells you when one of them is in trouble.</p>
      <ul className="starts">
        <li className="card">
          <h2>From the catalog</h2>
          <p className="muted">Search hundreds of known status pages by vendor name.</p>
          <NavLink route={{ name: 'add' }} className="button button--primary">
            Add a vendor
          </NavLink>
        </li>
        <li className="card">
          <h2>Import a watchlist</h2>
          <p className="muted">A watchlist file exported from StatusTray, or written by hand.</p>
          <NavLink route={{ name: 'settings' }} className="button">
            Import in Settings
          </NavLink>
        </li>
        <li className="card">
          <h2>See it work first</h2>
          <p className="muted">
            Run <code>npm run demo -- --web</code>: a simulated vendor goes through an outage and back.
          </p>
        </li>
      </ul>
    </div>
  );
}

/** Rows are taller on a phone-sized screen: names and incident titles get two lines, not a few letters. */
const NARROW = '(max-width: 560px)';
export const NARROW_ROW_HEIGHT = 86;
const NARROW_ROOMY_HEIGHT = 116;

function narrowQuery(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(NARROW)
    : null;
}

function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => narrowQuery()?.matches ?? false);
  useEffect(() => {
    const query = narrowQuery();
    if (!query) return;
    const onChange = (): void => setNarrow(query.matches);
    query.addEventListener('change', onChange);
    onChange();
    return () => query.removeEventListener('change', onChange);
  }, []);
  return narrow;
}

export function OverviewView() {
  const vendors = useAppStore((s) => s.state?.vendors ?? []);
  const sharedCause = useAppStore((s) => s.state?.sharedCause ?? null);
  const acks = useAppStore((s) => s.state?.acks);
  const query = useUi((s) => s.query);
  const filter = useUi((s) => s.filter);
  const density = useUi((s) => s.density);
  const grouping = useUi((s) => s.grouping);
  const setQuery = useUi((s) => s.setQuery);
  const setFilter = useUi((s) => s.setFilter);
  const setDensity = useUi((s) => s.setDensity);
  const setGrouping = useUi((s) => s.setGrouping);
  const scrollRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  useSlashToSearch(searchRef);

  const lastSort = useRef<SortedVendors | null>(null);
  const sorted = useMemo(() => {
    const next = resortWorstFirst(lastSort.current, vendors);
    lastSort.current = { input: vendors, sorted: next };
    return next;
  }, [vendors]);
  const shown = useMemo(
    () =>
      filter === 'all' && query.trim() === ''
        ? sorted
        : sorted.filter((v) => matchesFilter(v, filter) && matchesQuery(v, query.trim())),
    [sorted, filter, query],
  );
  // Flat until the catalog has loaded (a moment, the first time the list is grouped).
  const categoryOf = useVendorCategory(grouping === 'category');
  const items = useMemo(() => listItems(shown, categoryOf), [shown, categoryOf]);
  const narrow = useNarrow();
  const rowHeight =
    density === 'compact'
      ? narrow
        ? NARROW_ROW_HEIGHT
        : COMPACT_ROW_HEIGHT
      : narrow
        ? NARROW_ROOMY_HEIGHT
        : ROW_HEIGHT;

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (items[index]?.kind === 'group' ? GROUP_HEAD_HEIGHT : rowHeight),
    overscan: 6,
    getItemKey: (index) => {
      const item = items[index];
      return item ? (item.kind === 'group' ? `group:${item.label}` : item.vendor.id) : index;
    },
  });
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight, categoryOf]);

  const focusRow = (index: number, step: number): void => {
    let target = Math.max(0, Math.min(items.length - 1, index));
    // Group headings are not stops: move on in the same direction to the next vendor.
    while (items[target]?.kind === 'group') {
      const next = target + (step >= 0 ? 1 : -1);
      if (next < 0 || next >= items.length) break;
      target = next;
    }
    if (items[target]?.kind !== 'vendor') return;
    virtualizer.scrollToIndex(target, { align: 'auto' });
    const tryFocus = (attempt: number): void => {
      const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"] a`);
      if (el) el.focus();
      else if (attempt < 5) requestAnimationFrame(() => tryFocus(attempt + 1));
    };
    tryFocus(0);
  };

  const onRowKeyNow = (index: number, event: KeyboardEvent<HTMLAnchorElement>): void => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / rowHeight) - 1);
    const moves: Record<string, [number, number]> = {
      ArrowDown: [index + 1, 1],
      ArrowUp: [index - 1, -1],
      Home: [0, 1],
      End: [items.length - 1, -1],
      PageDown: [index + page, 1],
      PageUp: [index - page, -1],
    };
    const move = moves[event.key];
    if (move === undefined) return;
    event.preventDefault();
    focusRow(move[0], move[1]);
  };
  // One handler for every row, the same across renders, so that rows already shown do not render again
  // when the list scrolls or a patch arrives: it calls the latest key handling.
  const rowKeyRef = useRef(onRowKeyNow);
  rowKeyRef.current = onRowKeyNow;
  const onRowKey = useCallback(
    (index: number, event: KeyboardEvent<HTMLAnchorElement>) => rowKeyRef.current(index, event),
    [],
  );

  const vendorPosition = useMemo(() => {
    const positions = new Map<string, number>();
    let n = 0;
    for (const item of items) if (item.kind === 'vendor') positions.set(item.vendor.id, ++n);
    return positions;
  }, [items]);

  const summary = useMemo(() => summaryLine(vendors), [vendors]);
  return (
    <section className={`view view--overview view--${density}`} aria-labelledby="overview-title">
      <div className="view__head">
        <h1 id="overview-title" tabIndex={-1}>
          Your vendors
        </h1>
        <p className="summary" role="status" aria-live="polite">
          {summary}
        </p>
      </div>
      <SharedCauseBanner group={sharedCause} acks={acks ?? []} />
      {vendors.length === 0 ? (
        <EmptyOverview />
      ) : (
        <>
          <div className="toolbar" role="search">
            <label className="field field--grow">
              <span className="field__label">Search</span>
              <input
                ref={searchRef}
                type="search"
                value={query}
                aria-keyshortcuts="/"
                placeholder="Vendor name, address or incident (press /)"
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
            <label className="field">
              <span className="field__label">Group</span>
              <select value={grouping} onChange={(e) => setGrouping(e.target.value as Grouping)}>
                <option value="none">No grouping</option>
                <option value="category">By category</option>
              </select>
            </label>
            <label className="check toolbar__check">
              <input
                type="checkbox"
                checked={density === 'roomy'}
                onChange={(e) => setDensity(e.target.checked ? 'roomy' : 'compact')}
              />
              <span>Roomy cards</span>
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
                {virtualizer.getVirtualItems().map((virtual) => {
                  const item = items[virtual.index];
                  if (!item) return null;
                  if (item.kind === 'group') {
                    return (
                      <li
                        key={virtual.key}
                        data-index={virtual.index}
                        className="vgroup"
                        style={{ transform: `translateY(${virtual.start}px)`, height: GROUP_HEAD_HEIGHT }}
                      >
                        <h2 className="vgroup__head">
                          {item.label}{' '}
                          <span className="muted">
                            · {plural(item.count, 'vendor')}
                            {item.problems > 0 ? `, ${item.problems} with problems` : ''}
                          </span>
                        </h2>
                      </li>
                    );
                  }
                  return (
                    <VendorRowItem
                      key={virtual.key}
                      vendor={item.vendor}
                      index={virtual.index}
                      start={virtual.start}
                      height={rowHeight}
                      density={density}
                      setSize={shown.length}
                      position={vendorPosition.get(item.vendor.id)}
                      onKey={onRowKey}
                    />
                  );
                })}
              </ul>
            </div>
          )}
          <p className="hint">
            Vendors in trouble are listed first.
            <span className="hint--keys">
              {' '}
              Press / to search, ↑ ↓ to move through the list and Enter to open a vendor.
            </span>
          </p>
        </>
      )}
    </section>
  );
}
