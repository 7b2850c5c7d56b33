// Vitest global setup of the `e2e` project: one Chromium for every end-to-end file (each file opens its
// own contexts in it, so nothing is shared between files but the browser process), and the dashboard's
// renderer built once before any file asks for it.
import type { TestProject } from 'vitest/node';
import { chromium, type BrowserServer } from 'playwright-core';
import { ensureRendererBuilt } from '../../electron/web/build-renderer';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { startTurnServer, type TurnServer } from './turns';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared Chromium's WebSocket endpoint (playwright's `connect`). */
    chromiumWsEndpoint: string;
    /** Where e2e files take their turn, one at a time (./turns.ts). */
    e2eTurnPort: number;
  }
}

let server: BrowserServer | undefined;
let turns: TurnServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  const [browserServer, turnServer] = await Promise.all([
    chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }),
    startTurnServer(),
    ensureRendererBuilt({ log: (line) => console.log(line) }),
  ]);
  server = browserServer;
  turns = turnServer;
  project.provide('chromiumWsEndpoint', server.wsEndpoint());
  project.provide('e2eTurnPort', turns.port);
}

export async function teardown(): Promise<void> {
  await turns?.close();
  await server?.close();
}
