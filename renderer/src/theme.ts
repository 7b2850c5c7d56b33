// The window's theme remembered from the last session, applied by the entry script before anything renders.

export const THEME_KEY = 'statustray.theme';

/** The theme of the last session, applied before the first state arrives (no flash of the wrong theme). */
export function applyRememberedTheme(): void {
  try {
    const theme = localStorage.getItem(THEME_KEY);
    if (theme === 'light' || theme === 'dark' || theme === 'system')
      document.documentElement.dataset.theme = theme;
  } catch {
    // No storage: nothing remembered.
  }
}
