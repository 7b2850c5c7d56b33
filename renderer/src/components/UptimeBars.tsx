// 90 days of the monitor's history as bars, one a day, colored by the day's worst status; the words are in
// the summary and in each bar's title. Honest about how long it has watched: "Watched for 3 min", and no
// percentage until there is a day of history (a few minutes are not "1 observed day").
import type { UptimeDay } from '../../../shared/ipc';
import { STATUS_LABEL } from '../../../shared/status';
import { formatDay, formatDuration } from '../format';

const DAYS = 90;
/** Less than this in total and a percentage would claim more than was seen. */
export const MIN_OBSERVED_FOR_PERCENT_MS = 24 * 3600_000;
/** A day's bar gives its own percentage only when at least this much of it was watched. */
const MIN_DAY_OBSERVED_FOR_PERCENT_MS = 3600_000;

function percent(value: number): string {
  return `${(Math.round(value * 1000) / 10).toFixed(value >= 0.9995 ? 0 : 1)}%`;
}

/** The caption under the bars: the observed span in words, with a percentage only once it means something. */
export function uptimeSummary(days: readonly UptimeDay[]): string {
  const observed = days.filter((d) => d.uptime !== null);
  if (observed.length === 0) return 'No history observed yet';
  // Hosts that do not say how long they observed a day: count whole days, as before.
  const known = observed.every((d) => d.observedMs !== undefined);
  const totalMs = known ? observed.reduce((sum, d) => sum + (d.observedMs ?? 0), 0) : null;
  const upMs = known ? observed.reduce((sum, d) => sum + (d.uptime ?? 0) * (d.observedMs ?? 0), 0) : null;
  if (totalMs !== null && upMs !== null) {
    const span = `Watched for ${formatDuration(totalMs)}`;
    if (totalMs < MIN_OBSERVED_FOR_PERCENT_MS) return `${span}; uptime is shown after a day of watching`;
    return `${percent(upMs / totalMs)} operational · ${span.toLowerCase()}`;
  }
  const overall = observed.reduce((sum, d) => sum + (d.uptime ?? 0), 0) / observed.length;
  return `${percent(overall)} operational over ${observed.length} observed ${observed.length === 1 ? 'day' : 'days'}`;
}

function dayWords(d: UptimeDay): string {
  if (d.uptime === null) return 'no data';
  const worst = d.worst && d.worst !== 'operational' ? `worst: ${STATUS_LABEL[d.worst]}` : '';
  if (d.observedMs !== undefined && d.observedMs < MIN_DAY_OBSERVED_FOR_PERCENT_MS) {
    return [`watched for ${formatDuration(d.observedMs)}`, worst].filter(Boolean).join(', ');
  }
  return `${percent(d.uptime)} operational${worst ? `, ${worst}` : ''}`;
}

export function UptimeBars({ days }: { days: UptimeDay[] }) {
  const shown = days.slice(-DAYS);
  const summary = uptimeSummary(shown);
  return (
    <figure className="uptime">
      <div className="uptime__bars" role="img" aria-label={`Uptime, last ${DAYS} days: ${summary}`}>
        {Array.from({ length: DAYS - shown.length }, (_, i) => (
          <span key={`pad-${i}`} className="uptime__bar uptime__bar--none" title="No data" />
        ))}
        {shown.map((d) => {
          const state = d.uptime === null ? 'none' : (d.worst ?? 'unknown');
          return (
            <span
              key={d.date}
              className={`uptime__bar uptime__bar--${state}`}
              title={`${formatDay(d.date)}: ${dayWords(d)}`}
            />
          );
        })}
      </div>
      <figcaption className="uptime__caption">
        <span>{DAYS} days ago</span>
        <span>{summary}</span>
        <span>Today</span>
      </figcaption>
    </figure>
  );
}
