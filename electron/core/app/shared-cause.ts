// Runs the grouping of vendors failing together over what the monitor sees, and finds the likely cause
// from the watched pages and, when the user allows it, the few relevant common providers' pages — read
// once per group, never polled. Shared by the app core (desktop, web) and `watch`.
import type { MonitorEvent, SharedCause, SharedCauseEvent, Snapshot } from '../../../shared/model';
import { commonProviders, type CommonProvider } from '../../../shared/catalog/common-providers';
import { findCause, mentions, type CauseCandidate } from '../policy/cause';
import {
  DEFAULT_GROUPING,
  initialGroupingState,
  refreshCause,
  settleMember,
  stepGrouping,
  type GroupingConfig,
  type GroupingState,
  type OpenGroup,
} from '../policy/grouping';
import type { VendorRuntimeView } from '../monitor/monitor';

/** Common providers' pages read for one group, at most. */
export const PROVIDER_LOOKUPS_PER_GROUP = 3;

export interface SharedCauseOptions {
  now: () => number;
  views: () => readonly VendorRuntimeView[];
  config?: () => GroupingConfig;
  /** Reads an unwatched common provider's page once; absent or returning null when not allowed. */
  lookUp?: (provider: CommonProvider) => Promise<Snapshot | null>;
  /** Whether looking up unwatched providers is allowed now (a setting). */
  lookUpAllowed?: () => boolean;
  /** Group events found later (a provider's page read after the group opened). */
  onLateEvents?: (events: SharedCauseEvent[]) => void;
  providers?: readonly CommonProvider[];
}

export interface SharedCauseTracker {
  /** The group events for one batch of the monitor's events. */
  step(events: readonly MonitorEvent[]): SharedCauseEvent[];
  /** The open group, if any. */
  open(): OpenGroup | null;
  /** Stops late lookups from reporting. */
  stop(): void;
  /** The whole grouping state, to keep across a restart. */
  state(): GroupingState;
  /** Continues from a state kept before a restart (before the first events). */
  restore(state: GroupingState): void;
  /**
   * After a vendor's read: a member of a continued group read well for the first time since the restart
   * settles its place in it (recovered when its page says it is fine). The group events it leads to.
   */
  afterRead(view: VendorRuntimeView): SharedCauseEvent[];
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}

