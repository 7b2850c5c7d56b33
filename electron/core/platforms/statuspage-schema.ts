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
