// `statustray catalog --help`: plain text, so that the help never loads the catalog.

export const CATALOG_HELP = `Usage: statustray catalog [query] [--json]

Searches the built-in catalog of vendor status pages by name, alias and category. Small typos are
forgiven ("kustmer" finds Kustomer). Without a query, lists every entry.

Options:
  --json        print the matching entries as one JSON array (every entry without a query)
  -h, --help    show this help

When nothing matches, says so on stderr ("not in the catalog — paste its status page address") and
prints nothing on stdout; with --json it prints an empty list, [].

Exit status: 0 when the search ran (also when nothing matched), 1 for a usage error.

Examples:
  statustray catalog kustomer
  statustray catalog --json | jq -r '.[].url'`;
