// Test projects by runtime: plain Node (engine, CLI, glue with mocked electron), jsdom (renderer), the
// built desktop app booted under Node with a stand-in electron, and real Chromium end to end (web mode).
// Time limits are stated here, once, and generous: the suite must pass on a busy two-core machine, so
// tests wait on conditions and these limits only catch a hang.
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { LongestFirstSequencer } from './tests/sequencer.js';

/** Tests of the built app (tests/electron/built-*.test.ts): they share one `npm run build`. */
const BUILT_APP_TESTS = 'tests/electron/built-*.test.ts';
/**
 * Tests of the main process's glue: they replace `electron` (vi.mock) and what imports it, so each file
 * gets modules of its own. The other Node files share their worker's modules (`isolate: false`): they
 * leave no global state behind (what they change — timers, env, globals — they restore), and loading
 * the engine once per worker instead of once per file is most of what a short file costs.
 */
const MOCKED_ELECTRON_TESTS = ['tests/electron/*.test.ts', 'tests/electron/host/**/*.test.ts'];

export default defineConfig({
  plugins: [react()],
  test: {
    globals: true,
    // expect.poll's default wait (vi.waitFor has none to configure: its callers pass one).
    expect: { poll: { timeout: 30_000 } },
    // Most files wait on sockets, child processes and polls rather than on a core: on a two-core machine
    // vitest's default (cores - 1 = one file at a time) leaves the machine idle most of the run. Four, not
    // five: on an idle two-core machine the same tree ran in 231 s with four and 251 s with five (the cores,
    // not the waits, are the limit once two e2e files share the browser).
    maxWorkers: 4,
    // Long files first, and the e2e files as their turns come, from the start (tests/sequencer.ts).
    sequence: { sequencer: LongestFirstSequencer },
    // Builds the statustray executable (dist-cli/) once before the tests that spawn it.
    globalSetup: ['tests/build-cli.global.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/renderer/**', 'tests/e2e/**', BUILT_APP_TESTS, ...MOCKED_ELECTRON_TESTS],
          isolate: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'electron',
          environment: 'node',
          include: MOCKED_ELECTRON_TESTS,
          exclude: [BUILT_APP_TESTS],
          server: { deps: { inline: ['electron-store', 'conf'] } },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/renderer/setup.ts'],
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'desktop',
          environment: 'node',
          include: [BUILT_APP_TESTS],
          // Builds out/ once (or reuses a build newer than its sources) before any of these files run.
          globalSetup: ['tests/electron/built-app/global-setup.ts'],
          testTimeout: 120_000,
          // Packing the app with electron-builder happens in a hook: minutes on a loaded machine.
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          // One Chromium for all the files, and the dashboard built before any of them runs.
          globalSetup: ['tests/e2e/global-setup.ts'],
          // Browser files take turns at the shared Chromium's two seats, beside the other projects' files
          // (tests/e2e/turns.ts): two files that wait on lasting states share it, a file that watches a
          // short-lived one (a toast that comes and goes, a phase of the demo) has it alone; Chromium
          // rendering three pages at once on two busy cores is where those were missed.
          // `fileParallelism: false` would run them only after every other file.
          setupFiles: ['tests/e2e/take-turn.ts'],
          // The engine, the dashboard and playwright's client load once per worker, not once per file: each
          // file starts its own servers, engine and browser contexts and stops them in its afterAll.
          isolate: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
