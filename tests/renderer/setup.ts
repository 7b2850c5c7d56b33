// jsdom setup for the window's tests: jest-dom matchers, cleanup and fresh stores between tests, and the
// layout numbers jsdom lacks (the virtualized list needs a viewport height to render rows).
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { resetAppStore } from '../../renderer/src/stores/app-store';
import { resetDetailStore } from '../../renderer/src/stores/detail-store';
import { resetUi } from '../../renderer/src/stores/ui-store';
import { useNav } from '../../renderer/src/stores/nav-store';
import { resetPerfForTests } from '../../renderer/src/perf';

// findBy*/waitFor wait on a condition; their 1 s default fails on a busy machine, so allow plenty.
configure({ asyncUtilTimeout: 15_000 });

Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1000 });

beforeEach(() => {
  window.location.hash = '';
  useNav.setState({ route: { name: 'overview' } });
});

afterEach(() => {
  cleanup();
  resetAppStore();
  resetDetailStore();
  resetUi();
  resetPerfForTests();
  delete window.__statusTrayFirstViewMs;
  delete window.__statusTrayFirstViewAt;
  localStorage.clear();
  delete document.documentElement.dataset.theme;
});