export function createSharedCauseTracker(options: SharedCauseOptions): SharedCauseTracker {
  const providers = options.providers ?? commonProviders();
  const config = options.config ?? (() => DEFAULT_GROUPING);
  let state: GroupingState = initialGroupingState();
  let stopped = false;
  /** Provider id → its page as read for the open group. */
  let lookedUp = new Map<string, Snapshot>();
  let lookedUpFor: string | null = null;
  /** Members of a group continued after a restart not yet read well since (their first reading is no news). */
  let unsettled = new Set<string>();

  const providerOf = (view: VendorRuntimeView): CommonProvider | undefined => {
    const host = hostOf(view.lastGood?.vendor.pageUrl ?? view.entry.url);
    return providers.find(
      (p) =>
        (host !== '' && hostOf(p.url) === host && !p.id.startsWith('aws-region')) ||
        p.name.toLowerCase() === view.name.toLowerCase() ||
        p.aliases.some((a) => a.toLowerCase() === view.name.toLowerCase()),
    );
  };

  const causeOf = (
    members: ReadonlyArray<{ id: string; name: string }>,
    since: number,
  ): SharedCause | null => {
    const views = options.views();
    const byId = new Map(views.map((v) => [v.id, v]));
    const watchedProviders = new Set<string>();
    const candidates: CauseCandidate[] = views.map((v) => {
      const p = providerOf(v);
      if (p) watchedProviders.add(p.id);
      return {
        id: v.id,
        name: v.name,
        aliases: p ? [p.name, ...p.aliases].filter((a) => a !== v.name) : [],
        snapshot: v.lastGood,
        common: p !== undefined,
      };
    });
    for (const p of providers) {
      if (watchedProviders.has(p.id)) continue;
      candidates.push({
        name: p.name,
        aliases: p.aliases,
        snapshot: lookedUp.get(p.id) ?? null,
        common: true,
      });
    }
    const cause = findCause({
      members: members.map((m) => ({ id: m.id, name: m.name, snapshot: byId.get(m.id)?.lastGood ?? null })),
      candidates,
      since,
      now: options.now(),
      windowMs: config().windowMs,
    });
    if (!cause) return null;
    const { score: _score, ...named } = cause;
    void _score;
    return named;
  };

  /** The unwatched providers worth reading for this group: those the vendors name first. */
  const relevantProviders = (g: OpenGroup): CommonProvider[] => {
    const views = options.views();
    const watched = new Set(views.map((v) => providerOf(v)?.id).filter(Boolean));
    const texts = g.members.flatMap((m) => {
      const snap = views.find((v) => v.id === m.id)?.lastGood;
      return [
        ...(snap?.incidents ?? [])
          .filter((i) => !i.resolvedAt)
          .map((i) => [i.title, ...i.updates.slice(-3).map((u) => u.body)].join('\n')),
        ...(snap?.components ?? [])
          .filter((c) => c.status !== 'operational')
          .map((c) => `${c.group ?? ''} ${c.name}`),
      ];
    });
    const named = providers.filter(
      (p) => !watched.has(p.id) && texts.some((t) => mentions(t, [p.name, ...p.aliases])),
    );
    return named.slice(0, PROVIDER_LOOKUPS_PER_GROUP);
  };

  const lookUpFor = (g: OpenGroup): void => {
    if (!options.lookUp || !(options.lookUpAllowed?.() ?? true) || lookedUpFor === g.id) return;
    lookedUpFor = g.id;
    lookedUp = new Map();
    const wanted = relevantProviders(g);
    if (!wanted.length) return;
    void Promise.allSettled(
      wanted.map(async (p) => {
        const snap = await options.lookUp!(p);
        if (snap && !snap.error) lookedUp.set(p.id, snap);
      }),
    ).then(() => {
      if (stopped || state.open?.id !== g.id) return;
      const open = state.open;
      const cause = causeOf(
        open.members.map(({ id, name }) => ({ id, name })),
        open.since,
      );
      const result = refreshCause(state, cause, options.now());
      state = result.state;
      if (result.events.length) options.onLateEvents?.(result.events);
    });
  };

  return {
    step(events) {
      if (stopped) return [];
      // A continued group's member first read after the restart (from unknown) is settled by afterRead.
      const news = unsettled.size
        ? events.filter(
            (e) =>
              !(
                e.type === 'vendor_status_changed' &&
                e.from === 'unknown' &&
                unsettled.has(e.vendorId ?? e.vendor)
              ),
          )
        : events;
      const result = stepGrouping(state, { now: options.now(), events: news, causeOf }, config());
      state = result.state;
      const opened = result.events.find((e) => e.type === 'shared_cause_opened');
      if (opened && state.open) lookUpFor(state.open);
      if (!state.open) {
        lookedUp = new Map();
        lookedUpFor = null;
        unsettled = new Set();
      }
      return result.events;
    },
    open: () => state.open,
    stop() {
      stopped = true;
    },
    state: () => state,
    restore(restored) {
      state = structuredClone(restored);
      unsettled = new Set(state.open?.members.filter((m) => !m.recovered).map((m) => m.id) ?? []);
      // Its providers were read (or not) before the restart: the cause stored with it stands.
      lookedUpFor = state.open?.id ?? null;
    },
    afterRead(view) {
      if (stopped || !unsettled.has(view.id) || view.lastCheckedAt === null || view.lastError !== null)
        return [];
      unsettled.delete(view.id);
      const result = settleMember(state, view.id, view.status, options.now());
      state = result.state;
      if (!state.open) unsettled = new Set();
      return result.events;
    },
  };
}
