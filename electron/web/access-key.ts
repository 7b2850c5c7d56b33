// The dashboard's access key that lasts: kept in the data folder (readable by the user alone) and reused
// at every start, so that bookmarks, calendar subscriptions and metrics scrapes keep working; replaced on
// request (`--new-token`); set from the environment for services (`STATUSTRAY_TOKEN`).
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createAccessToken } from './access';

/** The file in the data folder that holds the key. */
export const ACCESS_KEY_FILE = 'web-token';
export const TOKEN_ENV = 'STATUSTRAY_TOKEN';
const MIN_KEY_LENGTH = 16;
const MAX_KEY_LENGTH = 512;

/** A key that can travel in a header, an address and a bearer token as it is. */
export function keyProblem(key: string): string | null {
  if (key.length < MIN_KEY_LENGTH) return `it must be at least ${MIN_KEY_LENGTH} characters long`;
  if (key.length > MAX_KEY_LENGTH) return `it must be at most ${MAX_KEY_LENGTH} characters long`;
  if (!/^[A-Za-z0-9._~+/=-]+$/.test(key))
    return 'it may hold only letters, digits and . _ ~ + / = - (no spaces)';
  return null;
}

export interface AccessKey {
  token: string;
  /** Where it came from: the kept file, a new one (first start, --new-token, unusable file), or the environment. */
  source: 'kept' | 'new' | 'env';
  /** A sentence for the user when something about the key deserves one; null otherwise. */
  note: string | null;
}

export class AccessKeyError extends Error {}

/** The key this start uses (see the module comment); writes a new one to `dataDir` when needed. */
export async function accessKey(options: {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  renew: boolean;
}): Promise<AccessKey> {
  const fromEnv = options.env[TOKEN_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (options.renew) {
      throw new AccessKeyError(
        `${TOKEN_ENV} sets the access key, so --new-token cannot replace it: change the variable instead`,
      );
    }
    const problem = keyProblem(fromEnv);
    if (problem) throw new AccessKeyError(`${TOKEN_ENV} cannot be used as the access key: ${problem}`);
    return { token: fromEnv, source: 'env', note: null };
  }
  const file = path.join(options.dataDir, ACCESS_KEY_FILE);
  let note: string | null = null;
  if (!options.renew) {
    const kept = await fs.readFile(file, 'utf8').then(
      (text) => text.trim(),
      (err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return null;
        throw new AccessKeyError(`cannot read the access key in ${file}: ${err.message}`);
      },
    );
    if (kept !== null && keyProblem(kept) === null) return { token: kept, source: 'kept', note: null };
    if (kept !== null) note = `The access key in ${file} was not usable; a new one replaces it.`;
  } else {
    note =
      'A new access key replaces the old one: links and subscriptions that carry the old key stop working.';
  }
  const token = createAccessToken();
  await writePrivately(file, token + '\n');
  return { token, source: 'new', note };
}

/** Written beside and renamed over, created 0600: never a half-written key, never readable by others. */
async function writePrivately(file: string, text: string): Promise<void> {
  const temp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await fs.writeFile(temp, text, { mode: 0o600 });
    await fs.chmod(temp, 0o600);
    await fs.rename(temp, file);
  } catch (err) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw new AccessKeyError(`cannot keep the access key in ${file}: ${(err as Error).message}`);
  }
}
