// Renders the app on a bridge (loaded after the entry script has started reading the state).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Bridge } from '../../shared/ipc';
import { App } from './App';
import { BridgeContext } from './bridge';

export function mount(root: HTMLElement, bridge: Bridge): void {
  createRoot(root).render(
    <StrictMode>
      <BridgeContext.Provider value={bridge}>
        <App />
      </BridgeContext.Provider>
    </StrictMode>,
  );
}
