// Untrusted text in a Slack message (Block Kit text objects and the top-level `text` Slack shows in push
// notifications). Slack reads `&`, `<` and `>` as control characters in every text object: `<!channel>`,
// `<@U123>` and `<https://evil.example|https://status.github.com>` are only mentions and disguised links
// while those characters are raw, so they are always sent as HTML entities, as Slack's formatting guide
// asks (https://api.slack.com/reference/surfaces/formatting#escaping).
import { plainText } from './plain-text';

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Untrusted text for a Slack text field, at most `max` characters once escaped (Slack's limits count the
 * text it receives), never cutting an entity in half. `oneLine` for fields that show one line (a header).
 */
export function slackText(text: string, max: number, opts: { oneLine?: boolean } = {}): string {
  const escaped = escape(plainText(text, opts));
  const chars = Array.from(escaped);
  if (chars.length <= max) return escaped;
  return (
    chars
      .slice(0, max - 1)
      .join('')
      .replace(/&[a-z]*$/, '') + '…'
  );
}
