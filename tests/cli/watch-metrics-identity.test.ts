// /metrics of `watch` over real polls (issue #19 §4): two pages that both call themselves "MajorVendor"
// are two vendors, the outage of one not masked by the other, and a page whose name changes at every
// poll adds no series however long it runs.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parsePrometheus } from '../fakes/prometheus';
import {
  buildFixture,
  setComponentStatus,
  startStatuspageServer,
  summaryOf,
  type StatuspageServer,
} from '../fakes/statuspage-server';
import { spawnCli, until, type CliRun } from './spawn-cli';

let dir: string;
let servers: StatuspageServer[] = [];
let child: CliRun | null = null;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'statustray-metrics-id-'));
});
afterEach(async () => {
  if (child && child.proc.exitCode === null) child.proc.kill('SIGKILL');
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  await fs.rm(dir, { recursive: true, force: true });
});

async function scrape(url: string) {
  return parsePrometheus(await (await fetch(url)).text());
}

describe('watch /metrics', () => {
  it('two pages named MajorVendor are two vendors; a page renaming itself every poll adds no series', async () => {
    const down = buildFixture({ name: 'MajorVendor', standalone: ['API'] });
    setComponentStatus(down, 'API', 'major_outage');
    const fine = buildFixture({ name: 'MajorVendor', standalone: ['API'] });
    const renamer = buildFixture({ name: 'Renamer', standalone: ['API'] });
    servers = await Promise.all([down, fine, renamer].map((page) => startStatuspageServer({ page })));
    let renames = 0;
    servers[2]!.route('/api/v2/summary.json', (_req, res) => {
      renamer.page.name = `Renamer ${++renames}`;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(summaryOf(renamer)));
    });
    const config = path.join(dir, 'watchlist.json');
    await fs.writeFile(
      config,
      JSON.stringify({ version: 1, vendors: servers.map((s) => ({ url: s.pageUrl })) }),
    );
    const run = spawnCli(['watch', '--config', config, '--interval', '1', '--metrics-port', '0'], {
      STATUSTRAY_DATA_DIR: path.join(dir, 'data'),
    });
    child = run;
    await until('the metrics address', () => /metrics at (http:\S+)/.test(run.stderr()), run);
    const url = /metrics at (http:\S+)/.exec(run.stderr())![1]!;
    await until(
      'every page read and the renamer renamed twice',
      () => renames >= 2 && run.lines.length >= 3,
      run,
    );
    let first = await scrape(url);
    await until(
      'every vendor up in the metrics',
      () => first.filter((s) => s.name === 'statustray_vendor_up').length === 3,
      run,
    );
    first = await scrape(url);
    const current = first
      .filter((s) => s.name === 'statustray_vendor_status' && s.value === 1)
      .map((s) => [s.labels.vendor, s.labels.status]);
    expect(current).toEqual([
      ['MajorVendor', 'major_outage'],
      ['MajorVendor (2)', 'operational'],
      [expect.stringMatching(/^Renamer \d+$/), 'operational'],
    ]);
    const ids = new Set(first.filter((s) => s.name === 'statustray_vendor_up').map((s) => s.labels.id));
    expect(ids.size).toBe(3);

    // Five more renames later, the same series (the poll counters move, no series is added).
    const seen = renames;
    await until('five more renames', () => renames >= seen + 5, run);
    const later = await scrape(url);
    // (A poll counter may gain a result, e.g. not_modified once a page answers 304: that is not a new vendor.)
    const key = ({ name, labels }: { name: string; labels: Record<string, string> }) =>
      `${name}${JSON.stringify({ ...labels, result: undefined })}`;
    expect([...new Set(later.map(key))].sort()).toEqual([...new Set(first.map(key))].sort());
    const renamerPolls = (samples: typeof later) =>
      samples.filter((s) => s.name === 'statustray_polls_total' && s.labels.vendor!.startsWith('Renamer'));
    expect(renamerPolls(later)).toHaveLength(1);
    expect(renamerPolls(later)[0]!.value).toBeGreaterThan(renamerPolls(first)[0]!.value);
    run.proc.kill('SIGTERM');
    expect(await run.exit).toBe(0);
  }, 90_000);
});
