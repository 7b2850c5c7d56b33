// The open group of vendors failing together, kept across a restart: a small, checked, bounded document
// (`shared-cause.json` for the app, `watch-shared-cause.json` for `watch`), and the pure decisions of
// whether a stored group still makes sense to continue and how the notification policy follows it.
import { z } from 'zod';
import type { SharedCause } from '../../../shared/model';
import type { PolicyState } from '../policy/state';
import {
  GROUPING_LIMITS,
  initialGroupingState,
  type GroupingState,
  type OpenGroup,
} from '../policy/grouping';

export const OPEN_GROUP_LIMITS = {
  /** Characters of an id (vendor or group) and of a name kept. */
  idChars: 200,
  nameChars: 300,
  /** Evidence sentences of the cause, and characters of each. */
  evidence: 20,
  evidenceChars: 500,
  /**
   * A group that began longer ago than this is not continued: the longest shared-layer days on record
   * (AWS us-east-1, 2025-10-20) lasted about 15 hours, so an older one is more likely stuck than real.
   */
  maxAgeMs: 48 * 60 * 60_000,
} as const;

const L = OPEN_GROUP_LIMITS;
const id = z.string().min(1).max(L.idChars);
const name = z.string().max(L.nameChars);
const causeSchema = z.object({
  vendor: name,
  vendorId: id.optional(),
  evidence: z.array(z.string().max(L.evidenceChars)).max(L.evidence),
});
const openSchema = z.object({
  id,
  since: z.number().finite(),
  lastJoinAt: z.number().finite(),
  members: z
    .array(z.object({ id, name, recovered: z.boolean() }))
    .min(1)
    .max(GROUPING_LIMITS.members),
  cause: causeSchema.nullable(),
});
const storedSchema = z.object({
  version: z.literal(1),
  recent: z
    .record(id, z.object({ at: z.number().finite(), name }))
    .refine((r) => Object.keys(r).length <= GROUPING_LIMITS.recent, {
      message: `more than ${GROUPING_LIMITS.recent} vendors`,
    }),
  open: openSchema.nullable(),
});

/** Checks a stored document: throws, in words, when it is not one (the store keeps it aside). */
export function validateStoredGrouping(data: unknown): GroupingState {
  const parsed = storedSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? ` (${first.path.join('.') || 'the document'}: ${first.message})` : '';
    throw new Error(`not a group of vendors failing together${where}`);
  }
  return parsed.data as GroupingState;
}

function boundedCause(cause: SharedCause | null): SharedCause | null {
  if (!cause) return null;
  return {
    vendor: cause.vendor.slice(0, L.nameChars),
    ...(cause.vendorId !== undefined ? { vendorId: cause.vendorId.slice(0, L.idChars) } : {}),
    evidence: cause.evidence.slice(0, L.evidence).map((e) => e.slice(0, L.evidenceChars)),
  };
}

/** The grouping state as stored: within the bounds its check holds, so that what is saved always loads. */
export function storedGrouping(state: GroupingState): GroupingState {
  const recent: GroupingState['recent'] = {};
  const entries = Object.entries(state.recent)
    .sort((a, b) => b[1].at - a[1].at)
    .slice(0, GROUPING_LIMITS.recent);
  for (const [vid, r] of entries)
    recent[vid.slice(0, L.idChars)] = { at: r.at, name: r.name.slice(0, L.nameChars) };
  const g = state.open;
  return {
    version: 1,
    recent,
    open: g
      ? {
          id: g.id.slice(0, L.idChars),
          since: g.since,
          lastJoinAt: g.lastJoinAt,
          members: g.members.slice(0, GROUPING_LIMITS.members).map((m) => ({
            id: m.id.slice(0, L.idChars),
            name: m.name.slice(0, L.nameChars),
            recovered: m.recovered,
          })),
          cause: boundedCause(g.cause),
        }
      : null,
  };
}

/** Why a stored group was not continued: none stored, begun too long ago, or too few of it still watched. */
export type RestoreOutcome = 'continued' | 'none' | 'too-old' | 'too-few';

export interface RestoredGrouping {
  state: GroupingState;
  outcome: RestoreOutcome;
  /** Members left out because they are no longer watched. */
  dropped: string[];
}

/**
 * What of a stored grouping state to continue with, given what is watched now. The group goes on only
 * with its members still watched (the others are left out), when at least two remain and one of those is
 * still in trouble, and when it began within `maxAgeMs` (by default OPEN_GROUP_LIMITS'). Otherwise it ends silently: a "recovered"
 * notice would say something untrue of vendors still in trouble, and their own news is told again.
 * Vendors recently worse are kept within the grouping window, so a group can still form across a restart.
 */
export function restoreGrouping(
  stored: GroupingState | null,
  opts: { watched: ReadonlySet<string>; now: number; windowMs: number; maxAgeMs?: number },
): RestoredGrouping {
  const state = initialGroupingState();
  if (!stored) return { state, outcome: 'none', dropped: [] };
  for (const [vid, r] of Object.entries(stored.recent))
    if (opts.watched.has(vid) && opts.now - r.at <= opts.windowMs) state.recent[vid] = { ...r };
  const g = stored.open;
  if (!g) return { state, outcome: 'none', dropped: [] };
  const members = g.members.filter((m) => opts.watched.has(m.id));
  const dropped = g.members.filter((m) => !opts.watched.has(m.id)).map((m) => m.name);
  if (opts.now - g.since > (opts.maxAgeMs ?? L.maxAgeMs)) return { state, outcome: 'too-old', dropped };
  if (members.length < 2 || members.every((m) => m.recovered)) return { state, outcome: 'too-few', dropped };
  state.open = structuredClone({ ...g, members });
  return { state, outcome: 'continued', dropped };
}

/**
 * The notification policy's group made to follow the grouping's after a restart. No group continued: the
 * policy forgets its own, or its members' news would stay unsaid for good. A group continued that the
 * policy's saved state lost (a crash within its save period): it was told when it opened (the policy
 * tells a group within its coalescing window), so its recovery will be told once, as promised.
 */
export function reconcilePolicyGroup(policy: PolicyState, open: OpenGroup | null): PolicyState {
  const told = policy.group ?? null;
  if (!open) return told ? { ...policy, group: null } : policy;
  const ids = open.members.map((m) => m.id);
  if (told && told.id === open.id) return { ...policy, group: { ...told, members: ids } };
  return {
    ...policy,
    group: {
      id: open.id,
      members: ids,
      announced: true,
      latest: null,
      waitingSince: null,
      changes: [],
      shown: open.members.filter((m) => !m.recovered).map((m) => m.name),
    },
  };
}
