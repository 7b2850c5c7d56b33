// `catalog [query] [--json]`: search the built-in vendor catalog and print a table, or the entries as JSON.
import type { CatalogEntry } from '../../shared/catalog-types';
import { CATALOG, searchCatalog } from '../../shared/catalog';
import { parseCommandArgs, usageLine, UsageError } from './args';
import { stopQuietlyOnBrokenPipe } from './broken-pipe';
import { CATALOG_HELP as HELP } from './help/catalog';
import { terminalText } from '../core/text/terminal-text';
import { CATALOG_OPTIONS } from './options';

interface Options {
  query: string;
  json: boolean;
}

type Parsed = { ok: true; options: Options } | { ok: false; help: true } | { ok: false; error: string };

export function parseArgs(argv: string[]): Parsed {
  try {
    const { values, positionals } = parseCommandArgs(CATALOG_OPTIONS, argv, { positionals: true });
    if (values.help) return { ok: false, help: true };
    return { ok: true, options: { query: positionals.join(' ').trim(), json: values.json === true } };
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    return { ok: false, error: err.message };
  }
}

/** Where the command writes; tests pass their own. */
export interface CatalogIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

const processIo: CatalogIo = { stdout: process.stdout, stderr: process.stderr };

export async function run(argv: string[], io: CatalogIo = processIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    if ('help' in parsed) {
      io.stdout.write(HELP + '\n');
      return 0;
    }
    io.stderr.write(usageLine('catalog', parsed.error));
    return 1;
  }
  const { query, json } = parsed.options;
  if (io.stdout === process.stdout) stopQuietlyOnBrokenPipe();
  const entries = query ? searchCatalog(query, CATALOG.length) : [...CATALOG];
  if (json) {
    io.stdout.write(JSON.stringify(entries, null, 2) + '\n');
    return 0;
  }
  if (entries.length === 0) {
    // Said on stderr, so that a script reading the table gets an empty output; still a successful search.
    io.stderr.write(
      `"${terminalText(query)}" is not in the catalog — paste its status page address: statustray check <address>\n`,
    );
    return 0;
  }
  io.stdout.write(formatTable(entries) + '\n');
  const total = query
    ? `${entries.length} match${entries.length === 1 ? '' : 'es'} for "${terminalText(query)}"`
    : `${entries.length} entries`;
  io.stdout.write(`\n${total}.\n`);
  return 0;
}

const COLUMNS = ['NAME', 'CATEGORY', 'PLATFORM', 'URL'] as const;
const MAX_NAME = 44;

/** A plain-text table: one entry a line, columns padded to the widest cell (names cut at 44 characters). */
export function formatTable(entries: readonly CatalogEntry[]): string {
  const rows = entries.map((e) =>
    [truncate(e.name, MAX_NAME), e.category, e.platform, urlCell(e)].map(terminalText),
  );
  const widths = COLUMNS.map((title, i) => Math.max(title.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(COLUMNS), ...rows.map(line)].join('\n');
}

/** A sub-page that shares its vendor's address says which components it stands for. */
function urlCell(entry: CatalogEntry): string {
  return entry.components?.length ? `${entry.url} [${entry.components.join(', ')}]` : entry.url;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}
