// Runtime schemas of every request channel's argument in shared/ipc.ts: a host validates what the window
// sends before any handler sees it. Checked against the contract at compile time, so a channel added to
// RequestChannels without a schema here is a type error.
import { z } from 'zod';
import { FORWARD_TYPES } from './model';
import { PLATFORM_IDS } from './platforms';
import type { Req, RequestChannel } from './ipc';

const MAX_URL = 2048;
const id = z.string().min(1).max(200);
const text = (max: number) => z.string().max(max);
/** A URL the user typed: anything we might fetch or open must be http(s); other schemes are refused here. */
const httpUrl = z
  .string()
  .min(1)
  .max(MAX_URL)
  .refine((value) => {
    try {
      const url = new URL(value.trim());
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');
const notifyLevel = z.enum(['all', 'outages', 'muted']);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');

/** The argument of a channel that takes none: nothing, or `undefined` from a structured clone. */
const none = z.undefined();

export const REQUEST_SCHEMAS = {
  'state:get': none,
  'vendor:get': z.strictObject({ id }),
  'vendors:detect': z.strictObject({ url: httpUrl }),
  'vendors:add': z.strictObject({
    url: httpUrl,
    name: text(200).optional(),
    components: z.array(text(300)).max(1000).optional(),
    notify: notifyLevel.optional(),
    platform: z.enum(PLATFORM_IDS).optional(),
    apiUrl: httpUrl.optional(),
  }),
  'vendors:remove': z.strictObject({ id }),
  'vendors:update': z.strictObject({
    id,
    components: z.array(text(300)).max(1000).optional(),
    notify: notifyLevel.optional(),
    name: text(200).optional(),
  }),
  'vendors:snooze': z.strictObject({ id, choice: z.enum(['1h', 'tomorrow', 'incident', 'off']) }),
  'vendors:refresh': z.strictObject({ id: id.optional() }),
  'catalog:search': z.strictObject({ query: text(200), limit: z.number().int().min(1).max(1000).optional() }),
  'settings:update': z.strictObject({
    intervalSeconds: z.number().int().min(30).max(86_400).optional(),
    notificationsEnabled: z.boolean().optional(),
    quietHours: z.strictObject({ enabled: z.boolean(), start: clock, end: clock }).optional(),
    launchAtLogin: z.boolean().optional(),
    theme: z.enum(['system', 'light', 'dark']).optional(),
    pausedUntil: z.iso.datetime({ offset: true }).nullable().optional(),
  }),
  'watchlist:export': none,
  // A watchlist file is small; 2 MB leaves room for thousands of vendors and refuses a flood.
  'watchlist:import': z.strictObject({ text: text(2_000_000) }),
  // Any string: the host answers false for what it will not open, rather than an error.
  'link:open': z.strictObject({ url: text(MAX_URL) }),
  'forward:list': none,
  'forward:add': z.strictObject({
    type: z.enum(FORWARD_TYPES),
    url: httpUrl,
    level: z.enum(['all', 'outages']).optional(),
    vendors: z.array(text(300).min(1)).max(1000).optional(),
  }),
  'forward:remove': z.strictObject({ index: z.number().int().min(0).max(100) }),
  'forward:test': z.strictObject({ index: z.number().int().min(0).max(100) }),
  'calendar:export': none,
} satisfies { [C in RequestChannel]: z.ZodType };

// Every schema's output must be assignable to the channel's request type (void channels take undefined).
type SchemaOutputs = { [C in RequestChannel]: z.output<(typeof REQUEST_SCHEMAS)[C]> };
type Checked = { [C in RequestChannel]: SchemaOutputs[C] extends Req<C> ? true : never };
const _schemasMatchContract: Checked[RequestChannel] = true;
void _schemasMatchContract;

export type RequestValidation<C extends RequestChannel> =
  { ok: true; value: Req<C> } | { ok: false; error: string };

/** Validates one channel's argument; the error names the fields, never echoes the (untrusted) values. */
export function validateRequest<C extends RequestChannel>(channel: C, arg: unknown): RequestValidation<C> {
  const schema: z.ZodType = REQUEST_SCHEMAS[channel];
  const result = schema.safeParse(arg);
  if (result.success) return { ok: true, value: result.data as Req<C> };
  const fields = result.error.issues.map(
    (issue) => `${issue.path.join('.') || '(argument)'}: ${issue.message}`,
  );
  return { ok: false, error: `Invalid argument for ${channel}: ${fields.join('; ')}` };
}
