// The host's state as last received ('state:get', then every 'state:changed' push). The host owns the
// truth and computes every status; this store only mirrors it.
import { create } from 'zustand';
import type { AppState, Bridge, Settings, VendorSummary } from '../../../shared/ipc';
import { markStateReceived } from '../perf';
import { refreshNow } from '../hooks/useNow';

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

export function resetAppStore(): void {
  useAppStore.setState({ state: null, loadError: null });
}

/** Loads the state and follows its pushes; returns the unsubscribe. A push newer than the load wins. */
export function connectAppState(bridge: Bridge): () => void {
  let pushed = false;
  let active = true;
  const off = bridge.on('state:changed', (state) => {
    pushed = true;
    markStateReceived();
    useAppStore.getState().setState(state);
  });
  bridge.invoke('state:get').then(
    (state) => {
      if (!active || pushed) return;
      markStateReceived();
      useAppStore.getState().setState(state);
    },
    (err: unknown) => {
      if (!active || pushed) return;
      useAppStore
        .getState()
        .setLoadError(
          err instanceof Error ? err.message : String(err),
          err instanceof Error && err.name === 'AccessKeyError',
        );
    },
  );
  return () => {
    active = false;
    off();
  };
}
