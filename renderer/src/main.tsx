// Entry point of the window: picks the host's bridge and renders the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, applyRememberedTheme } from './App';
import { BridgeContext, pickBridge } from './bridge';
import './styles.css';

applyRememberedTheme();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <BridgeContext.Provider value={pickBridge()}>
        <App />
      </BridgeContext.Provider>
    </StrictMode>,
  );
}
