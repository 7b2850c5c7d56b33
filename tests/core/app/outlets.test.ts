// The outlets: every notification the policy decides on reaches each outlet, one failing outlet does not
// silence the others, and an outlet added through the core (a forwarding outbox) gets them too.
import { describe, expect, it, vi } from 'vitest';
import { createOutlets, type NotificationOutlet } from '../../../electron/core/app/outlets';
import type { AppNotification } from '../../../shared/notification';

const note = (key: string): AppNotification => ({
  key,
  title: 'GitHub: major outage',
  body: 'Actions is down',
  severity: 'major_outage',
  target: { vendorId: 'githubstatus.test' },
  at: '2026-11-24T10:00:00.000Z',
});

function recording(name: string): NotificationOutlet & { got: string[] } {
  const got: string[] = [];
  return { name, got, deliver: (n) => void got.push(n.key) };
}

describe('notification outlets', () => {
  it('hands each notification to every outlet, in order', () => {
    const os = recording('OS notification');
    const web = recording('web push');
    const outlets = createOutlets([os]);
    outlets.add(web);
    outlets.deliver(note('a'));
    outlets.deliver(note('b'));
    expect(os.got).toEqual(['a', 'b']);
    expect(web.got).toEqual(['a', 'b']);
  });

  it('keeps delivering to the others when one outlet throws', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken: NotificationOutlet = {
      name: 'forwarding',
      deliver: () => {
        throw new Error('receiver down');
      },
    };
    const os = recording('OS notification');
    const outlets = createOutlets([broken, os]);
    outlets.deliver(note('a'));
    expect(os.got).toEqual(['a']);
    expect(String(error.mock.calls[0]?.[0])).toContain('forwarding');
    error.mockRestore();
  });

  it('stops delivering to an outlet once it is removed', () => {
    const web = recording('web push');
    const outlets = createOutlets();
    const remove = outlets.add(web);
    outlets.deliver(note('a'));
    remove();
    outlets.deliver(note('b'));
    expect(web.got).toEqual(['a']);
    expect(outlets.size).toBe(0);
  });
});
