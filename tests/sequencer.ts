// The order files start in: the whole suite takes as long as its busiest lane, so the long files start
// first, and the end-to-end files (which take turns at the shared browser's two seats, see
// tests/e2e/turns.ts) start as their turn comes near instead of queueing behind everything else, or
// holding a worker for long while they wait for it.
// Durations are the rough figures below (seconds on an idle two-core machine, from start to end of a file
// with its hooks, not vitest's cache of the last run, so that a fresh clone and a working copy start files
// in the same order). Only the order depends on them, never a result: a new slow file belongs in the list.
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { SEATS, seatsFor } from './e2e/turns.js';

/** Files that take a while, measured on an idle two-core machine; any other file counts as short. */
export const ROUGH_SECONDS: Record<string, number> = {
  'tests/cli/gates.test.ts': 50,
  'tests/cli/watch.test.ts': 45,
  'tests/cli/hostile-text.test.ts': 25,
  'tests/storm/storm.test.ts': 25,
  'tests/web/web-command.test.ts': 24,
  'tests/cli/watch-forward.test.ts': 24,
  'tests/electron/start.test.ts': 16,
  'tests/renderer/vendor.test.tsx': 16,
  'tests/electron/built-app-package.test.ts': 16,
  'tests/renderer/overview.test.tsx': 16,
  'tests/renderer/add-vendor.test.tsx': 14,
  'tests/cli/help.test.ts': 16,
  'tests/cli/calendar.test.ts': 12,
  'tests/electron/built-app-boot.test.ts': 12,
  'tests/cli/executable.test.ts': 11,
  'tests/cli/check.test.ts': 10,
  'tests/core/app/shared-cause.test.ts': 11,
  'tests/cli/npm-stop.test.ts': 10,
  'tests/core/http/validators.test.ts': 10,
  'tests/cli/watch-metrics-identity.test.ts': 8,
  'tests/core/forward/hostile-outbox.test.ts': 6,
  'tests/core/resident-memory.test.ts': 8,
  'tests/renderer/settings.test.tsx': 6,
  'tests/renderer/incident.test.tsx': 5,
  'tests/renderer/navigation.test.tsx': 5,
  'tests/electron/desktop-engine.test.ts': 5,
  'tests/core/app/feed-health.test.ts': 5,
  'tests/core/forward/forwarder.test.ts': 4,
  'tests/cli/watch-component-storm.test.ts': 4,
  'tests/cli/watch-shared-cause.test.ts': 4,
  'tests/core/app/kept-aside.test.ts': 4,
  'tests/core/storage/file-store.test.ts': 4,
  'tests/electron/store.test.ts': 3,
  'tests/core/detect.test.ts': 3,
  'tests/renderer/browser-notifications.test.tsx': 3,
  'tests/electron/packaging.test.ts': 3,
  'tests/renderer/host.test.tsx': 2,
  'tests/renderer/feed-addresses.test.tsx': 2,
  'tests/renderer/maintenance.test.tsx': 2,
  'tests/renderer/problems-first.test.tsx': 2,
  'tests/renderer/state-patch.test.tsx': 2,
  'tests/renderer/team-feeds.test.tsx': 2,
  'tests/electron/app.test.ts': 2,
  'tests/core/detect-variants.test.ts': 2,
  'tests/core/text-limits.test.ts': 2,
  'tests/shared/catalog.test.ts': 2,
  // End to end: the time a file holds its turn.
  'tests/e2e/truth.test.ts': 30,
  'tests/e2e/window.test.ts': 30,
  'tests/e2e/kustomer.test.ts': 25,
  'tests/e2e/demo.test.ts': 17,
  'tests/e2e/accessibility.test.ts': 12,
  'tests/e2e/add-vendor.test.ts': 11,
  'tests/e2e/cli-web.test.ts': 11,
  'tests/e2e/push.test.ts': 10,
  'tests/e2e/web-token.test.ts': 9,
  'tests/e2e/browser-notifications.test.ts': 8,
  'tests/e2e/injection.test.ts': 8,
};
/** A file not listed above, and what starting any file costs (a worker, its imports). */
const SHORT_SECONDS = 1;
const START_SECONDS = 1;
/**
 * How long before its turn an e2e file may start: its imports load meanwhile, and where files take longer
 * than the table says (a busy machine) the browser does not sit idle until the next one is handed out
 * (25 s between two files in one loaded run with 4 s). Waiting costs a worker, not a core.
 */
