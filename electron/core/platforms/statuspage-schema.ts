// Schemas of the Atlassian Statuspage public API v2 (summary.json, incidents.json), built once. Only the
// fields we read are declared; enum-like fields are plain strings here and mapped afterwards, so that a
// value Statuspage adds tomorrow reads as `unknown` instead of failing the whole page.
import { z } from 'zod';

const optionalText = z.string().nullish();

export const SpPageSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: optionalText,
});

export const SpComponentSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string().nullish(),
  group_id: optionalText,
  group: z.boolean().nullish(),
  components: z.array(z.string()).nullish(),
});

export const SpIncidentUpdateSchema = z.object({
  status: z.string().nullish(),
  body: optionalText,
  created_at: optionalText,
  display_at: optionalText,
});

export const SpIncidentSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string().nullish(),
  impact: z.string().nullish(),
  created_at: optionalText,
  started_at: optionalText,
  updated_at: optionalText,
  resolved_at: optionalText,
  shortlink: optionalText,
  scheduled_for: optionalText,
  scheduled_until: optionalText,
  incident_updates: z.array(SpIncidentUpdateSchema).nullish(),
  components: z.array(z.object({ id: z.string() })).nullish(),
  postmortem_body: optionalText,
  postmortem_published_at: optionalText,
});

export const SpSummarySchema = z.object({
  page: SpPageSchema,
  components: z.array(SpComponentSchema),
  incidents: z.array(SpIncidentSchema).nullish(),
  scheduled_maintenances: z.array(SpIncidentSchema).nullish(),
});

export const SpIncidentsSchema = z.object({
  page: SpPageSchema.nullish(),
  incidents: z.array(SpIncidentSchema),
});

export type SpSummary = z.infer<typeof SpSummarySchema>;
export type SpIncidents = z.infer<typeof SpIncidentsSchema>;
export type SpIncidentData = z.infer<typeof SpIncidentSchema>;
export type SpComponentData = z.infer<typeof SpComponentSchema>;

// Fast structural checks, equivalent to the schemas above but without copying: on the hot path a page
// that passes them is used as parsed. They accept nothing the schemas reject (tested); when they fail,
// the schema runs to say precisely what is wrong.
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const optStr = (v: unknown) => v === undefined || v === null || typeof v === 'string';
const optBool = (v: unknown) => v === undefined || v === null || typeof v === 'boolean';
function optArray(v: unknown, item: (x: unknown) => boolean): boolean {
  if (v === undefined || v === null) return true;
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!item(v[i])) return false;
  return true;
}
const isPage = (p: unknown) => isObj(p) && isStr(p.id) && isStr(p.name) && optStr(p.url);
const isComponent = (c: unknown) =>
  isObj(c) &&
  isStr(c.id) &&
  isStr(c.name) &&
  optStr(c.status) &&
  optStr(c.group_id) &&
  optBool(c.group) &&
  optArray(c.components, isStr);
const isUpdate = (u: unknown) =>
  isObj(u) && optStr(u.status) && optStr(u.body) && optStr(u.created_at) && optStr(u.display_at);
const isComponentRef = (c: unknown) => isObj(c) && isStr(c.id);
const isIncident = (i: unknown) =>
  isObj(i) &&
  isStr(i.id) &&
  isStr(i.name) &&
  optStr(i.status) &&
  optStr(i.impact) &&
  optStr(i.created_at) &&
  optStr(i.started_at) &&
  optStr(i.updated_at) &&
  optStr(i.resolved_at) &&
  optStr(i.shortlink) &&
  optStr(i.scheduled_for) &&
  optStr(i.scheduled_until) &&
  optArray(i.incident_updates, isUpdate) &&
  optArray(i.components, isComponentRef) &&
  optStr(i.postmortem_body) &&
  optStr(i.postmortem_published_at);

export function isSpSummary(v: unknown): v is SpSummary {
  return (
    isObj(v) &&
    isPage(v.page) &&
    Array.isArray(v.components) &&
    optArray(v.components, isComponent) &&
    optArray(v.incidents, isIncident) &&
    optArray(v.scheduled_maintenances, isIncident)
  );
}

export function isSpIncidents(v: unknown): v is SpIncidents {
  return (
    isObj(v) &&
    (v.page === undefined || v.page === null || isPage(v.page)) &&
    Array.isArray(v.incidents) &&
    optArray(v.incidents, isIncident)
  );
}
