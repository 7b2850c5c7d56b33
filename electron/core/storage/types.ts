// The one small persistence interface: the app backs it with electron-store, the CLI and tests with a file.

export interface LoadResult<T> {
  /** null when nothing was stored yet, or when the stored data was unreadable (then `notice` says so). */
  value: T | null;
  /** Told to the user: e.g. "settings.json was corrupt; kept aside as settings.unusable-<time>.json". */
  notice?: string;
}

export interface DocumentStore<T> {
  /** Where it lives, to show the user. */
  readonly location: string;
  load(): Promise<LoadResult<T>>;
  /** Atomic: a crash mid-write leaves the previous version loadable. */
  save(value: T): Promise<void>;
  /**
   * Moves the stored document aside (it loaded, but the app cannot use it) so that the next save does not
   * replace it; returns where it went, or null when there was nothing to move.
   */
  setAside?(): Promise<string | null>;
}
