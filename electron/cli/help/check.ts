// `statustray check --help`: plain text, in a module of its own so that the help never loads the engine.

export const FAIL_ON_LEVELS = [
  'maintenance',
  'degraded',
  'partial_outage',
  'major_outage',
  'unknown',
] as const;

export const CHECK_HELP = `Usage: statustray check <url>... [--json] [--timeout <seconds>] [--fail-on <status>]
                        [--component <name>]...

Read each status page once and show how its vendor is doing.

  <url>              a status page (https://status.example.com), a page under a path
                     (https://www.example.com/status) or its API (…/api/v2/summary.json)
  --json             print one JSON array of Snapshots, in the order given
  --timeout <s>      give each request at most this many seconds (default 10)
  --fail-on <status> exit 3 when a vendor is at this status or worse: maintenance, degraded,
                     partial_outage, major_outage, or unknown (anything but operational)
  --component <name> only this component counts ("Group/Component", "Component" or a whole
                     group; case and spacing do not matter); repeat for more. A name the
                     page lacks makes the status unknown and is named, with the nearest one
  -h, --help         show this help

Statuses, best to worst: operational, unknown (no trustworthy data), maintenance,
degraded, partial_outage, major_outage.

Exit status:
  0  every page was read (and, with --fail-on, no vendor is at that status or worse)
  1  the command line was wrong
  2  some page could not be read (it is still printed, with its error)
  3  with --fail-on: a vendor that was read is at that status or worse

Examples:
  statustray check https://status.kustomer.com
  statustray check https://www.githubstatus.com https://discordstatus.com --json
  statustray check https://www.githubstatus.com --fail-on partial_outage || echo "GitHub is down"`;
