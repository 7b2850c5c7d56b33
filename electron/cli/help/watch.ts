// `statustray watch --help`: plain text, so that the help never loads the engine.

export const WATCH_HELP = `Usage: statustray watch --config <watchlist.json> [--interval <seconds>] [--json]

Polls every vendor of a watchlist and prints what it learns, as it happens: each vendor's first
reading at start, a vendor it cannot read at its first failed read, then every change of status,
component, incident and maintenance, until Ctrl-C or SIGTERM.

  --config <file>   the watchlist, a JSON file such as
                      { "version": 1,
                        "vendors": [ { "url": "https://status.kustomer.com", "name": "Kustomer",
                                       "components": ["Prod2 (EU)/Channel - Email"] } ],
                        "intervalSeconds": 120 }
                    "name" and "components" are optional; with "components", only those count
                    toward the vendor's status. The desktop app's export is such a file.
  --interval <s>    seconds between two polls of a vendor (from 1; default: the file's
                    "intervalSeconds", else 120); a vendor with an open incident is polled
                    at least every 30 s
  --json            one JSON object a line: {"type", "vendor", "at", …} where type is
                    vendor_first_reading (status, openIncidents), vendor_status_changed
                    (from, to), component_status_changed (component, group, from, to),
                    incident_opened / incident_updated / incident_resolved (incident),
                    maintenance_started / maintenance_completed (incident),
                    vendor_unreachable (error) or vendor_recovered
  -h, --help        show this help

Statuses, best to worst: operational, unknown, maintenance, degraded, partial_outage, major_outage.

The history of statuses is kept in $STATUSTRAY_DATA_DIR, else $XDG_STATE_HOME/statustray, else
~/.local/state/statustray (watch-history.json), written every few minutes and on stop.

Exit status: 0 after Ctrl-C, SIGTERM or the reader of the output going away; 1 when the
command line or the watchlist is wrong.

Examples:
  statustray watch --config vendors.json
  statustray watch --config vendors.json --interval 60 --json | jq -c 'select(.type != "vendor_first_reading")'`;
