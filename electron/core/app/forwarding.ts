// The forwarding outlet of the app core: the user's targets (stored with the watchlist, or from a
// --config file), the outbox that delivers to them, and the request channels of the Settings view
// (list with shortened URLs, add, remove, send a test).
import type { ForwardTargetView, RequestHandlers } from '../../../shared/ipc';
import type { ForwardTarget } from '../../../shared/model';
import { forwardContextOf } from '../forward/context';
import { Forwarder, type TargetQueueState } from '../forward/forwarder';
import { forwardMessage, type ForwardMessage } from '../forward/message';
import { describeTarget, MAX_FORWARD_TARGETS, targetId } from '../forward/targets';
import type { AppContext } from './context';
import type { NotificationOutlet } from './outlets';
import { check } from './validate';

export type ForwardChannel = 'forward:list' | 'forward:add' | 'forward:remove' | 'forward:test';

export interface AppForwarding {
  outlet: NotificationOutlet;
  /** Each target's outbox and failures, for /metrics. */
  queues(): TargetQueueState[];
  /** Targets failing long enough to be told, or gone, by their shortened names (the tray's tooltip). */
  failing(): string[];
  /** Resume what waits and follow ctx.forward. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** ctx.forward was replaced from outside the window (a watchlist file edited by hand): follow it. */
  retarget(): Promise<void>;
  handlers: Pick<RequestHandlers, ForwardChannel>;
}

/** The message "Send test" sends: clearly a test, about no vendor. */
export function testMessage(now: number): ForwardMessage {
  return {
    key: `test|${now}`,
    title: 'StatusTray: test message',
    body: 'Forwarding works: StatusTray will post here when a vendor you watch is in trouble.',
    severity: 'operational',
    vendor: null,
    incident: null,
    at: new Date(now).toISOString(),
  };
}

export function createAppForwarding(ctx: AppContext): AppForwarding {
  const forwarder = new Forwarder({
    dataDir: ctx.options.dataDir,
    targets: [],
    now: ctx.now,
    ...(ctx.options.forwardFailingAfterMs !== undefined
      ? { tellFailingAfterMs: ctx.options.forwardFailingAfterMs }
      : {}),
    notice: (text) => {
      ctx.notices.addOnce(text);
      ctx.push.changed();
    },
  });
  const views = (): ForwardTargetView[] => {
    const queues = new Map(forwarder.state().map((s) => [s.id, s]));
    return ctx.forward.map((t, index) => {
      const queue = queues.get(targetId(t));
      const view: ForwardTargetView = {
        index,
        type: t.type,
        label: describeTarget(t),
        level: t.level ?? 'all',
        vendors: t.vendors ?? [],
        waiting: queue?.waiting ?? 0,
      };
      if (queue?.gone) view.gone = true;
      if (queue?.toldFailing && queue.failingSince !== null)
        view.failingSince = new Date(queue.failingSince).toISOString();
      return view;
    });
  };
  const changed = async (): Promise<ForwardTargetView[]> => {
    forwarder.setTargets(ctx.forward);
    await forwarder.start();
    await ctx.saveWatchlist();
    ctx.push.changed();
    return views();
  };
  const at = (index: number): ForwardTarget => {
    const target = ctx.forward[index];
    if (!target) throw new Error('There is no such forwarding target (the list changed?)');
    return target;
  };
  const lookup = (id: string) => ctx.monitor.view(id);

  return {
    outlet: {
      name: 'forwarding',
      deliver(notification) {
        if (ctx.forward.length === 0) return;
        const message = forwardMessage(notification, forwardContextOf(notification, lookup));
        forwarder.enqueue(message).catch((err: unknown) => {
          ctx.notices.addOnce(`Could not queue a message for forwarding: ${(err as Error).message}`);
          ctx.push.changed();
        });
      },
    },
    queues: () => forwarder.state(),
    failing: () =>
      forwarder
        .state()
        .filter((q) => q.gone || q.toldFailing)
        .map((q) => q.label),
    async start() {
      forwarder.setTargets(ctx.forward);
      await forwarder.start();
    },
    stop: () => forwarder.stop(),
    async retarget() {
      forwarder.setTargets(ctx.forward);
      await forwarder.start();
    },
    handlers: {
      async 'forward:list'(arg) {
        check('forward:list', arg);
        return views();
      },
      async 'forward:add'(arg) {
        const target = check('forward:add', arg);
        const known = ctx.forward.find((t) => t.type === target.type && t.url === target.url.trim());
        if (known && forwarder.isGone(known)) {
          // Adding a gone target again is the user saying it is back: resume it.
          await forwarder.resume(known);
          ctx.push.changed();
          return views();
        }
        if (known) throw new Error('This target is already in the list');
        if (ctx.forward.length >= MAX_FORWARD_TARGETS)
          throw new Error(`At most ${MAX_FORWARD_TARGETS} forwarding targets`);
        const clean: ForwardTarget = { type: target.type, url: target.url.trim() };
        if (target.level) clean.level = target.level;
        if (target.vendors?.length) clean.vendors = target.vendors;
        ctx.forward = [...ctx.forward, clean];
        return changed();
      },
      async 'forward:remove'(arg) {
        const { index } = check('forward:remove', arg);
        at(index);
        ctx.forward = ctx.forward.filter((_, i) => i !== index);
        return changed();
      },
      async 'forward:test'(arg) {
        const { index } = check('forward:test', arg);
        // A test that works also resumes a target marked gone.
        const result = await forwarder.sendTest(at(index), testMessage(ctx.now()));
        ctx.push.changed();
        return result;
      },
    },
  };
}
