// `calendar --config <watchlist.json>`: read each vendor's page once and print the maintenance calendar
// (iCalendar, DESIGN.md) on standard output, for a file, a web server or a calendar app to pick up.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { buildCalendar, type CalendarVendor } from '../core/calendar/calendar';
import { createHttpClient } from '../core/http/client';
import { mapPool } from '../core/pool';
import { readSnapshot } from '../core/read';
import { parseWatchlist, vendorIdFor } from '../core/watchlist';
import { CALENDAR_HELP as USAGE } from './help/calendar';
import { terminalText } from '../core/text/terminal-text';
import { parseCommandArgs, usageLine, UsageError } from './args';
import { CALENDAR_OPTIONS } from './options';

export async function run(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseCommandArgs(CALENDAR_OPTIONS, argv, { positionals: false }));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(usageLine('calendar', err.message));
    return 1;
  }
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (!values.config) {
    process.stderr.write(usageLine('calendar', '--config <watchlist.json> is required'));
    return 1;
  }
  const timeoutS = values.timeout === undefined ? 20 : Number(values.timeout);
  if (!Number.isFinite(timeoutS) || timeoutS <= 0 || timeoutS > 600) {
    process.stderr.write(
      usageLine('calendar', `--timeout must be a number of seconds from 1 to 600, not "${values.timeout}"`),
    );
    return 1;
  }
  const file = path.resolve(values.config);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    process.stderr.write(`statustray calendar: cannot read ${file}: ${(err as Error).message}\n`);
    return 1;
  }
  const { watchlist, problems } = parseWatchlist(text);
  for (const p of problems) process.stderr.write(`statustray calendar: ${path.basename(file)}: ${p}\n`);
  if (!watchlist) return 1;
  if (watchlist.vendors.length === 0) {
    process.stderr.write(`statustray calendar: ${path.basename(file)} has no vendor to read\n`);
    return 1;
  }

  const http = createHttpClient();
  let failed = 0;
  try {
    const vendors: CalendarVendor[] = await mapPool(watchlist.vendors, 16, async (entry) => {
      const { snapshot } = await readSnapshot(entry.url, {
        http,
        timeoutMs: timeoutS * 1000,
        ...(entry.components?.length ? { watchedComponents: entry.components } : {}),
      });
      const name = entry.name ?? snapshot.vendor.name;
      if (snapshot.error) {
        failed++;
        process.stderr.write(`statustray calendar: ${terminalText(`${name}: ${snapshot.error.message}`)}\n`);
        return { id: vendorIdFor(entry.url), name, snapshot: null };
      }
      return {
        id: vendorIdFor(entry.url),
        name,
        snapshot: entry.name ? { ...snapshot, vendor: { ...snapshot.vendor, name } } : snapshot,
      };
    });
    process.stdout.write(buildCalendar(vendors, { now: Date.now() }));
  } finally {
    await http.close();
  }
  return failed > 0 ? 2 : 0;
}
