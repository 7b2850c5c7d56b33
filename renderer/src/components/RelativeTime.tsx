// A time shown relative ("5 min ago"), ticking without reload, with the local time on hover and for
// machines (<time datetime>).
import type { PointerEvent } from 'react';
import { formatLocal, formatRelative } from '../format';
import { useNow } from '../hooks/useNow';

/**
 * The local time is written into the tooltip when the pointer comes over the time, not at every render:
 * formatting a time with its zone's name is slow, and 2,000 vendors' rows render again at every push.
 */
function showLocalTime(event: PointerEvent<HTMLTimeElement>): void {
  const time = event.currentTarget;
  time.title = formatLocal(time.dateTime);
}

export function RelativeTime({ iso, prefix = '' }: { iso: string | null; prefix?: string }) {
  const now = useNow();
  if (!iso) return <span className="muted">never</span>;
  return (
    <time dateTime={iso} onPointerEnter={showLocalTime}>
      {prefix}
      {formatRelative(iso, now)}
    </time>
  );
}