const TURN_LEAD_SECONDS = 12;
/** Files at least this long start first, whatever their project. */
const LONG_SECONDS = 20;
/**
 * After the long files, the rest go project by project, in this order (others before the last). vitest
 * keeps the worker of a project that shares its modules (isolate: false) only when the next file queued
 * is of the same project: any other file ends it, and a new worker loads the engine or jsdom again (some
 * 40 worker starts a run when the projects are mixed). The node project, with most of the short files,
 * comes last: it fills the tail.
 */
const PROJECT_ORDER = ['dom', 'electron', 'desktop', 'node'];

/** Projects whose files take turns at the shared browser, beside the others. */
export const TAKES_TURNS = new Set(['e2e']);

/** A file to place: its path from the repository root, its project, and whether it takes turns. */
export interface PlanItem {
  file: string;
  project: string;
  takesTurns: boolean;
}

/**
 * The order to start files in, by playing the run forward on `lanes` workers: whenever a lane frees it
 * takes the next file (the long ones first, longest first, then project by project, longest first), but
 * an e2e file once its turn at the browser is near (so that it asks for its turn about when it can have
 * it): those that need the browser alone first, back to back, then the ones that share it, two at a time.
 */
export function plan<T extends PlanItem>(items: readonly T[], lanes: number): T[] {
  const seconds = (file: string): number => (ROUGH_SECONDS[file] ?? SHORT_SECONDS) + START_SECONDS;
  const rank = (project: string): number => {
    const at = PROJECT_ORDER.indexOf(project);
    return at === -1 ? PROJECT_ORDER.length - 1.5 : at;
  };
  // Stable sorts: files of the same length keep the order they were given in.
  const timed = (list: T[]) => list.map((item) => ({ item, s: seconds(item.file) }));
  const byLength = (list: Array<{ item: T; s: number }>) => list.sort((a, b) => b.s - a.s);
  const rest = timed(items.filter((f) => !f.takesTurns));
  const others = [
    ...byLength(rest.filter((f) => f.s >= LONG_SECONDS + START_SECONDS)),
    ...byLength(rest.filter((f) => f.s < LONG_SECONDS + START_SECONDS)).sort(
      (a, b) => rank(a.item.project) - rank(b.item.project),
    ),
  ];
  const turns = timed(items.filter((f) => f.takesTurns));
  const queue = [
    ...byLength(turns.filter((t) => seatsFor(t.item.file) === SEATS)),
    ...byLength(turns.filter((t) => seatsFor(t.item.file) < SEATS)),
  ];

  const freeAt = Array.from({ length: Math.max(1, lanes) }, () => 0);
  const seatFreeAt = Array.from({ length: SEATS }, () => 0);
  const order: T[] = [];
  while (others.length > 0 || queue.length > 0) {
    const now = Math.min(...freeAt);
    const lane = freeAt.indexOf(now);
    const next = queue[0];
    // A file gets its turn when as many seats as it needs are free: the n-th earliest to free.
    const seats = next ? seatsFor(next.item.file) : 1;
    const turnAt = next ? [...seatFreeAt].sort((a, b) => a - b)[seats - 1]! : Infinity;
    if (next && (turnAt <= now + TURN_LEAD_SECONDS || others.length === 0)) {
      queue.shift();
      const end = Math.max(now, turnAt) + next.s;
      for (let i = 0; i < seats; i++) seatFreeAt[seatFreeAt.indexOf(Math.min(...seatFreeAt))] = end;
      freeAt[lane] = end;
      order.push(next.item);
    } else {
      const { item, s } = others.shift()!;
      freeAt[lane] = now + s;
      order.push(item);
    }
  }
  return order;
}

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const items = files.map((spec) => ({
      spec,
      file: relative(root, spec.moduleId).split('\\').join('/'),
      project: spec.project.name,
      takesTurns: TAKES_TURNS.has(spec.project.name),
    }));
    return plan(items, Number(this.ctx.config.maxWorkers) || 1).map((item) => item.spec);
  }
}
