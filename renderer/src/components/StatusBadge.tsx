// A status shown never by color alone: a colored glyph (check, wrench, dot, exclamation, cross, question,
// offline, pause) and the words of shared/status.
import type { TrayState } from '../../../shared/status';
import { STATUS_LABEL, STATUS_LOOK } from '../../../shared/status';
import { GLYPHS, glyphColor, ICON_MARGIN } from '../../../shared/status-icon';

const round = (n: number): number => Math.round(n * 1000) / 1000;

/** The status disc and glyph, drawn from the same shapes as the tray icons and the tab's favicon. */
export function StatusGlyph({ status, size = 16 }: { status: TrayState; size?: number }) {
  const look = STATUS_LOOK[status];
  const shape = GLYPHS[look.glyph];
  const radius = 0.5 - ICON_MARGIN;
  const scale = 16 * radius * 2;
  const at = (v: number): number => round(8 + (v - 0.5) * scale);
  const ink = `rgb(${glyphColor(look.hex).join(',')})`;
  return (
    <svg
      className="glyph"
      width={size}
      height={size}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      data-glyph={look.glyph}
    >
      <circle cx="8" cy="8" r={round(16 * radius)} fill={look.hex} />
      {shape.strokes.map((stroke, i) => (
        <polyline
          key={`s${i}`}
          points={stroke.points.map(([x, y]) => `${at(x)},${at(y)}`).join(' ')}
          fill="none"
          stroke={ink}
          strokeWidth={round(stroke.width * scale)}
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      ))}
      {shape.dots.map((dot, i) => (
        <circle key={`d${i}`} cx={at(dot.at[0])} cy={at(dot.at[1])} r={round(dot.r * scale)} fill={ink} />
      ))}
    </svg>
  );
}

export function StatusBadge({
  status,
  label,
  compact = false,
}: {
  status: TrayState;
  /** Words to show instead of the status label (the label stays available to screen readers). */
  label?: string;
  compact?: boolean;
}) {
  return (
    <span className={`status status--${status}${compact ? ' status--compact' : ''}`} data-status={status}>
      <StatusGlyph status={status} />
      <span className="status__text">{label ?? STATUS_LABEL[status]}</span>
    </span>
  );
}
