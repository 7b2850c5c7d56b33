// `statustray calendar --help`: plain text, so that the help never loads the engine.

export const CALENDAR_HELP = `Usage: statustray calendar --config <watchlist.json> [--timeout <seconds>]

Reads each vendor's page of a watchlist once and prints every planned and running maintenance as an
iCalendar (.ics) on standard output: one event per maintenance, with a UID that stays the same from
one run to the next, so a calendar app that imports the file again updates its events.

  -c, --config <file>  the watchlist (the same JSON file as \`statustray watch --help\` shows)
  --timeout <s>     give each page at most this many seconds (1 to 600; default 20)
  -h, --help        show this help

Exit status: 0 every page was read, 2 some page could not be read (the calendar has the others),
1 the command line or the file was wrong.

Example:
  statustray calendar --config vendors.json > maintenance.ics`;
