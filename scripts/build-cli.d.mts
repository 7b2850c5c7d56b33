// Types of scripts/build-cli.mjs (a plain Node script, so that `npm install` needs no TypeScript loader).
export declare const CLI_OUT_DIR: string;
export declare const CLI_ENTRY: string;
export declare function cliIsStale(root?: string): boolean;
export declare function buildCli(root?: string): Promise<string>;
