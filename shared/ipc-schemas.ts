// Runtime schemas of every request channel's argument in shared/ipc.ts: a host validates what the window
// sends before any handler sees it. Checked against the contract at compile time, so a channel added to
// RequestChannels without a schema here is a type error.
import { z } from 'zod';
import { FORWARD_TYPES } from './model';
import type { Req, RequestChannel } from './ipc';
import {
  componentsField,
  notifyField,
  pageUrlField,
  plainIssues,
  vendorNameField,
  watchEntrySchema,
} from './watch-entry';

const MAX_URL = 2048;
const id = z.string().min(1).max(200);
const text = (max: number) => z.string().max(max);
/** Where notifications are forwarded (a webhook address): http(s) with a host, said in plain words. */
const httpUrl = z
  .string()
  .max(MAX_URL, `That address is too long (at most ${MAX_URL} characters)`)
  .refine((value) => {
    try {
      const u = new URL(value.trim());
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
    } catch {
      return false;
    }
  }, 'Enter an address that starts with https:// (or http://)');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');

/** The argument of a channel that takes none: nothing, or `undefined` from a structured clone. */
const none = z.undefined();

export const REQUEST_SCHEMAS = {
  'state:get': none,
  'vendor:get': z.strictObject({ id }),
  // A URL the user typed: anything we might fetch must be http(s). An entry is checked by the same schema
  // as the stored watchlist, so that what is accepted here is never refused at the next start.
  'vendors:detect': z.strictObject({ url: pageUrlField }),
  'vendors:add': watchEntrySchema,
  'vendors:remove': z.strictObject({ id }),
  'vendors:update': z.strictObject({
    id,
    components: componentsField.optional(),
    notify: notifyField.optional(),
    // Blank clears the user's own name.
    name: vendorNameField.optional(),
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
    groupMinVendors: z.number().int().min(2).max(50).optional(),
    groupWindowMinutes: z.number().int().min(1).max(120).optional(),
    lookUpCommonProviders: z.boolean().optional(),
  }),
  'watchlist:export': z.strictObject({ includeForward: z.boolean().optional() }).optional(),
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
  'incident:ack': z.strictObject({ vendorId: id, incidentId: text(500).min(1) }),
  'group:ack': z.strictObject({ groupId: id }),
  'ack:remove': z.strictObject({ key: text(800).min(1) }),
} satisfies { [C in RequestChannel]: z.ZodType };

// Every schema's output must be assignable to the channel's request type (void channels take undefined).
type SchemaOutputs = { [C in RequestChannel]: z.output<(typeof REQUEST_SCHEMAS)[C]> };
type Checked = { [C in RequestChannel]: SchemaOutputs[C] extends Req<C> ? true : never };
const _schemasMatchContract: Checked[RequestChannel] = true;
void _schemasMatchContract;

export type RequestValidation<C extends RequestChannel> =
  { ok: true; value: Req<C> } | { ok: false; error: string };

/**
 * Validates one channel's argument; the error never echoes the (untrusted) values. What a person can fix
 * (an address, a component name) is said in their words; anything else (a window sending garbage) names
 * the channel and fields for the log.
 */
export function validateRequest<C extends RequestChannel>(channel: C, arg: unknown): RequestValidation<C> {
  const schema: z.ZodType = REQUEST_SCHEMAS[channel];
  const result = schema.safeParse(arg);
  if (result.success) return { ok: true, value: result.data as Req<C> };
  const plain = plainIssues(result.error);
  if (plain.allPlain) return { ok: false, error: plain.sentences.join('; ') };
  const fields = result.error.issues.map(
    (issue) => `${issue.path.join('.') || '(argument)'}: ${issue.message}`,
  );
  return { ok: false, error: `Invalid argument for ${channel}: ${fields.join('; ')}` };
}
