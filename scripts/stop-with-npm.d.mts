// Types of scripts/stop-with-npm.mjs (a plain Node script, so that npm scripts need no TypeScript loader).
export declare function stopWithNpm(options?: {
  env?: NodeJS.ProcessEnv;
  everyMs?: number;
  stop?: () => void;
}): void;
