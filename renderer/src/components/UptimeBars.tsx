// 90 days of the monitor's history as bars, one a day, colored by the day's worst status; the words are in
// the summary and in each bar's title.
import type { UptimeDay } from '../../../shared/ipc';
import { STATUS_LABEL } from '../../../shared/status';
import { formatDay } from '../format';

const DAYS = 90;

function percent(value: number): string {
  return `${(Math.round(value * 1000) / 10).toFixed(value >= 0.9995 ? 0 : 1)}%`;
}

export function UptimeBars({ days }: { days: UptimeDay[] }) {
  const shown = days.slice(-DAYS);
  const observed = shown.filter((d) => d.uptime !== null);
  const overall =
    observed.length > 0 ? observed.reduce((sum, d) => sum + (d.uptime ?? 0), 0) / observed.length : null;
  const summary =
    overall === null
      ? 'No history observed yet'
      : `${percent(overall)} operational over ${observed.length} observed ${observed.length === 1 ? 'day' : 'days'}`;
  return (
    <figure className="uptime">
      <div className="uptime__bars" role="img" aria-label={`Uptime, last ${DAYS} days: ${summary}`}>
        {Array.from({ length: DAYS - shown.length }, (_, i) => (
          <span key={`pad-${i}`} className="uptime__bar uptime__bar--none" title="No data" />
        ))}
        {shown.map((d) => {
          const state = d.uptime === null ? 'none' : (d.worst ?? 'unknown');
          const words =
            d.uptime === null
              ? 'no data'
              : `${percent(d.uptime)} operational${d.worst && d.worst !== 'operational' ? `, worst: ${STATUS_LABEL[d.worst]}` : ''}`;
          return (
            <span
              key={d.date}
              className={`uptime__bar uptime__bar--${state}`}
              title={`${formatDay(d.date)}: ${words}`}
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
