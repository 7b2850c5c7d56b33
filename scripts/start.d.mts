// Types of scripts/start.mjs (a plain Node script, so that `npm start` needs no TypeScript loader).
export declare const OUTPUTS: string[];
export declare function electronBinary(
  root?: string,
  env?: NodeJS.ProcessEnv,
  platform?: NodeJS.Platform,
): { binary: string; found: boolean };
export declare function needsBuild(root?: string): boolean;
export declare function missingBinaryMessage(binary: string, version: string): string;
export declare function main(argv?: string[], env?: NodeJS.ProcessEnv, root?: string): Promise<number>;
