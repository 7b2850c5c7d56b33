// A link out of the app: only http(s), opened in the system browser through the bridge ('link:open');
// where the host cannot, a new tab with no opener.
import type { MouseEvent, ReactNode } from 'react';
import { useBridge } from '../bridge';

export function isWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

export function ExternalLink({
  href,
  children,
  className,
}: {
  href: string;
  children: ReactNode;
  className?: string;
}) {
  const bridge = useBridge();
  if (!isWebUrl(href)) return <span className={className}>{children}</span>;
  const open = (event: MouseEvent<HTMLAnchorElement>): void => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    bridge.invoke('link:open', { url: href }).then(
      (opened) => {
        if (!opened) window.open(href, '_blank', 'noopener,noreferrer');
      },
      () => window.open(href, '_blank', 'noopener,noreferrer'),
    );
  };
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className={className} onClick={open}>
      {children}
    </a>
  );
}
