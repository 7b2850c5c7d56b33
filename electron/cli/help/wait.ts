// `statustray wait --help` and the defaults it states: plain text, so that the help never loads the engine.

export const UNTIL_LEVELS = [
  'operational',
  'maintenance',
  'degraded',
  'partial_outage',
  'major_outage',
] as const;
export const DEFAULT_WAIT_TIMEOUT_S = 900;
export const DEFAULT_WAIT_INTERVAL_S = 30;

export const WAIT_HELP = `Usage: statustray wait <url>... [--until <status>] [--timeout <seconds>] [--interval <seconds>]

Wait until every vendor is at a status or better, for example before a deploy that depends on them.
Prints each vendor's status at the first read and a line whenever it changes; returns the moment
every vendor is at the level.

  <url>               a status page, as for \`statustray check\`
  --until <status>    the level to wait for (default operational): operational, maintenance,
                      degraded, partial_outage or major_outage; a page that cannot be read is
                      never at the level
  --timeout <s>       give up after this many seconds (default ${DEFAULT_WAIT_TIMEOUT_S})
  --interval <s>      seconds between two reads of the pages (default ${DEFAULT_WAIT_INTERVAL_S}, from 1)
  -h, --help          show this help

Statuses, best to worst: operational, unknown, maintenance, degraded, partial_outage, major_outage.

Exit status:
  0  every vendor is at the level
  1  the command line was wrong
  2  the timeout passed and some page was never read (it cannot be told whether its vendor is fine)
  3  the timeout passed and every page was read, but some vendor is still worse than the level
     (the vendors not at the level are named)

Examples:
  statustray wait https://www.githubstatus.com --timeout 900 && ./deploy.sh
  statustray wait https://status.kustomer.com --until degraded --interval 60`;
