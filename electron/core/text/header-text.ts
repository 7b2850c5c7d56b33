// Untrusted text in an HTTP header value (ntfy's Title, Click): one line, no control character, and
// ASCII only; other text is sent RFC 2047-encoded, which ntfy decodes (https://docs.ntfy.sh/publish/
// "UTF-8 in headers"). A link is sent only when it is a valid http(s) URL, in its ASCII form.
import { plainText } from './plain-text';

/** A header value: printable ASCII as is, anything else as an RFC 2047 encoded word. */
export function headerText(text: string): string {
  const oneLine = plainText(text, { oneLine: true });
  if (/^[\x20-\x7e]*$/.test(oneLine)) return oneLine;
  return `=?UTF-8?B?${Buffer.from(oneLine, 'utf8').toString('base64')}?=`;
}

/** The link as a header value, or null when it is not an absolute http(s) URL. */
export function headerUrl(link: string | null): string | null {
  if (!link) return null;
  try {
    const url = new URL(link);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (/^[\x21-\x7e]+$/.test(link) && !url.username && !url.password) return link;
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    return null;
  }
}
