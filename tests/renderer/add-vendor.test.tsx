import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DetectResult } from '../../shared/ipc';
import type { WatchEntry } from '../../shared/model';
import { createFakeBridge } from './fake-bridge';
import { appState, kustomerDetection, kustomerSummary, mixedVendors } from './fixtures';
import { renderApp } from './render-app';

function addBridge(detection: DetectResult = kustomerDetection()) {
  return createFakeBridge({
    // Kustomer is not watched yet: the host's next push would list it, the window must not wait for it.
    'state:get': async () => appState(mixedVendors().filter((v) => v.id !== 'kustomer')),
    'vendors:detect': async () => detection,
    'vendors:add': async (entry) => kustomerSummary({ url: entry.url, name: entry.name ?? 'Kustomer' }),
    'vendor:get': async () => null,
    'catalog:search': async ({ query }) =>
      /kust/i.test(query)
        ? [
            {
              id: 'kustomer-eu',
              name: 'Kustomer (EU)',
              category: 'Customer support',
              url: 'https://status.kustomer.com',
              platform: 'statuspage',
              components: ['Prod2 (EU)/Channel - Email', 'Prod2 (EU)/Workflow'],
            },
          ]
        : [],
  });
}

describe('add vendor', () => {
  it('detects a pasted address, previews platform, name and component count, and adds one chosen component', async () => {
    const user = userEvent.setup();
    const bridge = addBridge();
    renderApp(bridge, '#/add');
    await screen.findByRole('heading', { level: 1, name: 'Add a vendor' });
    await user.type(
      screen.getByRole('textbox', { name: 'Status page address' }),
      'https://status.kustomer.com',
    );
    await user.click(screen.getByRole('button', { name: 'Detect' }));
    expect(bridge.callsTo('vendors:detect')).toEqual([{ url: 'https://status.kustomer.com' }]);
    const found = await screen.findByRole('region', { name: 'What we found' });
    expect(found).toHaveTextContent('PlatformAtlassian Statuspage');
    expect(found).toHaveTextContent('NameKustomer');
    expect(found).toHaveTextContent('Components47 components');

    await user.click(within(found).getByRole('radio', { name: 'Only the components I choose' }));
    const tree = within(found).getByRole('list', { name: 'Components' });
    // The tree has the page's groups, each collapsible.
    const prod2Toggle = within(tree).getByRole('button', { name: 'Collapse Prod2 (EU)' });
    const prod2 = prod2Toggle.closest('li')!;
    await user.click(within(prod2).getByRole('checkbox', { name: 'Channel - Email' }));
    expect(within(prod2).getByRole('checkbox', { name: 'Prod2 (EU)' })).toHaveProperty('indeterminate', true);
    expect(within(found).getByText('1 component chosen')).toBeInTheDocument();
    await user.click(prod2Toggle);
    expect(within(prod2).queryByRole('checkbox', { name: 'Channel - Email' })).toBeNull();

    await user.selectOptions(within(found).getByRole('combobox', { name: 'Notify me about' }), 'outages');
    await user.click(within(found).getByRole('button', { name: 'Add vendor' }));
    expect(bridge.callsTo('vendors:add')).toEqual([
      {
        url: 'https://status.kustomer.com',
        name: 'Kustomer',
        notify: 'outages',
        platform: 'statuspage',
        components: ['Prod2 (EU)/Channel - Email'],
      } satisfies WatchEntry,
    ]);
    expect(window.location.hash).toBe('#/vendor/kustomer');
    expect(await screen.findByRole('heading', { level: 1, name: 'Kustomer' })).toBeInTheDocument();
  });

  it('checks a whole group at once and watches the whole page by default', async () => {
    const user = userEvent.setup();
    const bridge = addBridge();
    renderApp(bridge, '#/add');
    await user.type(
      await screen.findByRole('textbox', { name: 'Status page address' }),
      'status.kustomer.com{Enter}',
    );
    const found = await screen.findByRole('region', { name: 'What we found' });
    expect(within(found).getByRole('radio', { name: /The whole page \(47 components\)/ })).toBeChecked();
    await user.click(within(found).getByRole('radio', { name: 'Only the components I choose' }));
    await user.click(within(found).getByRole('checkbox', { name: 'Third Party' }));
    expect(within(found).getByText('2 components chosen')).toBeInTheDocument();
    await user.click(within(found).getByRole('button', { name: 'Add vendor' }));
    const [entry] = bridge.callsTo('vendors:add') as WatchEntry[];
    expect(entry?.components).toEqual(['Third Party/OpenAI', 'Third Party/PubNub']);
  });

  it('finds a vendor in the catalog and preselects the components of the entry', async () => {
    const user = userEvent.setup();
    const bridge = addBridge();
    renderApp(bridge, '#/add');
    await user.type(await screen.findByRole('searchbox', { name: 'Vendor name' }), 'kust');
    await user.click(await screen.findByRole('button', { name: 'Choose Kustomer (EU)' }));
    const found = await screen.findByRole('region', { name: 'What we found' });
    expect(within(found).getByText('2 components chosen')).toBeInTheDocument();
    await user.click(within(found).getByRole('button', { name: 'Add vendor' }));
    const [entry] = bridge.callsTo('vendors:add') as WatchEntry[];
    expect(entry?.components).toEqual(['Prod2 (EU)/Channel - Email', 'Prod2 (EU)/Workflow']);
  });

  it('says a vendor is not in the catalog and points at the address field', async () => {
    const user = userEvent.setup();
    renderApp(addBridge(), '#/add');
    await user.type(await screen.findByRole('searchbox', { name: 'Vendor name' }), 'microsoft 365');
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Not in the catalog — paste its status page address below.',
    );
    expect(screen.queryByRole('list', { name: 'Catalog results' })).toBeNull();
  });

  it('shows why a page could not be read, and lets the user add it anyway', async () => {
    const user = userEvent.setup();
    const bridge = addBridge({
      url: 'https://status.example.net',
      platform: 'unknown',
      name: null,
      componentCount: 0,
      components: [],
      error: { kind: 'unrecognized', message: 'This page is not a status page StatusTray can read.' },
    });
    renderApp(bridge, '#/add');
    await user.type(
      await screen.findByRole('textbox', { name: 'Status page address' }),
      'https://status.example.net{Enter}',
    );
    const found = await screen.findByRole('region', { name: 'What we found' });
    // It says the page could not be read and why, never that the page "publishes" nothing.
    expect(within(found).getByRole('alert')).toHaveTextContent(
      'The page could not be read: This page is not a status page StatusTray can read.',
    );
    expect(found).toHaveTextContent('PlatformNot known: the page could not be read');
    expect(found).toHaveTextContent('ComponentsNot known until the page can be read');
    expect(found).not.toHaveTextContent('publishes no component list');
    expect(found).not.toHaveTextContent('Not published');
    expect(within(found).getByRole('button', { name: 'Add anyway' })).toBeEnabled();
    // A reason of a sentence or two is shown whole, with nothing to expand.
    expect(within(found).queryByRole('button', { name: 'Show all' })).toBeNull();
  });

  it('cuts a very long reason to a few lines, with all of it in the tooltip and behind "Show all"', async () => {
    const user = userEvent.setup();
    const reason = `The server answered with a page of its own: ${'x'.repeat(2000)}`;
    const bridge = addBridge({
      url: 'https://status.example.net',
      platform: 'unknown',
      name: null,
      componentCount: 0,
      components: [],
      error: { kind: 'unrecognized', message: reason },
    });
    renderApp(bridge, '#/add');
    await user.type(
      await screen.findByRole('textbox', { name: 'Status page address' }),
      'https://status.example.net{Enter}',
    );
    const alert = within(await screen.findByRole('region', { name: 'What we found' })).getByRole('alert');
    const text = within(alert).getByTitle(reason);
    expect(text).toHaveClass('long-text--cut');
    const toggle = within(alert).getByRole('button', { name: 'Show all' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(text).not.toHaveClass('long-text--cut');
    expect(within(alert).getByRole('button', { name: 'Show less' })).toHaveAttribute('aria-expanded', 'true');
  });

  it("keeps a catalog pick's name and components when its page cannot be read now", async () => {
    const user = userEvent.setup();
    const unreachable: DetectResult = {
      url: 'https://status.kustomer.com',
      platform: 'unknown',
      name: null,
      componentCount: 0,
      components: [],
      error: { kind: 'timeout', message: 'The page did not answer within 10 seconds.' },
    };
    const bridge = addBridge(unreachable);
    renderApp(bridge, '#/add');
    await user.type(await screen.findByRole('searchbox', { name: 'Vendor name' }), 'kust');
    await user.click(await screen.findByRole('button', { name: 'Choose Kustomer (EU)' }));
    const found = await screen.findByRole('region', { name: 'What we found' });
    expect(found).toHaveTextContent('NameKustomer (EU) (from the catalog)');
    expect(found).toHaveTextContent(
      'Components2 components chosen in the catalog: Prod2 (EU)/Channel - Email, Prod2 (EU)/Workflow',
    );
    expect(within(found).getByRole('textbox', { name: 'Name in StatusTray' })).toHaveValue('Kustomer (EU)');
    await user.click(within(found).getByRole('button', { name: 'Add anyway' }));
    expect(bridge.callsTo('vendors:add')).toEqual([
      {
        url: 'https://status.kustomer.com',
        name: 'Kustomer (EU)',
        notify: 'all',
        components: ['Prod2 (EU)/Channel - Email', 'Prod2 (EU)/Workflow'],
      } satisfies WatchEntry,
    ]);
  });

  it('says in plain words what to fix when the host refuses an address', async () => {
    const user = userEvent.setup();
    const bridge = createFakeBridge({
      'state:get': async () => appState(mixedVendors()),
      'vendors:detect': async () => {
        throw new Error('Invalid argument for vendors:detect: url: must be an http(s) URL');
      },
    });
    renderApp(bridge, '#/add');
    await user.type(
      await screen.findByRole('textbox', { name: 'Status page address' }),
      'ftp://status.example.com{Enter}',
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Enter an address that starts with https:// (for example https://status.example.com).',
    );
    expect(screen.queryByText(/Invalid argument/)).toBeNull();
  });

  it('adds https:// to an address pasted without it', async () => {
    const user = userEvent.setup();
    const bridge = addBridge();
    renderApp(bridge, '#/add');
    const field = await screen.findByRole('textbox', { name: 'Status page address' });
    await user.type(field, 'status.kustomer.com{Enter}');
    await screen.findByRole('region', { name: 'What we found' });
    expect(bridge.callsTo('vendors:detect')).toEqual([{ url: 'https://status.kustomer.com' }]);
    expect(field).toHaveValue('https://status.kustomer.com');
  });
});
