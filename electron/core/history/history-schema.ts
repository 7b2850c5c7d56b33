// Checks a stored history document in depth before the engine uses it: a file with a wrong type anywhere
// inside is refused whole (the store keeps it aside), instead of crashing later at every poll.
import { z } from 'zod';
import { COMPONENT_STATUSES, INCIDENT_IMPACTS } from '../../../shared/status';
import type { HistoryData } from './history';

const segment = z.object({
  from: z.number().finite(),
  to: z.number().finite(),
  status: z.enum(COMPONENT_STATUSES),
});

const seenIncident = z.object({
  id: z.string(),
  title: z.string(),
  impact: z.enum([...INCIDENT_IMPACTS, 'unknown']),
  startedAt: z.string(),
  resolvedAt: z.string().nullable(),
  firstSeenAt: z.number().finite(),
  lastSeenAt: z.number().finite(),
});

const historyData = z.object({
  version: z.literal(1),
  vendors: z.record(z.string(), z.object({ segments: z.array(segment), incidents: z.array(seenIncident) })),
});

/** The history, or an Error naming the first thing wrong ("vendors.abc.segments.0.from: expected number…"). */
export function validateHistoryData(data: unknown): HistoryData {
  const result = historyData.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new Error(`not a history: ${issue.path.join('.') || 'the document'}: ${issue.message}`);
}
