// Settings: poll interval (≥ 30 s), notifications (global, quiet hours), launch at login (desktop) or
// browser notifications (web mode), theme, import and export of the watchlist (the file format of
// DESIGN.md), where data lives, and the host's notices.
import { useRef, useState, type ReactNode } from 'react';
import type { ImportResult, Settings } from '../../../shared/ipc';
import { useBridge } from '../bridge';
import { TeamFeeds } from '../components/TeamFeeds';
import { useAppStore } from '../stores/app-store';
import { formatLocal, plural } from '../format';
import { plainError } from '../plain-error';
import { isWebBridge } from '../web-bridge';
import { FeedAddresses } from '../components/FeedAddresses';
import { BrowserNotificationsField } from '../components/BrowserNotifications';

export const MIN_INTERVAL_SECONDS = 30;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function IntervalField({ value, onSave }: { value: number; onSave(seconds: number): void }) {
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  const commit = (): void => {
    const n = Number(text);
    if (!Number.isFinite(n) || !Number.isInteger(n) || n < MIN_INTERVAL_SECONDS) {
      setError(`Enter a whole number of seconds, at least ${MIN_INTERVAL_SECONDS}.`);
      return;
    }
    setError(null);
    if (n !== value) onSave(n);
  };
  return (
    <div className="field">
      <label htmlFor="interval" className="field__label">
        Check every (seconds)
      </label>
      <div className="form--inline">
        <input
          id="interval"
          type="number"
          min={MIN_INTERVAL_SECONDS}
          step={1}
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby="interval-help"
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
        />
        <button type="button" onClick={commit}>
          Apply
        </button>
      </div>
      <p id="interval-help" className={error ? 'warning' : 'muted'} role={error ? 'alert' : undefined}>
        {error ??
          `At least ${MIN_INTERVAL_SECONDS} seconds, to be kind to the vendors. Open incidents are checked more often.`}
      </p>
    </div>
  );
}

function readFileText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file);
  });
}

