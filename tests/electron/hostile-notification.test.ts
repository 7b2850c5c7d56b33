// The OS notification with the hostile corpus as its text (tests/fakes/hostile-text.ts): the title one
// line and the body plain lines, no control character, and on Linux no markup a notification server would
// read (`<a href>`, `<img>`), so a vendor cannot show a link or an image in the user's notification.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./electron-mock')).electronModule());

import { FakeNotification, resetElectronMock } from './electron-mock';
import { Notifier } from '../../electron/notifications';
import { HOSTILE_ENTRIES, forbiddenControls } from '../fakes/hostile-text';

beforeEach(() => resetElectronMock());

describe.each(['linux', 'darwin', 'win32'] as const)('an OS notification on %s', (platform) => {
  it.each(HOSTILE_ENTRIES)('with the hostile %s is plain text', (_name, text) => {
    const notifier = new Notifier({ open: () => {}, platform });
    notifier.show({
      key: 'k',
      title: `${text} — Major outage`,
      body: `${text}\n${text}`,
      severity: 'major_outage',
      target: { vendorId: 'v' },
      at: '2026-11-24T09:41:00.000Z',
    });
    const shown = FakeNotification.instances.at(-1)!.options;
    expect(forbiddenControls(String(shown.title), '')).toEqual([]);
    expect(forbiddenControls(String(shown.body))).toEqual([]);
    if (platform === 'linux') expect(String(shown.body)).not.toMatch(/[<>]/);
  });
});
