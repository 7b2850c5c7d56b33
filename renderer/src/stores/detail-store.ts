// Vendor details ('vendor:get') cached by id; a view reloads its vendor when the host's state moves on,
// and keeps showing the last detail meanwhile.
import { create } from 'zustand';
import type { Bridge, VendorDetail } from '../../../shared/ipc';

export interface DetailEntry {
  detail: VendorDetail | null;
  loading: boolean;
  error: string | null;
  /** False until the first answer: distinguishes "loading" from "no such vendor". */
  loaded: boolean;
}

interface DetailStore {
  entries: Record<string, DetailEntry>;
  load(bridge: Bridge, id: string): Promise<void>;
  forget(id: string): void;
}

const EMPTY: DetailEntry = { detail: null, loading: false, error: null, loaded: false };
const requestSeq: Record<string, number> = {};

export const useDetailStore = create<DetailStore>()((set, get) => ({
  entries: {},
  async load(bridge, id) {
    const seq = (requestSeq[id] = (requestSeq[id] ?? 0) + 1);
    const previous = get().entries[id] ?? EMPTY;
    set((s) => ({ entries: { ...s.entries, [id]: { ...previous, loading: true } } }));
    try {
      const detail = await bridge.invoke('vendor:get', { id });
      if (requestSeq[id] !== seq) return;
      set((s) => ({
        entries: { ...s.entries, [id]: { detail, loading: false, error: null, loaded: true } },
      }));
    } catch (err) {
      if (requestSeq[id] !== seq) return;
      const error = err instanceof Error ? err.message : String(err);
      set((s) => ({
        entries: { ...s.entries, [id]: { ...(s.entries[id] ?? EMPTY), loading: false, error, loaded: true } },
      }));
    }
  },
  forget(id) {
    set((s) => {
      const entries = { ...s.entries };
      delete entries[id];
      return { entries };
    });
  },
}));

export function useDetailEntry(id: string): DetailEntry {
  return useDetailStore((s) => s.entries[id] ?? EMPTY);
}

export function resetDetailStore(): void {
  useDetailStore.setState({ entries: {} });
}
