// The request each kind of target gets for a message, in the format its service documents: a pure
// function of the message, so that tests compare payload shapes without a network.
//  - webhook: DESIGN.md's JSON body.
//  - Slack incoming webhook: `text` (the notification's fallback) and Block Kit `blocks` (header,
//    mrkdwn section, a button linking to the incident).
//  - Teams Workflows webhook: a `message` with one Adaptive Card attachment.
//  - Discord execute-webhook: `content` and one embed with the status color (a 24-bit integer).
//  - ntfy: the body as text; Title, Priority (1–5), Tags and Click headers.
// Every piece of text that came from a status page goes through its destination's module in
// electron/core/text/ (Slack escaping, Discord and Teams markdown, header values); the only links are the
// engine's own (messageLink), named with their host.
import { STATUS_LABEL, STATUS_LOOK, type VendorStatus } from '../../../shared/status';
import { discordMarkdown, teamsMarkdown } from '../text/chat-markdown';
import { headerText, headerUrl } from '../text/header-text';
import { plainText, wellFormed } from '../text/plain-text';
import { slackText } from '../text/slack-text';
import { messageLink, type ForwardMessage } from './message';
import type { ForwardType } from './targets';

export { headerText } from '../text/header-text';

export interface ForwardRequest {
  method: 'POST';
  headers: Record<string, string>;
  body: string;
}

/** Cut text to a service's limit on a character boundary, marking the cut. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

/** What a button or link to the engine's link says: where it leads, by host. */
function linkTitle(message: ForwardMessage, host: string): string {
  return `${message.incident ? 'Open the incident' : 'Open the status page'} on ${host}`;
}

/** Every string of a JSON payload well-formed (a lone surrogate is U+FFFD), whatever fields it has. */
function wellFormedDeep(value: unknown): unknown {
  if (typeof value === 'string') return wellFormed(value);
  if (Array.isArray(value)) return value.map(wellFormedDeep);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wellFormedDeep(v)]));
  return value;
}

function statusLine(message: ForwardMessage): string {
  return `${STATUS_LOOK[message.severity].symbol} ${STATUS_LABEL[message.severity]}`;
}

function json(message: ForwardMessage, payload: unknown): ForwardRequest {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-statustray-key': message.key },
    body: JSON.stringify(wellFormedDeep(payload)),
  };
}

export function webhookPayload(message: ForwardMessage): unknown {
  return {
    key: message.key,
    title: message.title,
    body: message.body,
    severity: message.severity,
    vendor: message.vendor,
    incident: message.incident,
    group: message.group ?? null,
    at: message.at,
  };
}

export function slackPayload(message: ForwardMessage): unknown {
  const link = messageLink(message);
  const blocks: unknown[] = [
    // header: plain_text, at most 150 characters
    {
      type: 'header',
      text: { type: 'plain_text', text: slackText(message.title, 150, { oneLine: true }), emoji: true },
    },
    // section text: at most 3,000 characters
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `*${statusLine(message)}*\n${slackText(message.body, 2900)}` },
    },
  ];
  if (link) {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: slackText(linkTitle(message, link.host), 75) },
          url: link.url,
        },
      ],
    });
  }
  // `text` is what Slack shows in push notifications and where blocks cannot be shown: escaped alike.
  return { text: slackText(`${message.title}: ${message.body}`, 3000), blocks };
}

export function teamsPayload(message: ForwardMessage): unknown {
  const link = messageLink(message);
  const card: Record<string, unknown> = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body: [
      {
        type: 'TextBlock',
        text: teamsMarkdown(message.title, 500, { oneLine: true }),
        weight: 'Bolder',
        size: 'Medium',
        wrap: true,
      },
      {
        type: 'TextBlock',
        text: statusLine(message),
        color: TEAMS_COLOR[message.severity],
        spacing: 'None',
        wrap: true,
      },
      { type: 'TextBlock', text: teamsMarkdown(message.body, 2000), wrap: true },
    ],
  };
  if (link) {
    card.actions = [
      {
        type: 'Action.OpenUrl',
        title: teamsMarkdown(linkTitle(message, link.host), 200),
        url: link.url,
      },
    ];
  }
  return {
    type: 'message',
    attachments: [
      { contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card },
    ],
  };
}

/** Adaptive Card TextBlock colors are named, not free. */
const TEAMS_COLOR: Record<VendorStatus, string> = {
  operational: 'Good',
  maintenance: 'Accent',
  degraded: 'Warning',
  partial_outage: 'Warning',
  major_outage: 'Attention',
  unknown: 'Default',
};

export function discordColor(severity: VendorStatus): number {
  return parseInt(STATUS_LOOK[severity].hex.slice(1), 16) & 0xffffff;
}

export function discordPayload(message: ForwardMessage): unknown {
  const link = messageLink(message);
  const embed: Record<string, unknown> = {
    title: discordMarkdown(message.title, 256, { oneLine: true }),
    description: discordMarkdown(message.body, 4096),
    color: discordColor(message.severity),
    timestamp: message.at,
    footer: { text: statusLine(message) },
  };
  if (link) embed.url = link.url;
  return {
    content: discordMarkdown(message.title, 2000, { oneLine: true }),
    embeds: [embed],
    // Status page text is untrusted: it must never ping @everyone or anyone else.
    allowed_mentions: { parse: [] },
  };
}

const NTFY_PRIORITY: Record<VendorStatus, number> = {
  major_outage: 5,
  partial_outage: 4,
  degraded: 3,
  unknown: 3,
  maintenance: 2,
  operational: 3,
};

const NTFY_TAG: Record<VendorStatus, string> = {
  major_outage: 'rotating_light',
  partial_outage: 'warning',
  degraded: 'yellow_circle',
  unknown: 'grey_question',
  maintenance: 'wrench',
  operational: 'white_check_mark',
};

export function ntfyRequest(message: ForwardMessage): ForwardRequest {
  const headers: Record<string, string> = {
    'content-type': 'text/plain; charset=utf-8',
    'x-statustray-key': message.key,
    title: headerText(clip(message.title, 250)),
    priority: String(NTFY_PRIORITY[message.severity]),
    tags: [NTFY_TAG[message.severity], message.severity].join(','),
  };
  const click = headerUrl(messageLink(message)?.url ?? null);
  if (click) headers.click = click;
  // ntfy shows the body as plain text (markdown only when asked with a header we never send).
  return { method: 'POST', headers, body: clip(plainText(message.body), 4000) };
}

export function formatRequest(type: ForwardType, message: ForwardMessage): ForwardRequest {
  switch (type) {
    case 'webhook':
      return json(message, webhookPayload(message));
    case 'slack':
      return json(message, slackPayload(message));
    case 'teams':
      return json(message, teamsPayload(message));
    case 'discord':
      return json(message, discordPayload(message));
    case 'ntfy':
      return ntfyRequest(message);
  }
}
