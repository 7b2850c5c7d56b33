// The host's state as last received ('state:get', then every 'state:patch' applied by vendor id). The host
// owns the truth and computes every status; this store only mirrors it. A patch that does not follow the
// state held (one was missed: a stream reconnected, a window was hidden) makes it read the state again.
import { create } from 'zustand';
import {
  isStatePatch,
  type AppState,
  type Bridge,
  type Settings,
  type StatePatch,
  type VendorSummary,
} from '../../../shared/ipc';
import { markPatchApplied, markStateReceived } from '../perf';
import { refreshNow } from '../hooks/useNow';
import { takeEarlyState } from '../early-state';

interface AppStore {
  state: AppState | null;
  /** Why the state could not be loaded (shown instead of a blank window). */
  loadError: string | null;
  /** The load failed because this tab lacks the dashboard's access key (web mode), not a dead monitor. */
  loadErrorNeedsKey: boolean;
  setState(state: AppState): void;
  setLoadError(message: string | null, needsKey?: boolean): void;
  /** Shows a choice at once, before the host confirms it (the host's answer or next push wins). */
  patchSettings(patch: Partial<Settings>): void;
  patchVendor(id: string, patch: Partial<VendorSummary>): void;
  /** A vendor the host just added (shown before its next state push lists it). */
  upsertVendor(vendor: VendorSummary): void;
  /** A vendor the host just removed. */
  dropVendor(id: string): void;
}

export const useAppStore = create<AppStore>()((set) => ({
  state: null,
  loadError: null,
  loadErrorNeedsKey: false,
  setState: (state) => {
    // Fresh data: move the shared clock on too, so that nothing new reads as older than it is.
    refreshNow();
    set({ state, loadError: null, loadErrorNeedsKey: false });
  },
  setLoadError: (loadError, needsKey = false) => set({ loadError, loadErrorNeedsKey: needsKey }),
  patchSettings: (patch) =>
    set((s) => (s.state ? { state: { ...s.state, settings: { ...s.state.settings, ...patch } } } : {})),
  patchVendor: (id, patch) =>
    set((s) =>
      s.state
        ? {
            state: {
              ...s.state,
              vendors: s.state.vendors.map((v) => (v.id === id ? { ...v, ...patch } : v)),
            },
          }
        : {},
    ),
  upsertVendor: (vendor) =>
    set((s) => {
      if (!s.state) return {};
      const exists = s.state.vendors.some((v) => v.id === vendor.id);
      const vendors = exists
        ? s.state.vendors.map((v) => (v.id === vendor.id ? vendor : v))
        : [...s.state.vendors, vendor];
      return { state: { ...s.state, vendors } };
    }),
  dropVendor: (id) =>
    set((s) =>
      s.state ? { state: { ...s.state, vendors: s.state.vendors.filter((v) => v.id !== id) } } : {},
    ),
}));

/**
 * The state after a patch: the same object when the patch is one the state already includes, 'gap' when
 * the state does not hold the one the patch follows (read the state again).
 */
export function applyPatch(state: AppState, patch: StatePatch): AppState | 'gap' {
  const held = state.seq ?? 0;
  if (patch.since === patch.seq) return held >= patch.seq ? state : 'gap';
  if (patch.seq <= held) return state;
  if (patch.since !== held) return 'gap';
  const index = new Map<string, number>();
  state.vendors.forEach((v, i) => index.set(v.id, i));
  const vendors = [...state.vendors];
  for (const vendor of patch.vendors) {
    const at = index.get(vendor.id);
    if (at === undefined) {
      index.set(vendor.id, vendors.length);
      vendors.push(vendor);
    } else vendors[at] = vendor;
  }
  const removed = new Set(patch.removed);
  return {
    ...patch.summary,
    vendors: removed.size > 0 ? vendors.filter((v) => !removed.has(v.id)) : vendors,
    seq: patch.seq,
  };
}

/**
 * When a vendor was last checked, as far as the window can tell. A poll that finds the page as it was is
 * not pushed (it would be 2,000 pushes a minute for nothing), so a vendor that is neither failing, stale,
 * nor paused or offline was checked on schedule since its last push: the latest due time by the interval.
 */
export function checkedAtOf(
  vendor: Pick<VendorSummary, 'lastCheckedAt' | 'error' | 'stale'>,
  state: Pick<AppState, 'settings' | 'offline' | 'tray' | 'intervalOverrideSeconds'>,
  now: number,
): string | null {
  const last = vendor.lastCheckedAt;
  if (!last || vendor.error || vendor.stale || state.offline || state.tray === 'paused') return last;
  const at = Date.parse(last);
  const every = (state.intervalOverrideSeconds ?? state.settings.intervalSeconds) * 1000;
  if (!Number.isFinite(at) || !(every > 0) || now - at < every) return last;
  return new Date(at + Math.floor((now - at) / every) * every).toISOString();
}

/** Patches kept while the state is being read (applied on top of it when it arrives). */
const MAX_WAITING_PATCHES = 64;

export function resetAppStore(): void {
  useAppStore.setState({ state: null, loadError: null });
}

/**
 * Loads the state and follows its pushes; returns the unsubscribe. Patches that arrive while the state is
 * read are applied on top of it; a gap reads it again (one read at a time).
 */
export function connectAppState(bridge: Bridge): () => void {
  let active = true;
  let loading = false;
  let waiting: StatePatch[] = [];
  const store = () => useAppStore.getState();

  const apply = (patch: StatePatch): boolean => {
    const state = store().state;
    if (!state) return false;
    const receivedAt = typeof performance === 'undefined' ? 0 : performance.now();
    const next = applyPatch(state, patch);
    if (next === 'gap') return false;
    if (next !== state) {
      markStateReceived();
      store().setState(next);
      markPatchApplied(receivedAt);
    }
    return true;
  };

  const load = (): void => {
    if (loading) return;
    loading = true;
    // The first read may already be under way, started by the entry script while this code loaded.
    (takeEarlyState(bridge) ?? bridge.invoke('state:get')).then(
      (state) => {
        loading = false;
        if (!active) return;
        const held = store().state;
        // A full push (or an earlier read) newer than this answer wins.
        if (!held || (held.seq ?? 0) <= (state.seq ?? 0)) {
          markStateReceived();
          store().setState(state);
        }
        const queued = waiting;
        waiting = [];
        for (const patch of queued) if (!apply(patch)) return load();
      },
      (err: unknown) => {
        loading = false;
        waiting = [];
        if (!active || store().state) return;
        store().setLoadError(
          err instanceof Error ? err.message : String(err),
          err instanceof Error && err.name === 'AccessKeyError',
        );
      },
    );
  };

  const offPatch = bridge.on('state:patch', (patch) => {
    if (!active) return;
    if (!isStatePatch(patch)) return load();
    if (loading) {
      waiting.push(patch);
      if (waiting.length > MAX_WAITING_PATCHES) waiting.shift();
      return;
    }
    if (!apply(patch)) load();
  });
  // A host that pushes the whole state (older hosts, tests) is followed too.
  const offFull = bridge.on('state:changed', (state) => {
    if (!active) return;
    markStateReceived();
    store().setState(state);
  });
  load();
  return () => {
    active = false;
    offPatch();
    offFull();
  };
}
