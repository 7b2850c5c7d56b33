// Every command's options, one table a command: its parser reads it (electron/cli/args.ts) and the help
// tests check that the command's --help names each one, so the two cannot drift apart. No imports: the
// help and the suggestions for a mistyped option load nothing else.

export interface OptionSpec {
  type: 'boolean' | 'string';
  short?: string;
  /** Given more than once, each value is kept (a list). */
  multiple?: boolean;
}
export type OptionTable = Readonly<Record<string, OptionSpec>>;

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

export const CHECK_OPTIONS = {
  json: { type: 'boolean' },
  timeout: { type: 'string' },
  'fail-on': { type: 'string' },
  component: { type: 'string', multiple: true },
  ...HELP,
} as const satisfies OptionTable;

export const WAIT_OPTIONS = {
  until: { type: 'string' },
  timeout: { type: 'string' },
  interval: { type: 'string' },
  ...HELP,
} as const satisfies OptionTable;

export const WATCH_OPTIONS = {
  config: { type: 'string', short: 'c' },
  interval: { type: 'string', short: 'i' },
  json: { type: 'boolean' },
  'metrics-port': { type: 'string' },
  'metrics-host': { type: 'string' },
  ...HELP,
} as const satisfies OptionTable;

export const WEB_OPTIONS = {
  config: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'allow-remote': { type: 'boolean' },
  interval: { type: 'string' },
  'no-open': { type: 'boolean' },
  'no-token': { type: 'boolean' },
  'new-token': { type: 'boolean' },
  ...HELP,
} as const satisfies OptionTable;

export const CALENDAR_OPTIONS = {
  config: { type: 'string', short: 'c' },
  timeout: { type: 'string' },
  ...HELP,
} as const satisfies OptionTable;

export const CATALOG_OPTIONS = {
  json: { type: 'boolean' },
  ...HELP,
} as const satisfies OptionTable;

/** Each command's table, by the command's name. */
export const COMMAND_OPTIONS = {
  check: CHECK_OPTIONS,
  wait: WAIT_OPTIONS,
  watch: WATCH_OPTIONS,
  web: WEB_OPTIONS,
  calendar: CALENDAR_OPTIONS,
  catalog: CATALOG_OPTIONS,
} as const satisfies Record<string, OptionTable>;
