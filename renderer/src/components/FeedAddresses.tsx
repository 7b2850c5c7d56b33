// The browser dashboard's lasting addresses, in full: the maintenance calendar to subscribe to and the
// metrics to scrape, each with the access key it needs and a button that copies it.
import { useState } from 'react';
import { heldAccessToken } from '../web-bridge';

/** The two addresses for a dashboard at `origin` with this key (none: --no-token). */
export function feedAddresses(origin: string, token: string | null): { calendar: string; metrics: string } {
  const key = token ? `?token=${encodeURIComponent(token)}` : '';
  return { calendar: `${origin}/calendar.ics${key}`, metrics: `${origin}/metrics${key}` };
}

function CopyableAddress({ label, address }: { label: string; address: string }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(address);
      setCopied('Copied.');
    } catch {
      setCopied('Could not copy: select the address and copy it by hand.');
    }
  };
  return (
    <div className="field">
      <span className="field__label">{label}</span>
      <code className="path">{address}</code>
      <div className="buttons">
        <button
          type="button"
          onClick={() => void copy()}
          aria-label={`Copy the ${label.toLowerCase()} address`}
        >
          Copy
        </button>
        {copied ? (
          <span role="status" className="muted">
            {copied}
          </span>
        ) : null}
      </div>
    </div>
  );
}

/** Rendered by SettingsView in the browser dashboard. */
export function FeedAddresses() {
  const token = heldAccessToken();
  const { calendar, metrics } = feedAddresses(window.location.origin, token);
  return (
    <div className="fieldset">
      <p className="fieldset__title">Subscribe and scrape</p>
      <p className="muted">
        These addresses keep working across restarts: the access key is kept with your data
        {token ? ' (start with --new-token to replace it, and these addresses with it)' : ''}.
      </p>
      <CopyableAddress label="Maintenance calendar" address={calendar} />
      <CopyableAddress label="Prometheus metrics" address={metrics} />
    </div>
  );
}
