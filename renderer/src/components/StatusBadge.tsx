// A status shown never by color alone: a colored glyph (check, wrench, dot, exclamation, cross, question,
// pause) and the words of shared/status.
import type { Glyph, TrayState } from '../../../shared/status';
import { STATUS_LABEL, STATUS_LOOK } from '../../../shared/status';

const GLYPH_PATHS: Record<Glyph, string> = {
  check: 'M4.5 8.5l2.3 2.3 4.7-5',
  wrench: 'M10.5 3.5a2.5 2.5 0 00-2.9 3.2L4 10.3 5.7 12l3.6-3.6a2.5 2.5 0 003.2-2.9l-1.5 1.5-1.5-.4-.4-1.5z',
  dot: 'M8 5.2a2.8 2.8 0 110 5.6 2.8 2.8 0 010-5.6z',
  exclamation: 'M8 4v5M8 11.6v.4',
  cross: 'M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6',
  question: 'M6.2 6.3a1.9 1.9 0 113 1.5c-.8.5-1.2.9-1.2 1.7M8 11.6v.4',
  pause: 'M6.5 5v6M9.5 5v6',
};

const FILLED: ReadonlySet<Glyph> = new Set(['dot', 'wrench']);

export function StatusGlyph({ status, size = 16 }: { status: TrayState; size?: number }) {
  const look = STATUS_LOOK[status];
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
      <circle cx="8" cy="8" r="8" fill={look.hex} />
      <path
        d={GLYPH_PATHS[look.glyph]}
        fill={FILLED.has(look.glyph) ? '#fff' : 'none'}
        stroke="#fff"
        strokeWidth={FILLED.has(look.glyph) ? 0 : 1.8}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
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
