// Dates as platforms publish them, read into ISO 8601 UTC: ISO with or without offsets, epoch seconds or
// milliseconds, RFC 2822 (feeds), US-style strings with zone abbreviations (Apple), React flight `$D` dates.

const ISO_LIKE =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/;

/** An ISO UTC string, or null when the value is no date we can read. Zone-less strings are taken as UTC. */
export function toIso(value: unknown): string | null {
  if (value === null || value === undefined || value === '' || value === false) return null;
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value !== 'string') return null;
  let s = value.trim();
  if (s.startsWith('$D')) s = s.slice(2);
  if (s === '' || s === '$undefined' || s.toLowerCase() === 'null') return null;
  if (/^\d{9,13}(\.\d+)?$/.test(s)) return fromEpoch(Number(s));
  const iso = ISO_LIKE.exec(s);
  if (iso) {
    const [, day, time, zone] = iso;
    let z = zone ?? 'Z';
    if (z === 'UTC' || z === 'GMT' || z === 'z') z = 'Z';
    else if (/^[+-]\d{2}$/.test(z)) z += ':00';
    else if (/^[+-]\d{4}$/.test(z)) z = `${z.slice(0, 3)}:${z.slice(3)}`;
    return valid(new Date(`${day}T${time}${z}`));
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return valid(new Date(`${s}T00:00:00Z`));
  // Zone abbreviations V8 does not know (Statuspage feeds print the page's zone: "10:30 CET").
  const abbr = /\s([A-Z]{2,5})\s*$/.exec(s);
  const offset = abbr ? ZONES[abbr[1]!] : undefined;
  if (offset) s = `${s.slice(0, abbr!.index)} ${offset}`;
  // RFC 2822 and US-style strings ("11/24/2026 09:41 PST", "Nov 24, 2026 9:41 AM PST"): V8 reads these;
  // without a zone it would read local time, so append UTC to keep the result independent of the machine.
  const hasZone = /(?:\b(?:GMT|UTC|UT|Z|[ECMP][SD]T)\b|[+-]\d{4}\b)\s*$/.test(s);
  return valid(new Date(hasZone ? s : `${s} UTC`)) ?? valid(new Date(s));
}

/** Common zone abbreviations as UTC offsets; the ones V8 reads itself (UTC, GMT, EST…PDT) are left to it. */
const ZONES: Record<string, string> = {
  WET: '+0000',
  WEST: '+0100',
  BST: '+0100',
  IST: '+0530',
  CET: '+0100',
  CEST: '+0200',
  MET: '+0100',
  MEST: '+0200',
  EET: '+0200',
  EEST: '+0300',
  MSK: '+0300',
  GST: '+0400',
  PKT: '+0500',
  ICT: '+0700',
  SGT: '+0800',
  HKT: '+0800',
  AWST: '+0800',
  JST: '+0900',
  KST: '+0900',
  ACST: '+0930',
  ACDT: '+1030',
  AEST: '+1000',
  AEDT: '+1100',
  NZST: '+1200',
  NZDT: '+1300',
  BRT: '-0300',
  ART: '-0300',
  AST: '-0400',
  ADT: '-0300',
  NST: '-0330',
  NDT: '-0230',
  AKST: '-0900',
  AKDT: '-0800',
  HST: '-1000',
};

function fromEpoch(n: number): string | null {
  if (!Number.isFinite(n) || n <= 0) return null;
  return valid(new Date(n < 1e11 ? n * 1000 : n));
}

function valid(d: Date): string | null {
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Latest of some ISO strings (null when none). */
export function latest(values: Array<string | null | undefined>): string | null {
  let best: string | null = null;
  for (const v of values) if (v && (best === null || v > best)) best = v;
  return best;
}
