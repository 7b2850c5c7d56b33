// Settings for what goes beyond this desktop: forwarding targets (webhook, Slack, Teams, Discord, ntfy)
// with "Send test", and the maintenance calendar export. Target URLs are secrets: the host only ever
// sends them back shortened.
import { useEffect, useState } from 'react';
import type { ForwardTargetView } from '../../../shared/ipc';
import type { ForwardType } from '../../../shared/model';
import { useBridge } from '../bridge';

const TYPES: Array<{ value: ForwardType; label: string }> = [
  { value: 'slack', label: 'Slack (incoming webhook)' },
  { value: 'teams', label: 'Microsoft Teams (Workflows webhook)' },
  { value: 'discord', label: 'Discord (webhook)' },
  { value: 'ntfy', label: 'ntfy (topic URL)' },
  { value: 'webhook', label: 'Webhook (JSON)' },
];

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function ForwardTargets() {
  const bridge = useBridge();
  const [targets, setTargets] = useState<ForwardTargetView[]>([]);
  const [type, setType] = useState<ForwardType>('slack');
  const [url, setUrl] = useState('');
  const [outagesOnly, setOutagesOnly] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [tests, setTests] = useState<Record<number, string>>({});

  useEffect(() => {
    let live = true;
    bridge.invoke('forward:list').then(
      (list) => live && setTargets(list),
      (err: unknown) => live && setLoadError(message(err)),
    );
    return () => {
      live = false;
    };
  }, [bridge]);

  const add = async (): Promise<void> => {
    setError(null);
    try {
      setTargets(
        await bridge.invoke('forward:add', {
          type,
          url: url.trim(),
          ...(outagesOnly ? { level: 'outages' } : {}),
        }),
      );
      setUrl('');
      setTests({});
    } catch (err) {
      setError(message(err));
    }
  };
  const remove = async (index: number): Promise<void> => {
    setError(null);
    try {
      setTargets(await bridge.invoke('forward:remove', { index }));
      setTests({});
    } catch (err) {
      setError(message(err));
    }
  };
  const test = async (index: number): Promise<void> => {
    setTests((t) => ({ ...t, [index]: 'Sending…' }));
    try {
      const result = await bridge.invoke('forward:test', { index });
      setTests((t) => ({
        ...t,
        [index]: result.ok ? `Sent (${result.detail})` : `Not sent: ${result.detail}`,
      }));
      // A test that works resumes a target the receiver had said was gone.
      if (result.ok) setTargets(await bridge.invoke('forward:list'));
    } catch (err) {
      setTests((t) => ({ ...t, [index]: `Not sent: ${message(err)}` }));
    }
  };

  return (
    <div className="fieldset">
      <p className="fieldset__title">Forward notifications</p>
      <p className="muted">
        Also post what this app notifies you of to a team channel. Messages wait in an outbox until the
        receiver accepts them, and are retried for a day.
      </p>
      {loadError ? <p className="muted">Could not read the forwarding targets: {loadError}</p> : null}
      {targets.length > 0 ? (
        <ul className="targets" aria-label="Forwarding targets">
          {targets.map((t) => (
            <li key={`${t.index}-${t.label}`} className="target">
              <span className="target__label">
                <code>{t.label}</code>
                <span className="muted">
                  {t.level === 'outages' ? ' (outages only)' : ''}
                  {t.waiting > 0 ? ` — ${t.waiting} waiting` : ''}
                </span>
                {t.gone ? (
                  <span role="status">
                    {' '}
                    — stopped: the receiver says this address is gone (HTTP 410). Send a test to resume.
                  </span>
                ) : t.failingSince ? (
                  <span role="status"> — failing since {new Date(t.failingSince).toLocaleTimeString()}</span>
                ) : null}
              </span>
              <span className="buttons target__buttons">
                <button type="button" onClick={() => void test(t.index)}>
                  Send test
                </button>
                <button type="button" onClick={() => void remove(t.index)}>
                  Remove
                </button>
              </span>
              {tests[t.index] ? (
                <span role="status" className="muted">
                  {' '}
                  {tests[t.index]}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No forwarding target.</p>
      )}
      <div className="form--feed">
        <label className="field">
          <span className="field__label">Service</span>
          <select value={type} onChange={(e) => setType(e.target.value as ForwardType)}>
            {TYPES.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field form--feed__url">
          <span className="field__label">Webhook URL</span>
          <input
            type="url"
            value={url}
            autoComplete="off"
            placeholder="https://hooks.example.com/…"
            onChange={(e) => setUrl(e.target.value)}
          />
        </label>
        <label className="check form--feed__check">
          <input type="checkbox" checked={outagesOnly} onChange={(e) => setOutagesOnly(e.target.checked)} />
          <span>Outages only</span>
        </label>
        <button
          type="button"
          className="button--primary"
          disabled={url.trim() === ''}
          onClick={() => void add()}
        >
          Add target
        </button>
      </div>
      {error ? (
        <p className="warning" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function CalendarExport() {
  const bridge = useBridge();
  const [status, setStatus] = useState<string | null>(null);
  const [downloadUrl, setDownloadUrl] = useState<string | null>(null);

  const doExport = async (): Promise<void> => {
    setStatus(null);
    try {
      const { ics, savedTo } = await bridge.invoke('calendar:export');
      if (savedTo) {
        setStatus(`Saved to ${savedTo}`);
        return;
      }
      if (typeof URL.createObjectURL === 'function') {
        if (downloadUrl) URL.revokeObjectURL(downloadUrl);
        setDownloadUrl(URL.createObjectURL(new Blob([ics], { type: 'text/calendar' })));
      }
      const events = ics.split('BEGIN:VEVENT').length - 1;
      setStatus(`${events} maintenance window${events === 1 ? '' : 's'} in the calendar.`);
    } catch (err) {
      setStatus(`Could not export: ${message(err)}`);
    }
  };

  return (
    <div className="fieldset">
      <p className="fieldset__title">Maintenance calendar</p>
      <p className="muted">
        Planned and running maintenance of the vendors you watch, for your calendar app. In the browser
        dashboard, subscribe to the address under “This browser” to keep it up to date.
      </p>
      <div className="buttons">
        <button type="button" onClick={() => void doExport()}>
          Export maintenance calendar (.ics)
        </button>
        {downloadUrl ? (
          <a className="button" href={downloadUrl} download="statustray-maintenance.ics">
            Download statustray-maintenance.ics
          </a>
        ) : null}
      </div>
      {status ? (
        <p role="status" className="muted">
          {status}
        </p>
      ) : null}
    </div>
  );
}

/** Rendered by SettingsView. */
export function TeamFeeds() {
  return (
    <section className="card" aria-labelledby="team-feeds-title">
      <h2 id="team-feeds-title">Beyond this desktop</h2>
      <ForwardTargets />
      <CalendarExport />
    </section>
  );
}
