// Each target's payload has the shape its service documents (Slack Block Kit, Teams Adaptive Card via
// a Workflows webhook, Discord execute-webhook, ntfy's publish headers, DESIGN.md's webhook body).
import { describe, expect, it } from 'vitest';
import { COMPONENT_STATUSES } from '../../../shared/status';
import { discordColor, formatRequest, headerText } from '../../../electron/core/forward/formats';
import type { ForwardMessage } from '../../../electron/core/forward/message';
import { describeTarget, shortenUrl, targetWants } from '../../../electron/core/forward/targets';
import { decideRetry, parseRetryAfter } from '../../../electron/core/forward/retry';

const message: ForwardMessage = {
  key: 'k|inc-1|investigating',
  title: 'Kustomer: Email delays <now> & later',
  body: 'We are investigating delayed emails @everyone.',
  severity: 'major_outage',
  vendor: { id: 'status-kustomer-com-abc123', name: 'Kustomer', pageUrl: 'https://status.kustomer.com' },
  incident: { id: 'inc-1', title: 'Email delays', url: 'https://status.kustomer.com/incidents/inc-1' },
  at: '2026-11-24T09:41:00.000Z',
};

describe('forward payloads', () => {
  it('webhook: the JSON body of DESIGN.md and the X-StatusTray-Key header', () => {
    const req = formatRequest('webhook', message);
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['x-statustray-key']).toBe(message.key);
    expect(JSON.parse(req.body)).toEqual({
      key: message.key,
      title: message.title,
      body: message.body,
      severity: 'major_outage',
      vendor: message.vendor,
      incident: message.incident,
      group: null,
      at: message.at,
    });
  });

  it('webhook: a group of vendors failing together carries its vendors and possible cause', () => {
    const group = {
      id: 'g-1763466600000',
      vendors: ['OpenAI', 'Discord'],
      cause: { vendor: 'Cloudflare', evidence: ['OpenAI and Discord mention Cloudflare'] },
    };
    const body = JSON.parse(
      formatRequest('webhook', { ...message, vendor: null, incident: null, group }).body,
    );
    expect(body.group).toEqual(group);
    expect(body.vendor).toBeNull();
  });

  it('slack: fallback text plus header, escaped mrkdwn section and a button to the incident', () => {
    const payload = JSON.parse(formatRequest('slack', message).body);
    expect(typeof payload.text).toBe('string');
    expect(payload.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Kustomer: Email delays &lt;now&gt; &amp; later', emoji: true },
    });
    expect(payload.text).toBe(
      'Kustomer: Email delays &lt;now&gt; &amp; later: We are investigating delayed emails @everyone.',
    );
    expect(payload.blocks[1].type).toBe('section');
    expect(payload.blocks[1].text.type).toBe('mrkdwn');
    expect(payload.blocks[1].text.text).not.toContain('<');
    const button = payload.blocks[2].elements[0];
    expect(payload.blocks[2].type).toBe('actions');
    expect(button).toMatchObject({
      type: 'button',
      text: { type: 'plain_text', text: 'Open the incident on status.kustomer.com' },
      url: message.incident!.url,
    });
  });

  it('slack: a header longer than 150 characters is clipped', () => {
    const long = { ...message, title: 'x'.repeat(400) };
    const payload = JSON.parse(formatRequest('slack', long).body);
    expect(Array.from(payload.blocks[0].text.text as string).length).toBe(150);
  });

  it('teams: a message with one Adaptive Card attachment and an OpenUrl action', () => {
    const payload = JSON.parse(formatRequest('teams', message).body);
    expect(payload.type).toBe('message');
    expect(payload.attachments).toHaveLength(1);
    const [attachment] = payload.attachments;
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachment.content.type).toBe('AdaptiveCard');
    expect(attachment.content.$schema).toBe('http://adaptivecards.io/schemas/adaptive-card.json');
    expect(attachment.content.body.every((b: { type: string }) => b.type === 'TextBlock')).toBe(true);
    // `<` is followed by an invisible word joiner: no tag, no `<at>` mention, no autolink.
    expect(attachment.content.body[0].text).toBe('Kustomer: Email delays <\u2060now> & later');
    expect(attachment.content.actions).toEqual([
      {
        type: 'Action.OpenUrl',
        title: 'Open the incident on status.kustomer.com',
        url: message.incident!.url,
      },
    ]);
  });

  it('discord: content and an embed with the status color as a 24-bit integer, no mentions', () => {
    const payload = JSON.parse(formatRequest('discord', message).body);
    // Markdown syntax arrives backslash-escaped, as discord.js's escapeMarkdown does.
    expect(payload.content).toBe('Kustomer: Email delays \\<now\\> & later');
    expect(payload.embeds).toHaveLength(1);
    expect(payload.embeds[0]).toMatchObject({
      title: payload.content,
      description: message.body,
      url: message.incident!.url,
      color: 0xd92b2b,
      timestamp: message.at,
    });
    expect(payload.allowed_mentions).toEqual({ parse: [] });
    for (const s of COMPONENT_STATUSES) {
      expect(discordColor(s)).toBeGreaterThanOrEqual(0);
      expect(discordColor(s)).toBeLessThanOrEqual(0xffffff);
    }
  });

  it('ntfy: text body with Title, Priority, Tags and Click headers', () => {
    const req = formatRequest('ntfy', message);
    expect(req.body).toBe(message.body);
    expect(req.headers.title).toBe(message.title);
    expect(req.headers.priority).toBe('5');
    expect(req.headers.tags!.split(',')).toContain('rotating_light');
    expect(req.headers.click).toBe(message.incident!.url);
    const recovered = formatRequest('ntfy', { ...message, severity: 'operational', incident: null });
    expect(recovered.headers.click).toBe('https://status.kustomer.com');
    expect(recovered.headers.tags).toContain('white_check_mark');
  });

  it('ntfy: a title outside Latin-1 is RFC 2047-encoded, never a broken header', () => {
    const encoded = headerText('Kustomer: 障害 🔥');
    expect(encoded).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
    expect(Buffer.from(encoded.slice(10, -2), 'base64').toString('utf8')).toBe('Kustomer: 障害 🔥');
    expect(headerText('a\r\nInjected: yes')).toBe('a Injected: yes');
  });
});

