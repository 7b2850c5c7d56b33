// Renders the whole window against a fake bridge, the way main.tsx does.
import { render } from '@testing-library/react';
import { App } from '../../renderer/src/App';
import { BridgeContext } from '../../renderer/src/bridge';
import type { FakeBridge } from './fake-bridge';

export function renderApp(bridge: FakeBridge, hash = '') {
  window.location.hash = hash;
  return render(
    <BridgeContext.Provider value={bridge}>
      <App />
    </BridgeContext.Provider>,
  );
}