function WatchlistTransfer() {
  const bridge = useBridge();
  const [exported, setExported] = useState<string | null>(null);
  const [downloadUrl, setDownloadUrl] = useState<string | null>(null);
  const [importText, setImportText] = useState('');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Forwarding targets' addresses are secrets: an export leaves them out unless the user asks.
  const [includeForward, setIncludeForward] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  const doExport = async (): Promise<void> => {
    setError(null);
    try {
      const text = await bridge.invoke('watchlist:export', includeForward ? { includeForward } : undefined);
      setExported(text);
      if (typeof URL.createObjectURL === 'function') {
        if (downloadUrl) URL.revokeObjectURL(downloadUrl);
        setDownloadUrl(URL.createObjectURL(new Blob([text], { type: 'application/json' })));
      }
    } catch (err) {
      setError(plainError(err));
    }
  };
  const doImport = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await bridge.invoke('watchlist:import', { text: importText }));
    } catch (err) {
      setError(plainError(err));
    } finally {
      setBusy(false);
    }
  };
  const readFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    try {
      setImportText(await readFileText(file));
      setResult(null);
    } catch {
      setError(`Could not read ${file.name}.`);
    }
  };

  return (
    <>
      <div className="fieldset">
        <p className="fieldset__title">Export</p>
        <label className="check">
          <input
            type="checkbox"
            checked={includeForward}
            onChange={(e) => setIncludeForward(e.target.checked)}
          />
          <span>Include forwarding targets (their addresses are secrets)</span>
        </label>
        <div className="buttons">
          <button type="button" onClick={() => void doExport()}>
            Export watchlist
          </button>
          {exported && downloadUrl ? (
            <a className="button" href={downloadUrl} download="statustray-watchlist.json">
              Download statustray-watchlist.json
            </a>
          ) : null}
          {exported ? (
            <button type="button" onClick={() => void navigator.clipboard?.writeText(exported)}>
              Copy
            </button>
          ) : null}
        </div>
        {exported !== null ? (
          <label className="field">
            <span className="field__label">Exported watchlist</span>
            <textarea readOnly rows={8} value={exported} className="code" />
          </label>
        ) : null}
      </div>
      <div className="fieldset">
        <p className="fieldset__title">Import</p>
        <label className="field">
          <span className="field__label">Watchlist file</span>
          <input
            ref={fileRef}
            type="file"
            accept=".json,application/json"
            onChange={(e) => void readFile(e.target.files?.[0])}
          />
        </label>
        <label className="field">
          <span className="field__label">Or paste a watchlist</span>
          <textarea
            rows={6}
            className="code"
            value={importText}
            placeholder='{ "version": 1, "vendors": [ { "url": "https://status.example.com" } ] }'
            onChange={(e) => setImportText(e.target.value)}
          />
        </label>
        <div className="buttons">
          <button
            type="button"
            className="button--primary"
            disabled={busy || !importText.trim()}
            onClick={() => void doImport()}
          >
            Import
          </button>
        </div>
        <div role="status">
          {result ? (
            <>
              {result.added === 0 && result.skipped === 0 && result.errors.length > 0 ? (
                <p className="warning">Nothing was imported:</p>
              ) : (
                <p>
                  Added {plural(result.added, 'vendor')}, skipped {result.skipped} already watched.
                </p>
              )}
              {result.errors.length > 0 ? (
                <ul className="errors">
                  {result.errors.map((e) => (
                    <li key={e} className="warning">
                      {e}
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          ) : null}
        </div>
        {error ? (
          <p className="warning" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </>
  );
}

export function SettingsView() {
  const bridge = useBridge();
  // The browser dashboard has no login item to set; it has browser notifications instead.
  const web = isWebBridge(bridge);
  const appState = useAppStore((s) => s.state);
  const setState = useAppStore((s) => s.setState);
  const [message, setMessage] = useState<string | null>(null);
  if (!appState) return null;
  const settings = appState.settings;

  const update = async (patch: Partial<Settings>): Promise<void> => {
    const before = useAppStore.getState().state?.settings;
    useAppStore.getState().patchSettings(patch);
    try {
      const next = await bridge.invoke('settings:update', patch);
      const latest = useAppStore.getState().state;
      if (latest) setState({ ...latest, settings: next });
      setMessage('Saved.');
    } catch (err) {
      if (before) useAppStore.getState().patchSettings(before);
      setMessage(`Not saved: ${plainError(err)}`);
    }
  };

  return (
    <section className="view view--settings" aria-labelledby="settings-title">
      <div className="view__head">
        <h1 id="settings-title" tabIndex={-1}>
          Settings
        </h1>
        <p className="muted" role="status">
          {message}
        </p>
      </div>
      <Section id="checking-title" title="Checking">
        <IntervalField
          key={settings.intervalSeconds}
          value={settings.intervalSeconds}
          onSave={(n) => void update({ intervalSeconds: n })}
        />
        {appState.intervalOverrideSeconds !== undefined ? (
          <p className="note">
            For this run the command line checks every {appState.intervalOverrideSeconds} s (--interval); the
            setting above applies when StatusTray starts without it.
          </p>
        ) : null}
        {settings.pausedUntil ? (
          <p>
            Paused until {formatLocal(settings.pausedUntil)}.{' '}
            <button type="button" onClick={() => void update({ pausedUntil: null })}>
              Resume now
            </button>
          </p>
        ) : null}
      </Section>
      <Section id="notifications-title" title="Notifications">
        <label className="check">
          <input
            type="checkbox"
            checked={settings.notificationsEnabled}
            onChange={(e) => void update({ notificationsEnabled: e.target.checked })}
          />
          {/* In a browser there is no desktop: the toasts of this page (and, below, the browser's own). */}
          <span>{web ? 'Show notifications in this page' : 'Show desktop notifications'}</span>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={settings.lookUpCommonProviders !== false}
            onChange={(e) => void update({ lookUpCommonProviders: e.target.checked })}
          />
          <span>
            Look up common providers when several vendors fail at once (reads the few pages the vendors name,
            once, to say the likely cause)
          </span>
        </label>
        <fieldset className="fieldset" disabled={!settings.notificationsEnabled}>
          <legend>Quiet hours</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={settings.quietHours.enabled}
              onChange={(e) =>
                void update({ quietHours: { ...settings.quietHours, enabled: e.target.checked } })
              }
            />
            <span>Hold notifications during quiet hours</span>
          </label>
          <div className="form--inline">
            <label className="field">
              <span className="field__label">From</span>
              <input
                type="time"
                value={settings.quietHours.start}
                disabled={!settings.quietHours.enabled}
                onChange={(e) =>
                  e.target.value &&
                  void update({ quietHours: { ...settings.quietHours, start: e.target.value } })
                }
              />
            </label>
            <label className="field">
              <span className="field__label">To</span>
              <input
                type="time"
                value={settings.quietHours.end}
                disabled={!settings.quietHours.enabled}
                onChange={(e) =>
                  e.target.value &&
                  void update({ quietHours: { ...settings.quietHours, end: e.target.value } })
                }
              />
            </label>
          </div>
        </fieldset>
      </Section>
      {web ? (
        <Section id="browser-title" title="This browser">
          <BrowserNotificationsField />
          <FeedAddresses />
        </Section>
      ) : (
        <Section id="startup-title" title="Startup">
          <label className="check">
            <input
              type="checkbox"
              checked={settings.launchAtLogin}
              onChange={(e) => void update({ launchAtLogin: e.target.checked })}
            />
            <span>Start StatusTray when I log in</span>
          </label>
        </Section>
      )}
      <Section id="appearance-title" title="Appearance">
        <fieldset className="fieldset">
          <legend>Theme</legend>
          {(
            [
              ['system', 'Same as the system'],
              ['light', 'Light'],
              ['dark', 'Dark'],
            ] as Array<[Settings['theme'], string]>
          ).map(([value, label]) => (
            <label key={value} className="check">
              <input
                type="radio"
                name="theme"
                value={value}
                checked={settings.theme === value}
                onChange={() => void update({ theme: value })}
              />
              <span>{label}</span>
            </label>
          ))}
        </fieldset>
      </Section>
      <Section id="watchlist-title" title="Watchlist">
        <p className="muted">
          The watchlist file lists your vendors and the components you watch (format: version 1, as the
          command line reads it with <code>--config</code>).
        </p>
        <WatchlistTransfer />
      </Section>
      <TeamFeeds />
      <Section id="data-title" title="Your data">
        <p>
          StatusTray keeps your watchlist, settings and history in{' '}
          <code className="path">{appState.dataDir}</code>.
        </p>
        {appState.notices.length > 0 ? (
          <>
            <h3>Notices</h3>
            <ul>
              {appState.notices.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </>
        ) : null}
      </Section>
    </section>
  );
}
