// A link out of the app: only http(s), opened in the system browser through the bridge ('link:open');
// where the host cannot, a new tab with no opener.
import type { MouseEvent, ReactNode } from 'react';
import type { Bridge } from '../../../shared/ipc';
import { useBridge } from '../bridge';

/** Hosts that answered 'link:open' with false: after the first link, the browser opens links itself. */
const cannotOpenLinks = new WeakSet<Bridge>();

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
    // A host known not to open links (the web mode): the browser follows the link itself, new tab, no opener.
    if (cannotOpenLinks.has(bridge)) return;
    event.preventDefault();
    const fallback = (): void => {
      window.open(href, '_blank', 'noopener,noreferrer');
    };
    bridge.invoke('link:open', { url: href }).then((opened) => {
      if (opened) return;
      cannotOpenLinks.add(bridge);
      fallback();
    }, fallback);
  };
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className={className} onClick={open}>
      {children}
    </a>
  );
}
