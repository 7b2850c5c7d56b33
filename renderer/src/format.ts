// Times as people read them: local date and time with its zone, and "5 min ago" / "for 2 h 10 min".

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function parseTime(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : null;
}

/** A span as words: "under a minute", "12 min", "3 h 5 min", "2 d 4 h", "3 months", "4 years". */
export function formatDuration(ms: number): string {
  const abs = Math.max(0, ms);
  if (abs < MINUTE) return 'under a minute';
  if (abs < HOUR) return `${Math.floor(abs / MINUTE)} min`;
  if (abs < DAY) {
    const h = Math.floor(abs / HOUR);
    const m = Math.floor((abs % HOUR) / MINUTE);
    return m ? `${h} h ${m} min` : `${h} h`;
  }
  const d = Math.floor(abs / DAY);
  if (d >= 365) return plural(Math.floor(d / 365.25) || 1, 'year');
  if (d >= 60) return plural(Math.floor(d / 30.44), 'month');
  const h = Math.floor((abs % DAY) / HOUR);
  return h ? `${d} d ${h} h` : `${d} d`;
}

// A date format is costly to make (a millisecond or more on a busy machine) and every visible row's times
// use one: each is made once, on first use, in the page's locale and zone.
const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(name: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let format = formats.get(name);
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, options);
    formats.set(name, format);
  }
  return format;
}

/** "just now", "5 min ago", "in 2 h". */
export function formatRelative(iso: string | null | undefined, now: number): string {
  const t = parseTime(iso);
  if (t === null) return 'never';
  const diff = now - t;
  if (Math.abs(diff) < 45_000) return 'just now';
  return diff > 0 ? `${formatDuration(diff)} ago` : `in ${formatDuration(-diff)}`;
}

/**
 * When something planned begins, for a person: "Starts today 4:10 PM (in 2 h)", "Starts tomorrow 2:32 AM
 * (in 22 h)", "Starts Mon, Dec 7, 2:32 AM (in 8 d 3 h)"; "Starts now" once the time has come.
 */
export function formatStarts(iso: string | null | undefined, now: number): string {
  const t = parseTime(iso);
  if (t === null) return 'Start not published';
  if (t <= now) return 'Starts now';
  const time = dateFormat('time', { hour: 'numeric', minute: '2-digit' }).format(new Date(t));
  const dayOf = (ms: number): number => {
    const d = new Date(ms);
    return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  };
  const days = Math.round((dayOf(t) - dayOf(now)) / DAY);
  const day =
    days === 0
      ? 'today'
      : days === 1
        ? 'tomorrow'
        : dateFormat('weekday', { weekday: 'short', month: 'short', day: 'numeric' }).format(new Date(t)) +
          ',';
  return `Starts ${day} ${time} (in ${formatDuration(t - now)})`;
}

// Formatting with the zone's name is slow (a tenth of a millisecond, more on a busy machine), and every
// visible row shows its check time's on hover, again at each push: each time is formatted once.
const MAX_KEPT_LOCAL = 4096;
const localTimes = new Map<string, string>();

/** Local date and time with the zone's short name, e.g. "Aug 16, 2022, 10:30 AM EDT". */
export function formatLocal(iso: string | null | undefined): string {
  if (!iso) return '—';
  let text = localTimes.get(iso);
  if (text === undefined) {
    text = formatLocalNow(iso);
    if (localTimes.size >= MAX_KEPT_LOCAL) localTimes.clear();
    localTimes.set(iso, text);
  }
  return text;
}

function formatLocalNow(iso: string): string {
  const t = parseTime(iso);
  if (t === null) return '—';
  return dateFormat('local', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(t));
}

export function formatDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return dateFormat('day', { year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(y, m - 1, d));
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
