// Small readers for untrusted JSON values: ids that may be numbers, lists that may be null, strings that
// may be React flight `$undefined` placeholders, and the shared mapping of incident progress words.
import { incidentTime, type Incident } from '../../../../shared/model';
import type { IncidentStatus } from '../../../../shared/status';
import { isResolvedStatus } from '../../../../shared/status';

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function obj(v: unknown): Json {
  return isObject(v) ? v : {};
}

/** A list, with null, a placeholder or a single object read as what it means. */
export function list(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (isObject(v)) return [v];
  return [];
}

export function objects(v: unknown): Json[] {
  return list(v).filter(isObject);
}

/** A string, or null for missing values and flight placeholders. Numbers are stringified (ids). */
export function str(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return null;
  if (v === '$undefined' || v === '$null') return null;
  return v;
}

export function text(v: unknown): string {
  return str(v)?.trim() ?? '';
}

/**
 * Text of a value that may be localized, as Instatus writes names and messages (`{ "en": …, "default": … }`):
 * the default, else English, else the first text given.
 */
export function localized(v: unknown): string {
  if (!isObject(v)) return text(v);
  for (const key of ['default', 'en']) {
    const t = text(v[key]);
    if (t) return t;
  }
  for (const x of Object.values(v)) {
    const t = text(x);
    if (t) return t;
  }
  return '';
}

export function bool(v: unknown): boolean {
  return v === true || v === 1 || v === 'true' || v === '1';
}

/** Incident and maintenance progress words shared by many platforms. */
export function progressFromWord(v: unknown): IncidentStatus {
  const w = text(v)
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  switch (w) {
    case 'investigating':
    case 'identified':
    case 'monitoring':
    case 'resolved':
    case 'postmortem':
    case 'scheduled':
    case 'in_progress':
    case 'verifying':
    case 'completed':
      return w;
    case 'inprogress':
    case 'underway':
    case 'started':
    case 'ongoing':
      return 'in_progress';
    case 'notstartedyet':
    case 'upcoming':
    case 'planned':
      return 'scheduled';
    case 'complete':
    case 'finished':
    case 'maintenance_complete':
      return 'completed';
    case 'fixed':
    case 'closed':
    case 'resolve':
      return 'resolved';
    case 'watching':
      return 'monitoring';
    default:
      return 'unknown';
  }
}

/** Open ones first (newest first), then history newest first, as the Snapshot contract says. */
export function sortIncidents(incidents: Incident[]): Incident[] {
  const open = (i: Incident) => (isResolvedStatus(i.status) || i.resolvedAt !== null ? 1 : 0);
  return [...incidents].sort(
    (a, b) =>
      open(a) - open(b) ||
      (incidentTime(b) > incidentTime(a) ? 1 : incidentTime(b) < incidentTime(a) ? -1 : 0),
  );
}

/** Updates oldest first. */
export function sortUpdates<T extends { at: string }>(updates: T[]): T[] {
  return [...updates].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
