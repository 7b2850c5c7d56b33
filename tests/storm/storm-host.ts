// The real app core in its own process, as `web` and `watch` run it, for the storm test and benchmark:
// reads a watchlist, polls it, and speaks JSON lines. stdin "state" → it answers how long state:get took;
// every notification is printed; SIGTERM stops the core (flushing its stores) and exits.
import { createInterface } from 'node:readline';
import { createAppCore } from '../../electron/core/app';

const [dataDir, watchlistPath, interval] = process.argv.slice(2);
const core = createAppCore({
  dataDir: dataDir!,
  watchlistPath: watchlistPath!,
  intervalSeconds: Number(interval),
});
const say = (line: object): void => void process.stdout.write(JSON.stringify(line) + '\n');

core.onNotification((n) => say({ type: 'notification', title: n.title, body: n.body, at: Date.now() }));
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line !== 'state') return;
  const started = performance.now();
  void core.handlers['state:get']().then((state) =>
    say({
      type: 'state',
      ms: performance.now() - started,
      vendors: state.vendors.map((v) => ({ name: v.name, status: v.status, checked: v.lastCheckedAt })),
    }),
  );
});
process.on('SIGTERM', () => {
  void core.stop().then(() => process.exit(0));
});
void core.start().then(() => say({ type: 'ready' }));