describe('forward targets', () => {
  it('a URL is shown shortened: its secret part is not readable', () => {
    const url = 'https://hooks.slack.com/services/T0123/B0456/7IsoQTrixdUtE971O1xQTm4T';
    expect(shortenUrl(url)).toBe('https://hooks.slack.com/…Tm4T');
    expect(describeTarget({ type: 'slack', url })).not.toContain('7IsoQ');
  });

  it('level "outages" and a vendor list filter what a target gets', () => {
    const v = { name: 'Kustomer', pageUrl: 'https://status.kustomer.com' };
    const outages = { type: 'webhook' as const, url: 'http://127.0.0.1/x', level: 'outages' as const };
    expect(targetWants(outages, v, 'degraded')).toBe(false);
    expect(targetWants(outages, v, 'partial_outage')).toBe(true);
    const onlyGitHub = { type: 'webhook' as const, url: 'http://127.0.0.1/x', vendors: ['GitHub'] };
    expect(targetWants(onlyGitHub, v, 'major_outage')).toBe(false);
    expect(targetWants({ ...onlyGitHub, vendors: ['kustomer'] }, v, 'degraded')).toBe(true);
    expect(targetWants({ ...onlyGitHub, vendors: ['https://status.kustomer.com/'] }, v, 'degraded')).toBe(
      true,
    );
  });
});

describe('retry decisions', () => {
  const base = { attempts: 1, queuedAt: 0, now: 0, random: () => 0.5 };
  it('2xx is done; 410 marks the target gone; other 4xx drop; 3xx drops; a refused request is kept aside', () => {
    expect(decideRetry({ ...base, outcome: { kind: 'status', status: 204 } })).toEqual({ action: 'done' });
    expect(decideRetry({ ...base, outcome: { kind: 'status', status: 410 } })).toEqual({
      action: 'gone',
      status: 410,
    });
    expect(decideRetry({ ...base, outcome: { kind: 'status', status: 400 } }).action).toBe('drop');
    expect(decideRetry({ ...base, outcome: { kind: 'status', status: 301 } }).action).toBe('drop');
    expect(decideRetry({ ...base, outcome: { kind: 'refused', message: 'invalid click header' } })).toEqual({
      action: 'keep-aside',
      reason: 'it could not be sent (invalid click header)',
    });
  });
  it('network errors, 429 and 5xx retry: first within 5 s, doubling to at most 5 min', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((attempts) => {
      const d = decideRetry({ ...base, attempts, outcome: { kind: 'network', message: 'ECONNREFUSED' } });
      return d.action === 'retry' ? d.at : -1;
    });
    expect(delays[0]).toBeGreaterThan(0);
    expect(delays[0]).toBeLessThanOrEqual(5_000);
    expect(delays[1]).toBe(delays[0]! * 2);
    expect(Math.max(...delays)).toBe(300_000);
    expect(decideRetry({ ...base, outcome: { kind: 'status', status: 503 } }).action).toBe('retry');
    expect(decideRetry({ ...base, outcome: { kind: 'status', status: 429 } }).action).toBe('retry');
  });
  it('Retry-After (seconds or a date) is honoured', () => {
    const d = decideRetry({ ...base, outcome: { kind: 'status', status: 429, retryAfter: '120' } });
    expect(d).toEqual({ action: 'retry', at: 120_000 });
    expect(parseRetryAfter(new Date(60_000).toUTCString(), 0)).toBe(60_000);
    expect(parseRetryAfter('soon', 0)).toBeNull();
  });
  it('gives up after 24 hours of failures', () => {
    const d = decideRetry({
      ...base,
      attempts: 300,
      now: 24 * 3600_000 - 1000,
      outcome: { kind: 'status', status: 500 },
    });
    expect(d.action).toBe('drop');
  });
});
