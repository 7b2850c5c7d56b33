// The browser tab (and the desktop window's title) tells the state like the tray does: "(2) StatusTray —
// 2 vendors with problems" and the tray's colored glyph as the favicon, so a background tab is not silent.
import { useEffect, useMemo } from 'react';
import type { AppState } from '../../../shared/ipc';
import { isProblem } from '../../../shared/status';
import { statusIconDataUrl } from '../../../shared/status-icon';
import { summaryLine } from '../views/OverviewView';

export const APP_TITLE = 'StatusTray';

/** The document title for a state: a count of vendors with problems first, so it shows in a narrow tab. */
export function tabTitle(state: Pick<AppState, 'vendors' | 'offline'> | null): string {
  if (!state) return APP_TITLE;
  let problems = 0;
  for (const v of state.vendors) if (isProblem(v.status)) problems++;
  const count = problems > 0 ? `(${problems}) ` : '';
  const offline = state.offline ? 'offline; ' : '';
  return `${count}${APP_TITLE} — ${offline}${summaryLine(state.vendors)}`;
}

function iconLink(doc: Document): HTMLLinkElement {
  let link = doc.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (!link) {
    link = doc.createElement('link');
    link.rel = 'icon';
    doc.head.appendChild(link);
  }
  return link;
}

export function useTabStatus(state: AppState | null): void {
  // Worked out again only when the vendors or the offline flag change (not at every render of the window).
  const vendors = state?.vendors;
  const offline = state?.offline ?? false;
  const title = useMemo(() => tabTitle(vendors ? { vendors, offline } : null), [vendors, offline]);
  const tray = state?.tray ?? 'unknown';
  useEffect(() => {
    document.title = title;
  }, [title]);
  useEffect(() => {
    const link = iconLink(document);
    link.type = 'image/svg+xml';
    link.href = statusIconDataUrl(tray);
    link.dataset.status = tray;
  }, [tray]);
}
