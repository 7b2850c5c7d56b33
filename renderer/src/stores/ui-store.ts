// View-local choices that should survive navigating away and back: the overview's filter and search, and
// which component groups are collapsed.
import { create } from 'zustand';

export type StatusFilter = 'all' | 'problems' | 'operational' | 'unknown' | 'stale';

interface UiStore {
  query: string;
  filter: StatusFilter;
  /** `${vendorId}\u0000${group}` → collapsed. */
  collapsed: Record<string, boolean>;
  setQuery(query: string): void;
  setFilter(filter: StatusFilter): void;
  toggleGroup(vendorId: string, group: string): void;
}

export const groupKey = (vendorId: string, group: string): string => `${vendorId}\u0000${group}`;

export const useUi = create<UiStore>()((set) => ({
  query: '',
  filter: 'all',
  collapsed: {},
  setQuery: (query) => set({ query }),
  setFilter: (filter) => set({ filter }),
  toggleGroup: (vendorId, group) =>
    set((s) => {
      const key = groupKey(vendorId, group);
      return { collapsed: { ...s.collapsed, [key]: !s.collapsed[key] } };
    }),
}));

export function resetUi(): void {
  useUi.setState({ query: '', filter: 'all', collapsed: {} });
}
