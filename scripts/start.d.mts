// Types of scripts/start.mjs (a plain Node script, so that `npm start` needs no TypeScript loader).
export { electronBinary } from './ensure-electron.mjs';
export declare const OUTPUTS: string[];
export declare function needsBuild(root?: string): boolean;
export declare function main(argv?: string[], env?: NodeJS.ProcessEnv, root?: string): Promise<number>;
