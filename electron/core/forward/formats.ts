// The request each kind of target gets for a message, in the format its service documents: a pure
// function of the message, so that tests compare payload shapes without a network.
//  - webhook: DESIGN.md's JSON body.
//  - Slack incoming webhook: `text` (the notification's fallback) and Block Kit `blocks` (header,
//    mrkdwn section, a button linking to the incident).
//  - Teams Workflows webhook: a `message` with one Adaptive Card attachment.
//  - Discord execute-webhook: `content` and one embed with the status color (a 24-bit integer).
//  - ntfy: the body as text; Title, Priority (1–5), Tags and Click headers.
import { STATUS_LABEL, STATUS_LOOK, type VendorStatus } from '../../../shared/status';
import { messageLink, type ForwardMessage } from './message';
import type { ForwardType } from './targets';

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

/** Slack mrkdwn treats &, < and > as control characters; status page text is untrusted. */
function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function statusLine(message: ForwardMessage): string {
  return `${STATUS_LOOK[message.severity].symbol} ${STATUS_LABEL[message.severity]}`;
}

function json(message: ForwardMessage, payload: unknown): ForwardRequest {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-statustray-key': message.key },
    body: JSON.stringify(payload),
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
    { type: 'header', text: { type: 'plain_text', text: clip(message.title, 150), emoji: true } },
    // section text: at most 3,000 characters
    {
      type: 'section',
      text: { type: 'mrkdwn', text: clip(`*${statusLine(message)}*\n${slackEscape(message.body)}`, 3000) },
    },
  ];
  if (link) {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: message.incident ? 'Open the incident' : 'Open the status page' },
          url: link,
        },
      ],
    });
  }
  return { text: clip(`${message.title}: ${message.body}`, 3000), blocks };
}

export function teamsPayload(message: ForwardMessage): unknown {
  const link = messageLink(message);
  const card: Record<string, unknown> = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body: [
      { type: 'TextBlock', text: message.title, weight: 'Bolder', size: 'Medium', wrap: true },
      {
        type: 'TextBlock',
        text: statusLine(message),
        color: TEAMS_COLOR[message.severity],
        spacing: 'None',
        wrap: true,
      },
      { type: 'TextBlock', text: clip(message.body, 2000), wrap: true },
    ],
  };
  if (link) {
    card.actions = [
      {
        type: 'Action.OpenUrl',
        title: message.incident ? 'Open the incident' : 'Open the status page',
        url: link,
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
    title: clip(message.title, 256),
    description: clip(message.body, 4096),
    color: discordColor(message.severity),
    timestamp: message.at,
    footer: { text: statusLine(message) },
  };
  if (link) embed.url = link;
  return {
    content: clip(message.title, 2000),
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

/** HTTP header values are Latin-1 at most: other text is sent RFC 2047-encoded, which ntfy decodes. */
export function headerText(text: string): string {
  const oneLine = text.replace(/[\r\n]+/g, ' ');
  if (/^[\x20-\x7e]*$/.test(oneLine)) return oneLine;
  return `=?UTF-8?B?${Buffer.from(oneLine, 'utf8').toString('base64')}?=`;
}

export function ntfyRequest(message: ForwardMessage): ForwardRequest {
  const headers: Record<string, string> = {
    'content-type': 'text/plain; charset=utf-8',
    'x-statustray-key': message.key,
    title: headerText(clip(message.title, 250)),
    priority: String(NTFY_PRIORITY[message.severity]),
    tags: [NTFY_TAG[message.severity], message.severity].join(','),
  };
  const link = messageLink(message);
  if (link) headers.click = link;
  return { method: 'POST', headers, body: clip(message.body, 4000) };
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
