// Picks the host the window talks to: Electron's preload (`window.statusTray`) when present, otherwise the
// web mode's HTTP + server-sent events bridge. The views receive it through React context.
import { createContext, useContext } from 'react';
import type { Bridge } from '../../shared/ipc';
import { createWebBridge, takeAccessToken } from './web-bridge';

export function pickBridge(win: Window = window): Bridge {
  return win.statusTray ?? createWebBridge('', takeAccessToken(win));
}

export const BridgeContext = createContext<Bridge | null>(null);

export function useBridge(): Bridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useBridge outside <BridgeContext.Provider>');
  return bridge;
}
