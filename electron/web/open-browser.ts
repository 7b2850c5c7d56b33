// Opens the dashboard's address in the person's browser when `web` runs in their terminal: never when
// output goes to a pipe or a file, never in CI, never with --no-open (tests and scripts see none of it).
import { spawn } from 'node:child_process';

export interface OpenContext {
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
}

/** Whether to open a browser at all: someone is at a terminal, not a CI job. */
export function shouldOpenBrowser(wanted: boolean, ctx: OpenContext): boolean {
  return wanted && ctx.isTTY && !ctx.env.CI;
}

/** The command that opens a URL with the desktop's default handler. */
export function openCommand(url: string, platform: NodeJS.Platform): [string, string[]] {
  if (platform === 'darwin') return ['open', [url]];
  // `start` treats its first quoted argument as a window title: give it an empty one.
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]];
  return ['xdg-open', [url]];
}

/** Best effort: a desktop without a browser just means the person opens the printed address. */
export function openBrowser(url: string, platform: NodeJS.Platform = process.platform): void {
  const [command, args] = openCommand(url, platform);
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // nothing to do: the address is printed
  }
}
