// Saves a document soon after it changes, at most once per period, and once more on stop: a watcher that
// crashes or is killed loses at most a period of history, and a busy one does not rewrite its file at every poll.
export interface PeriodicSave {
  /** The document changed: save now if the last save is a period old, else at the end of the period. */
  changed(): void;
  /** Saves what is pending now and stops the timer. */
  flush(): Promise<void>;
}

export function periodicSave(save: () => Promise<void>, periodMs: number): PeriodicSave {
  let lastSaveAt = -Infinity;
  let timer: NodeJS.Timeout | null = null;
  let dirty = false;
  let saving: Promise<void> = Promise.resolve();
  const run = (): Promise<void> => {
    timer = null;
    dirty = false;
    lastSaveAt = Date.now();
    saving = saving.then(save);
    return saving;
  };
  return {
    changed() {
      dirty = true;
      if (timer) return;
      timer = setTimeout(run, Math.max(0, lastSaveAt + periodMs - Date.now()));
      // A pending save never keeps the process alive: stopping flushes it.
      timer.unref();
    },
    async flush() {
      if (timer) clearTimeout(timer);
      timer = null;
      if (dirty) await run();
      else await saving;
    },
  };
}
