// Types of scripts/ensure-electron.mjs (a plain Node script, so that `npm start` needs no TypeScript loader).
import type { ChildProcess, SpawnOptions } from 'node:child_process';

export interface InstallTarget {
  platform: string;
  arch: string;
}
export declare function electronVersion(root?: string): string | null;
export declare function installTarget(env?: NodeJS.ProcessEnv): InstallTarget;
export declare function electronBinary(
  root?: string,
  env?: NodeJS.ProcessEnv,
  platform?: NodeJS.Platform,
): { binary: string; found: boolean; overridden: boolean };
export declare function artifactUrl(version: string, target: InstallTarget, env?: NodeJS.ProcessEnv): string;
export declare function electronCache(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string;
export declare function nodeRunsInstaller(version?: string): boolean;
export declare function explainInstallFailure(
  output: string,
  context: InstallTarget & { url: string; version: string; cache: string; hostResolves?: boolean },
): string;
export declare function cannotStartMessage(parts: {
  version: string;
  why: string;
  downloadFailed?: boolean;
  command: string;
  browserCommand: string;
}): string;
export declare function runForwardingSignals(
  command: string,
  args: string[],
  options: SpawnOptions & { onChild?: (child: ChildProcess) => void },
): Promise<{ code: number | null; signal: NodeJS.Signals | null; error: Error | null; child: ChildProcess }>;
export declare function ensureElectron(options?: {
  root?: string;
  env?: NodeJS.ProcessEnv;
  command?: string;
  browserCommand?: string;
  out?: NodeJS.WritableStream & { isTTY?: boolean };
  err?: NodeJS.WritableStream;
}): Promise<string | null>;
