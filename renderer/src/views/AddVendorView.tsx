// Add a vendor: search the catalog, or paste any status page address and see what was detected (platform,
// name, component count) before adding; choose components to watch in a tree; pick a notification level.
import { useEffect, useState, type FormEvent } from 'react';
import type { CatalogEntry } from '../../../shared/catalog-types';
import type { DetectResult } from '../../../shared/ipc';
import type { NotifyLevel, WatchEntry } from '../../../shared/model';
import { PLATFORM_LABEL } from '../../../shared/platforms';
import { useBridge } from '../bridge';
import { useNav } from '../stores/nav-store';
import { useAppStore } from '../stores/app-store';
import { ComponentPicker } from '../components/ComponentPicker';
import { componentPath } from '../component-groups';
import { plural } from '../format';
import { plainError, withScheme } from '../plain-error';
import { LongText } from '../components/LongText';

const SEARCH_DELAY_MS = 150;

function CatalogSearch({ onChoose }: { onChoose(entry: CatalogEntry): void }) {
  const bridge = useBridge();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<CatalogEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setResults(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      bridge.invoke('catalog:search', { query: q, limit: 20 }).then(
        (found) => {
          if (current) {
            setResults(found);
            setError(null);
          }
        },
        (err: unknown) => {
          if (current) setError(plainError(err));
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [bridge, query]);

  return (
    <section className="card" aria-labelledby="catalog-title">
      <h2 id="catalog-title">Search the catalog</h2>
      <label className="field">
        <span className="field__label">Vendor name</span>
        <input
          type="search"
          value={query}
          placeholder="e.g. GitHub, Stripe, AWS us-east-1"
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      {error ? (
        <p className="warning" role="alert">
          <LongText text={error} />
        </p>
      ) : null}
      {results && results.length === 0 ? (
        <p className="muted" role="status">
          Not in the catalog — paste its status page address below.
        </p>
      ) : null}
      {results && results.length > 0 ? (
        <ul className="catalog-results" aria-label="Catalog results">
          {results.map((entry) => (
            <li key={entry.id} className="catalog-result">
              <div>
                <strong>{entry.name}</strong>{' '}
                <span className="muted">
                  {entry.category} · {PLATFORM_LABEL[entry.platform]}
                </span>
                <div className="muted catalog-result__url">{entry.url}</div>
              </div>
              <button type="button" onClick={() => onChoose(entry)} aria-label={`Choose ${entry.name}`}>
                Choose
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** What a catalog pick brings along, kept whether or not its page can be read right now. */
export interface CatalogPick {
  name: string;
  url: string;
  components: string[] | null;
}

function DetectionPreview({
  result,
  preset,
  pick,
}: {
  result: DetectResult;
  preset: string[] | null;
  pick: CatalogPick | null;
}) {
  const bridge = useBridge();
  const navigate = useNav((s) => s.navigate);
  const [name, setName] = useState(pick?.name ?? result.name ?? '');
  const [mode, setMode] = useState<'all' | 'some'>(preset && preset.length > 0 ? 'some' : 'all');
  const [picked, setPicked] = useState<Set<string>>(() => new Set(preset ?? []));
  const [notify, setNotify] = useState<NotifyLevel>('all');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const unread = result.error !== null;
  const platform =
    result.platform !== 'unknown'
      ? PLATFORM_LABEL[result.platform]
      : unread
        ? 'Not known: the page could not be read'
        : 'Not recognized';
  const canChoose = result.components.length > 0;
  // The page cannot be read now: the catalog's component choice is kept as it is, to apply once it can.
  const keptChoice = !canChoose && pick?.components && pick.components.length > 0 ? pick.components : null;
  const add = async (): Promise<void> => {
    const entry: WatchEntry = { url: result.url, notify };
    if (name.trim()) entry.name = name.trim();
    if (mode === 'some' && canChoose) entry.components = [...picked];
    if (keptChoice) entry.components = [...keptChoice];
    if (result.platform !== 'unknown') entry.platform = result.platform;
    setBusy(true);
    setError(null);
    try {
      const summary = await bridge.invoke('vendors:add', entry);
      useAppStore.getState().upsertVendor(summary);
      navigate({ name: 'vendor', vendorId: summary.id });
    } catch (err) {
      setError(plainError(err));
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="detected-title">
      <h2 id="detected-title">What we found</h2>
      {result.error ? (
        <p className="warning" role="alert">
          <strong>The page could not be read:</strong> <LongText text={result.error.message} />
        </p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>Address</dt>
          <dd>{result.url}</dd>
        </div>
        <div>
          <dt>Platform</dt>
          <dd>{platform}</dd>
        </div>
        <div>
          <dt>Name</dt>
          <dd>
            {result.name ??
              (pick ? (
                <>
                  {pick.name} <span className="muted">(from the catalog)</span>
                </>
              ) : (
                <span className="muted">
                  {unread ? 'Not known: the page could not be read' : 'Not published'}
                </span>
              ))}
          </dd>
        </div>
        <div>
          <dt>Components</dt>
          <dd>
            {result.componentCount > 0
              ? plural(result.componentCount, 'component')
              : keptChoice
                ? `${plural(keptChoice.length, 'component')} chosen in the catalog: ${keptChoice.join(', ')}`
                : unread
                  ? 'Not known until the page can be read'
                  : 'This page publishes no component list'}
          </dd>
        </div>
      </dl>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label className="field">
          <span className="field__label">Name in StatusTray</span>
          <input
            type="text"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={result.name ?? 'Vendor name'}
          />
        </label>
        {canChoose ? (
          <fieldset className="fieldset">
            <legend>Components to watch</legend>
            <label className="check">
              <input
                type="radio"
                name="watch-mode"
                checked={mode === 'all'}
                onChange={() => setMode('all')}
              />
              <span>The whole page ({plural(result.components.length, 'component')})</span>
            </label>
            <label className="check">
              <input
                type="radio"
                name="watch-mode"
                checked={mode === 'some'}
                onChange={() => setMode('some')}
              />
              <span>Only the components I choose</span>
            </label>
            {mode === 'some' ? (
              <>
                <ComponentPicker
                  components={result.components}
                  selected={picked}
                  onChange={setPicked}
                  idPrefix="add"
                />
                <p className="muted" role="status">
                  {plural(picked.size, 'component')} chosen
                </p>
              </>
            ) : null}
          </fieldset>
        ) : null}
        <label className="field">
          <span className="field__label">Notify me about</span>
          <select value={notify} onChange={(e) => setNotify(e.target.value as NotifyLevel)}>
            <option value="all">Every change</option>
            <option value="outages">Outages only</option>
            <option value="muted">Nothing (muted)</option>
          </select>
        </label>
        {error ? (
          <p className="warning" role="alert">
            <LongText text={error} />
          </p>
        ) : null}
        <div className="buttons">
          <button
            type="submit"
            className="button--primary"
            disabled={busy || (mode === 'some' && canChoose && picked.size === 0)}
          >
            {result.error ? 'Add anyway' : 'Add vendor'}
          </button>
        </div>
      </form>
    </section>
  );
}

export function AddVendorView() {
  const bridge = useBridge();
  const [url, setUrl] = useState('');
  const [detecting, setDetecting] = useState(false);
  const [result, setResult] = useState<DetectResult | null>(null);
  const [preset, setPreset] = useState<string[] | null>(null);
  const [pick, setPick] = useState<CatalogPick | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const detect = async (target: string, chosen: CatalogPick | null): Promise<void> => {
    const trimmed = withScheme(target);
    if (!trimmed) return;
    if (trimmed !== target) setUrl(trimmed);
    const components = chosen?.components ?? null;
    setDetecting(true);
    setResult(null);
    setError(null);
    try {
      const found = await bridge.invoke('vendors:detect', { url: trimmed });
      // A catalog entry names its components; keep only those this page really has.
      const known = new Set(found.components.map(componentPath));
      setPreset(components ? components.filter((c) => known.has(c)) : null);
      setPick(chosen);
      setResult(found);
      setAttempt((n) => n + 1);
    } catch (err) {
      setError(plainError(err));
    } finally {
      setDetecting(false);
    }
  };
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void detect(url, null);
  };

  return (
    <section className="view view--add" aria-labelledby="add-title">
      <div className="view__head">
        <h1 id="add-title" tabIndex={-1}>
          Add a vendor
        </h1>
        <p className="muted">Find it in the catalog, or paste the address of any status page.</p>
      </div>
      <CatalogSearch
        onChoose={(entry) => {
          setUrl(entry.url);
          void detect(entry.url, { name: entry.name, url: entry.url, components: entry.components ?? null });
        }}
      />
      <section className="card" aria-labelledby="url-title">
        <h2 id="url-title">Paste a status page address</h2>
        <form className="form form--inline" onSubmit={submit}>
          <label className="field field--grow">
            <span className="field__label">Status page address</span>
            <input
              type="text"
              inputMode="url"
              autoComplete="url"
              spellCheck={false}
              value={url}
              placeholder="https://status.example.com"
              onChange={(e) => setUrl(e.target.value)}
            />
          </label>
          <button type="submit" className="button--primary" disabled={detecting}>
            {detecting ? 'Detecting…' : 'Detect'}
          </button>
        </form>
        {detecting ? (
          <p role="status" className="loading">
            Reading {url.trim()}…
          </p>
        ) : null}
        {error ? (
          <p className="warning" role="alert">
            <LongText text={error} />
          </p>
        ) : null}
      </section>
      {result ? (
        <DetectionPreview key={`${result.url}#${attempt}`} result={result} preset={preset} pick={pick} />
      ) : null}
    </section>
  );
}
