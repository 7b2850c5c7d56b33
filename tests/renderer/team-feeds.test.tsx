// Settings → "Beyond this desktop": forwarding targets (shown shortened, with Send test) and the
// maintenance calendar export, against a fake host.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ForwardTargetView } from '../../shared/ipc';
import { createFakeBridge } from './fake-bridge';
import { appState, mixedVendors } from './fixtures';
import { renderApp } from './render-app';

function bridge() {
  let targets: ForwardTargetView[] = [];
  return createFakeBridge({
    'state:get': async () => appState(mixedVendors()),
    'forward:list': async () => targets,
    'forward:add': async (t) => {
      targets = [
        ...targets,
        {
          index: targets.length,
          type: t.type,
          label: `${t.type} https://hooks.slack.com/…Tm4T`,
          level: t.level ?? 'all',
          vendors: [],
          waiting: 0,
        },
      ];
      return targets;
    },
    'forward:remove': async ({ index }) => (targets = targets.filter((_, i) => i !== index)),
    'forward:test': async () => ({ ok: false, detail: 'HTTP 404' }),
    'calendar:export': async () => ({
      ics: 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
      savedTo: null,
    }),
  });
}

describe('team feeds in settings', () => {
  it('adds a Slack target, shows it shortened, sends a test and says what the receiver answered', async () => {
    const user = userEvent.setup();
    const b = bridge();
    renderApp(b, '#/settings');
    await screen.findByText('No forwarding target.');
    await user.type(
      screen.getByLabelText('Webhook URL'),
      'https://hooks.slack.com/services/T0123/B0456/7IsoQTrixdUtE971O1xQTm4T',
    );
    await user.click(screen.getByLabelText('Outages only'));
    await user.click(screen.getByRole('button', { name: 'Add target' }));
    const list = await screen.findByRole('list', { name: 'Forwarding targets' });
    expect(list).toHaveTextContent('https://hooks.slack.com/…Tm4T');
    expect(list).toHaveTextContent('outages only');
    expect(b.callsTo('forward:add')).toEqual([
      {
        type: 'slack',
        url: 'https://hooks.slack.com/services/T0123/B0456/7IsoQTrixdUtE971O1xQTm4T',
        level: 'outages',
      },
    ]);
    expect(screen.getByLabelText('Webhook URL')).toHaveValue('');
    await user.click(within(list).getByRole('button', { name: 'Send test' }));
    await waitFor(() => expect(within(list).getByRole('status')).toHaveTextContent('Not sent: HTTP 404'));
    await user.click(within(list).getByRole('button', { name: 'Remove' }));
    await screen.findByText('No forwarding target.');
  });

  it('shows a target the receiver said is gone, and resumes it when a test works', async () => {
    const user = userEvent.setup();
    let gone = true;
    const view = (): ForwardTargetView[] => [
      {
        index: 0,
        type: 'ntfy',
        label: 'ntfy https://ntfy.sh/…eam1',
        level: 'all',
        vendors: [],
        waiting: 3,
        ...(gone ? { gone: true } : {}),
      },
    ];
    const b = createFakeBridge({
      'state:get': async () => appState(mixedVendors()),
      'forward:list': async () => view(),
      'forward:test': async () => {
        gone = false;
        return { ok: true, detail: 'HTTP 200' };
      },
    });
    renderApp(b, '#/settings');
    const list = await screen.findByRole('list', { name: 'Forwarding targets' });
    await waitFor(() =>
      expect(list).toHaveTextContent(
        'stopped: the receiver says this address is gone (HTTP 410). Send a test to resume.',
      ),
    );
    await user.click(within(list).getByRole('button', { name: 'Send test' }));
    await waitFor(() => expect(list).toHaveTextContent('Sent (HTTP 200)'));
    expect(list).not.toHaveTextContent('gone');
  });

  it('exports the maintenance calendar as a download', async () => {
    const user = userEvent.setup();
    renderApp(bridge(), '#/settings');
    await user.click(await screen.findByRole('button', { name: 'Export maintenance calendar (.ics)' }));
    await screen.findByText('1 maintenance window in the calendar.');
  });
});
