// The user's data is theirs alone: folders StatusTray creates are 0700 and files 0600 (issue #10 §3).
import { promises as fs } from 'node:fs';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `dir` (and missing parents) for the user alone; an existing folder is left as the user set it. */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}
