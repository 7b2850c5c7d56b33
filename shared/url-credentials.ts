// Credentials in an address (`https://user:password@host`) are never stored, sent or shown: how to tell
// one has them, how to take them out, and how to mention such an address without repeating them.

/** Why such an address is refused, for a schema's message or an error. */
export const CREDENTIALS_REFUSED =
  'must not contain a user name or password: StatusTray never stores or sends credentials in an address';

function parse(url: string | URL): URL | null {
  if (url instanceof URL) return url;
  try {
    return new URL(url.trim());
  } catch {
    return null;
  }
}

/** True when the address carries a user name or a password. */
export function hasCredentials(url: string | URL): boolean {
  const parsed = parse(url);
  return parsed !== null && (parsed.username !== '' || parsed.password !== '');
}

/** The address without its user name and password (unchanged when it has none or is not an address). */
export function stripCredentials(url: string): string {
  const parsed = parse(url);
  if (!parsed || (parsed.username === '' && parsed.password === '')) return url;
  parsed.username = '';
  parsed.password = '';
  return parsed.href;
}

/**
 * Text that may contain an address as a person typed it (with or without a scheme, valid or not), with
 * whatever stands before an `@` in its host part replaced by `***`: safe to put in a message or a log.
 */
export function redactCredentials(text: string): string {
  return text.replace(
    /((?:^|\s|")(?:[a-z][a-z0-9+.-]*:)?\/\/|^\s*)([^\s/?#"@]*)@/gi,
    (_m, lead: string) => `${lead}***@`,
  );
}
