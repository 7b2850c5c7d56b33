// `statustray watch --help`: plain text, so that the help never loads the engine.

export const WATCH_HELP = `Usage: statustray watch --config <watchlist.json> [--interval <seconds>] [--json]
                        [--metrics-port <n> [--metrics-host <address>]]

Polls every vendor of a watchlist and prints what it learns, as it happens: each vendor's first
reading at start, a vendor it cannot read at its first failed read, then every change of status,
component, incident and maintenance, until Ctrl-C or SIGTERM.

  -c, --config <file>  the watchlist, a JSON file such as
                      { "version": 1,
                        "vendors": [ { "url": "https://status.kustomer.com", "name": "Kustomer",
                                       "components": ["Prod2 (EU)/Channel - Email"] } ],
                        "intervalSeconds": 120 }
                    "name" and "components" are optional; with "components", only those count
                    toward the vendor's status. The desktop app's export is such a file.
  -i, --interval <s>  seconds between two polls of a vendor (from 1; default: the file's
                    "intervalSeconds", else 120); a vendor with an open incident is polled
                    at least every 30 s
  --json            one JSON object a line: {"type", "vendor", "at", …} where type is
                    vendor_first_reading (status, openIncidents), vendor_status_changed
                    (from, to), component_status_changed (component, group, from, to),
                    incident_opened / incident_updated / incident_resolved (incident),
                    maintenance_started / maintenance_completed (incident),
                    vendor_unreachable (error), vendor_recovered,
                    incidents_summarised / components_summarised (count: the changes
                    of one poll beyond 100), or shared_cause_opened / _updated /
                    _closed (group, vendors, cause: several vendors in trouble together)
  --metrics-port <n>  serve Prometheus metrics at http://127.0.0.1:<n>/metrics
  --metrics-host <a>  the address to serve them on (default 127.0.0.1: this machine only); on
                      another address a scrape must send the key watch prints (Bearer)
  -h, --help        show this help

A watchlist may also name "forward" targets (webhook, slack, teams, discord, ntfy), e.g.
  "forward": [ { "type": "slack", "url": "https://hooks.slack.com/services/…", "level": "outages" } ]
They get the notifications the desktop app would show, from an outbox in the data folder that keeps
each message until the receiver accepts it (retried with backoff for 24 h, kept across restarts).

Statuses, best to worst: operational, unknown, maintenance, degraded, partial_outage, major_outage.

The history of statuses is kept in $STATUSTRAY_DATA_DIR, else $XDG_STATE_HOME/statustray, else
~/.local/state/statustray (watch-history.json), written every few minutes and on stop.

Exit status: 0 after Ctrl-C, SIGTERM or the reader of the output going away; 1 when the
command line or the watchlist is wrong.

Examples:
  statustray watch --config vendors.json
  statustray watch --config vendors.json --interval 60 --json | jq -c 'select(.type != "vendor_first_reading")'`;
