// Entry point of the window: picks the host's bridge, starts reading the host's state at once, and loads
// the app meanwhile. This script stays small so the state read starts before the app's code is parsed.
import { pickBridge } from './bridge';
import { readStateEarly } from './early-state';
import { applyRememberedTheme } from './theme';
import './styles.css';

applyRememberedTheme();
const root = document.getElementById('root');
if (root) {
  const bridge = pickBridge();
  readStateEarly(bridge);
  import('./mount').then(
    ({ mount }) => mount(root, bridge),
    (err: unknown) => {
      // The app's code is a second file: when it cannot be loaded, say so instead of a blank window.
      root.textContent = `StatusTray's window could not load its code (${String(err)}). Reload to try again.`;
    },
  );
}
