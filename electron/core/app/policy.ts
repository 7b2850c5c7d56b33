// Runs the pure notification policy on what the monitor saw: keeps its state, wakes it when it asked to
// be woken (coalescing, quiet hours), and hands each notification it decides on to the outlets.
import type { Settings } from '../../../shared/ipc';
import type { MonitorEvent, SharedCauseEvent, WatchEntry } from '../../../shared/model';
import type { PolicyAcks } from '../policy/group-policy';
import type { Timers } from '../monitor/types';
import { runPolicy, type PolicyConfig, type PolicyState } from '../policy/policy';
import type { Outlets } from './outlets';
import { entryId } from './state';

/** What the policy knows of the user's choices: settings and each vendor's notify / components. */
export function policyConfigOf(
  settings: Settings,
  entries: readonly WatchEntry[],
  coalesceMs?: number,
  acks?: PolicyAcks,
): PolicyConfig {
  const vendors: PolicyConfig['vendors'] = {};
  for (const e of entries) {
    vendors[entryId(e)] = {
      notify: e.notify ?? 'all',
      ...(e.components?.length ? { components: e.components } : {}),
    };
  }
  return {
    settings,
    vendors,
    timing: {
      ...(coalesceMs !== undefined ? { coalesceMs } : {}),
      ...(settings.groupMinVendors !== undefined ? { groupMinVendors: settings.groupMinVendors } : {}),
      ...(settings.groupWindowMinutes !== undefined
        ? { groupWindowMs: settings.groupWindowMinutes * 60_000 }
        : {}),
    },
    ...(acks ? { acks } : {}),
  };
}

export interface PolicyRunnerOptions {
  timers: Timers;
  now: () => number;
  config: () => PolicyConfig;
  getState: () => PolicyState;
  /** The new state after each step (the caller keeps it and saves it later). */
  setState: (state: PolicyState) => void;
  outlets: Outlets;
}

export interface PolicyRunner {
  /** Feeds events (and, when it changed, whether the machine is offline) to the policy. */
  step(events: MonitorEvent[], offline?: boolean, groups?: readonly SharedCauseEvent[]): void;
  stop(): void;
}

export function createPolicyRunner(options: PolicyRunnerOptions): PolicyRunner {
  const { timers, now } = options;
  let wakeTimer: unknown = null;
  let wakeAt = Infinity;
  let stopped = false;

  function step(events: MonitorEvent[], offline?: boolean, groups?: readonly SharedCauseEvent[]): void {
    if (stopped) return;
    const result = runPolicy(
      options.getState(),
      {
        now: now(),
        events,
        ...(offline === undefined ? {} : { offline }),
        ...(groups?.length ? { groups } : {}),
      },
      options.config(),
    );
    options.setState(result.state);
    for (const n of result.notifications) options.outlets.deliver(n);
    if (wakeTimer !== null && result.wakeAt !== wakeAt) {
      timers.clearTimeout(wakeTimer);
      wakeTimer = null;
      wakeAt = Infinity;
    }
    if (result.wakeAt !== null && wakeTimer === null) {
      wakeAt = result.wakeAt;
      wakeTimer = timers.setTimeout(
        () => {
          wakeTimer = null;
          wakeAt = Infinity;
          step([]);
        },
        Math.max(0, result.wakeAt - now()),
      );
    }
  }

  return {
    step,
    stop() {
      stopped = true;
      if (wakeTimer !== null) timers.clearTimeout(wakeTimer);
      wakeTimer = null;
    },
  };
}
