// Starts the browser dashboard around an engine: builds the renderer if needed, starts the core, serves
// both, and stops them in the right order. Used by `statustray web`, `npm run demo -- --web` and the
// end-to-end tests.
import type { AppCore } from '../core/app-types';
import { ensureRendererBuilt } from './build-renderer';
import { createWebServer, type WebServer } from './server';

export interface DashboardOptions {
  core: AppCore;
  host?: string;
  port?: number;
  allowRemote?: boolean;
  /** The access token; default a fresh one, null for none (`--no-token`). */
  token?: string | null;
  /** Serve this directory instead of building out/renderer (tests with a prebuilt copy). */
  staticDir?: string;
  log?: (line: string) => void;
}

export interface Dashboard {
  server: WebServer;
  /** The address to print and open: it carries the access token. */
  url: string;
  /** Stops serving, then stops the engine. Safe to call twice. */
  stop(): Promise<void>;
}

export async function startDashboard(options: DashboardOptions): Promise<Dashboard> {
  const staticDir = options.staticDir ?? (await ensureRendererBuilt({ log: options.log }));
  // The server is created first, so a taken port fails before the engine starts polling anyone.
  const server = await createWebServer({
    core: options.core,
    staticDir,
    host: options.host,
    port: options.port,
    allowRemote: options.allowRemote,
    ...(options.token !== undefined ? { token: options.token } : {}),
    log: options.log,
  });
  try {
    await options.core.start();
  } catch (err) {
    await server.close();
    throw err;
  }
  let stopping: Promise<void> | null = null;
  return {
    server,
    url: server.openUrl,
    stop() {
      stopping ??= (async () => {
        await server.close();
        await options.core.stop();
      })();
      return stopping;
    },
  };
}
