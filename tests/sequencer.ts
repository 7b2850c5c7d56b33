// The order files start in: the whole suite takes as long as its busiest lane, so the long files start
// first and the end-to-end files (one at a time, see tests/e2e/turns.ts) follow each other from the start
// instead of queueing behind everything else, or holding a worker while they wait for their turn.
// Durations are the rough figures below (seconds on an idle two-core machine, not vitest's cache of the
// last run, so that a fresh clone and a working copy start files in the same order). Only the order
// depends on them, never a result: a new slow file belongs in the list.
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Files that take a while, measured on an idle two-core machine; any other file counts as short. */
const ROUGH_SECONDS: Record<string, number> = {
  'tests/cli/watch.test.ts': 40,
  'tests/cli/watch-forward.test.ts': 38,
  'tests/e2e/truth.test.ts': 32,
  'tests/cli/hostile-text.test.ts': 31,
  'tests/cli/gates.test.ts': 28,
  'tests/storm/storm.test.ts': 25,
  'tests/e2e/window.test.ts': 25,
  'tests/e2e/kustomer.test.ts': 23,
  'tests/e2e/demo.test.ts': 15,
  'tests/web/web-command.test.ts': 13,
  'tests/cli/help.test.ts': 12,
  'tests/electron/start.test.ts': 11,
  'tests/cli/calendar.test.ts': 10,
  'tests/electron/built-app-boot.test.ts': 10,
  'tests/e2e/add-vendor.test.ts': 9,
  'tests/e2e/accessibility.test.ts': 9,
  'tests/e2e/browser-notifications.test.ts': 9,
  'tests/renderer/vendor.test.tsx': 8,
  'tests/cli/executable.test.ts': 8,
  'tests/cli/watch-metrics-identity.test.ts': 7,
  'tests/cli/check.test.ts': 7,
  'tests/renderer/overview.test.tsx': 6,
  'tests/electron/built-app-package.test.ts': 6,
  'tests/core/http/validators.test.ts': 6,
  'tests/core/forward/hostile-outbox.test.ts': 6,
  'tests/cli/npm-stop.test.ts': 6,
  'tests/renderer/add-vendor.test.tsx': 6,
  'tests/e2e/push.test.ts': 6,
  'tests/e2e/web-token.test.ts': 6,
  'tests/core/app/shared-cause.test.ts': 6,
  'tests/e2e/cli-web.test.ts': 5,
  'tests/core/forward/forwarder.test.ts': 5,
};
/** A file not listed above, and what starting any file costs (a worker, its imports). */
const SHORT_SECONDS = 1;
const START_SECONDS = 1;

/** Projects whose files take turns (one at a time), beside the others. */
export const ONE_AT_A_TIME = new Set(['e2e']);

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const seconds = (spec: TestSpecification): number => {
      const file = relative(root, spec.moduleId).split('\\').join('/');
      return (ROUGH_SECONDS[file] ?? SHORT_SECONDS) + START_SECONDS;
    };
    const lanes = Math.max(1, Number(this.ctx.config.maxWorkers) || 1);
    // A stable sort: short files stay in vitest's order, grouped by project, so that a worker that
    // shares its modules (isolate: false) goes on with the next file of its project.
    const byLength = (list: TestSpecification[]) =>
      list.map((spec) => ({ spec, s: seconds(spec) })).sort((a, b) => b.s - a.s);
    const others = byLength(files.filter((f) => !ONE_AT_A_TIME.has(f.project.name)));
    // Played as shorter than they are: an e2e file that starts early only waits for its turn (a worker
    // idle on a busy machine), one that starts late leaves the browser idle, and the e2e files in a row
    // are the longest lane of the suite.
    const turns = byLength(files.filter((f) => ONE_AT_A_TIME.has(f.project.name))).map((t) => ({
      ...t,
      s: t.s * 0.6,
    }));

    // Plays the run forward: whenever a lane frees, it takes the longest file left, but an e2e file as
    // soon as none is running (it would only wait for its turn otherwise).
    const freeAt = Array.from({ length: lanes }, () => 0);
    let turnFreeAt = 0;
    const order: TestSpecification[] = [];
    while (others.length > 0 || turns.length > 0) {
      const now = Math.min(...freeAt);
      const lane = freeAt.indexOf(now);
      if (turns.length > 0 && (turnFreeAt <= now || others.length === 0)) {
        const next = turns.shift()!;
        const start = Math.max(now, turnFreeAt);
        turnFreeAt = freeAt[lane] = start + next.s;
        order.push(next.spec);
      } else {
        const next = others.shift()!;
        freeAt[lane] = now + next.s;
        order.push(next.spec);
      }
    }
    return order;
  }
}
