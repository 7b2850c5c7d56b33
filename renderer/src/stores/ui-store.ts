// View-local choices that should survive navigating away and back: the overview's filter and search, its
// density and grouping (remembered across sessions), and which component groups are collapsed.
import { create } from 'zustand';

export type StatusFilter = 'all' | 'problems' | 'operational' | 'unknown' | 'stale';
/** Compact: one line a vendor, so that 40 vendors fit on a laptop screen. Roomy: the three-line cards. */
export type Density = 'compact' | 'roomy';
export type Grouping = 'none' | 'category';

export const DENSITY_KEY = 'statustray.density';
export const GROUPING_KEY = 'statustray.grouping';

interface UiStore {
  query: string;
  filter: StatusFilter;
  density: Density;
  grouping: Grouping;
  /** `${vendorId}\u0000${group}` → open, as the user last set it (absent: the view's default). */
  groupOpen: Record<string, boolean>;
  setQuery(query: string): void;
  setFilter(filter: StatusFilter): void;
  setDensity(density: Density): void;
  setGrouping(grouping: Grouping): void;
  setGroupOpen(vendorId: string, group: string, open: boolean): void;
}

export const groupKey = (vendorId: string, group: string): string => `${vendorId}\u0000${group}`;

function remembered<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  try {
    const value = localStorage.getItem(key);
    return allowed.find((a) => a === value) ?? fallback;
  } catch {
    return fallback; // No storage (private mode): the default.
  }
}

function remember(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // No storage: the choice lasts for this session only.
  }
}

const initialDensity = (): Density => remembered(DENSITY_KEY, ['compact', 'roomy'], 'compact');
const initialGrouping = (): Grouping => remembered(GROUPING_KEY, ['none', 'category'], 'none');

export const useUi = create<UiStore>()((set) => ({
  query: '',
  filter: 'all',
  density: initialDensity(),
  grouping: initialGrouping(),
  groupOpen: {},
  setQuery: (query) => set({ query }),
  setFilter: (filter) => set({ filter }),
  setDensity: (density) => {
    remember(DENSITY_KEY, density);
    set({ density });
  },
  setGrouping: (grouping) => {
    remember(GROUPING_KEY, grouping);
    set({ grouping });
  },
  setGroupOpen: (vendorId, group, open) =>
    set((s) => ({ groupOpen: { ...s.groupOpen, [groupKey(vendorId, group)]: open } })),
}));

/** Back to a fresh session's choices (what storage remembers, else the defaults). */
export function resetUi(): void {
  useUi.setState({
    query: '',
    filter: 'all',
    density: initialDensity(),
    grouping: initialGrouping(),
    groupOpen: {},
  });
}
