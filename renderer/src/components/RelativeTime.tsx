// A time shown relative ("5 min ago"), ticking without reload, with the local time on hover and for
// machines (<time datetime>).
import { formatLocal, formatRelative } from '../format';
import { useNow } from '../hooks/useNow';

export function RelativeTime({ iso, prefix = '' }: { iso: string | null; prefix?: string }) {
  const now = useNow();
  if (!iso) return <span className="muted">never</span>;
  return (
    <time dateTime={iso} title={formatLocal(iso)}>
      {prefix}
      {formatRelative(iso, now)}
    </time>
  );
}
