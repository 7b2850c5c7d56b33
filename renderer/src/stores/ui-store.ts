// View-local choices that should survive navigating away and back: the overview's filter and search, and
// which component groups are collapsed.
import { create } from 'zustand';

export type StatusFilter = 'all' | 'problems' | 'operational' | 'unknown' | 'stale';

interface UiStore {
  query: string;
  filter: StatusFilter;
  /** `${vendorId}\u0000${group}` → open, as the user last set it (absent: the view's default). */
  groupOpen: Record<string, boolean>;
  setQuery(query: string): void;
  setFilter(filter: StatusFilter): void;
  setGroupOpen(vendorId: string, group: string, open: boolean): void;
}

export const groupKey = (vendorId: string, group: string): string => `${vendorId}\u0000${group}`;

export const useUi = create<UiStore>()((set) => ({
  query: '',
  filter: 'all',
  groupOpen: {},
  setQuery: (query) => set({ query }),
  setFilter: (filter) => set({ filter }),
  setGroupOpen: (vendorId, group, open) =>
    set((s) => ({ groupOpen: { ...s.groupOpen, [groupKey(vendorId, group)]: open } })),
}));

export function resetUi(): void {
  useUi.setState({ query: '', filter: 'all', groupOpen: {} });
}
