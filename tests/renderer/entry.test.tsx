// The window's entry script: it starts reading the state, then loads the app's code as a second file.
// When that file cannot be loaded, the window says so in words instead of staying blank.
import { waitFor } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { createFakeBridge } from './fake-bridge';
import { appState } from './fixtures';

afterEach(() => {
  vi.doUnmock('../../renderer/src/mount');
  vi.resetModules();
  delete window.statusTray;
  document.body.innerHTML = '';
});

it('says the window could not load when the app code fails to load, after starting the state read', async () => {
  const bridge = createFakeBridge({ 'state:get': async () => appState([]) });
  window.statusTray = bridge;
  document.body.innerHTML = '<div id="root"></div>';
  vi.resetModules();
  vi.doMock('../../renderer/src/mount', () => {
    throw new Error('Failed to fetch dynamically imported module');
  });
  await import('../../renderer/src/main');
  const root = document.getElementById('root')!;
  await waitFor(() => expect(root.textContent).toMatch(/could not load its code .*Reload to try again/));
  // The state read had started before the app's code was asked for.
  expect(bridge.callsTo('state:get')).toHaveLength(1);
  const { takeEarlyState } = await import('../../renderer/src/early-state');
  expect(takeEarlyState(bridge)).not.toBeNull();
});
