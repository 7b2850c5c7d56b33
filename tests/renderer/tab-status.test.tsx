import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { statusIconDataUrl } from '../../shared/status-icon';
import { createFakeBridge } from './fake-bridge';
import { appState, mixedVendors, summary } from './fixtures';
import { renderApp } from './render-app';

function favicon(): HTMLLinkElement | null {
  return document.head.querySelector<HTMLLinkElement>('link[rel="icon"]');
}

describe('the tab tells the state like the tray', () => {
  it('puts the count of vendors with problems in the title and the tray glyph in the favicon', async () => {
    const fine = [summary({ id: 'a', name: 'A' }), summary({ id: 'b', name: 'B' })];
    const bridge = createFakeBridge({ 'state:get': async () => appState(fine, { tray: 'operational' }) });
    renderApp(bridge);
    await screen.findByRole('heading', { level: 1, name: 'Your vendors' });
    expect(document.title).toBe('StatusTray — All 2 vendors operational');
    expect(favicon()?.dataset.status).toBe('operational');
    expect(favicon()?.href).toBe(statusIconDataUrl('operational'));

    act(() => bridge.push('state:changed', appState(mixedVendors(), { tray: 'major_outage' })));
    expect(document.title).toBe('(3) StatusTray — 3 vendors with problems, 1 unknown');
    expect(favicon()?.dataset.status).toBe('major_outage');
    // The same red disc and cross as the tray icon.
    const svg = decodeURIComponent(favicon()?.href.replace('data:image/svg+xml,', '') ?? '');
    expect(svg).toContain('fill="#d92b2b"');
    expect(svg).toContain('<polyline');

    act(() => bridge.push('state:changed', appState(fine, { tray: 'offline', offline: true })));
    expect(document.title).toBe('StatusTray — offline; All 2 vendors operational');
    expect(favicon()?.dataset.status).toBe('offline');
    expect(statusIconDataUrl('offline')).not.toBe(statusIconDataUrl('unknown'));
  });
});
