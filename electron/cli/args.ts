// The one way every command reads its options and says what is wrong: one line naming the problem, a
// suggestion for a near miss ("did you mean --json?"), and where the full help is. Node's parseArgs does
// the splitting; its own messages (written for programmers) are never shown.
import { parseArgs } from 'node:util';
import type { OptionTable } from './options';

/** A mistake on the command line: the message is one sentence, shown as it is. */
export class UsageError extends Error {}

/** Edit distance (insertions, deletions, substitutions, and a swap of two neighbours counted as one). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The candidate a mistyped word most likely meant, when one is close enough to suggest. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  // Long input (a pasted URL) is no typo of a short name, and the table is small: both keep this cheap.
  if (word.length > 64) return undefined;
  const typed = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(typed, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // One slip in a short word, up to a third of a longer one.
  const allowed = Math.max(1, Math.floor(typed.length / 3));
  return bestDistance <= allowed ? best : undefined;
}

/** What a person may type for an option table: `--name` and `-x`. */
function spellings(table: OptionTable): string[] {
  const out: string[] = [];
  for (const [name, spec] of Object.entries(table)) {
    out.push(`--${name}`);
    if (spec.short) out.push(`-${spec.short}`);
  }
  return out;
}

function unknownOption(raw: string, table: OptionTable): string {
  const typed = raw.split('=')[0]!;
  // Compared with the long names only: "-jsn" and "--jsn" both mean --json.
  const guess = closest(
    typed.replace(/^-+/, '--'),
    spellings(table).filter((s) => s.startsWith('--')),
  );
  return `unknown option ${typed}${guess ? ` — did you mean ${guess}?` : ''}`;
}

type Values<T extends OptionTable> = {
  -readonly [K in keyof T]?: T[K]['type'] extends 'string'
    ? T[K] extends { multiple: true }
      ? string[]
      : string
    : boolean;
};

/**
 * Reads `argv` by `table`. Throws UsageError for an unknown option (with a suggestion), an option that
 * lacks its value or has one it does not take, and, unless `positionals` allows them, any other word.
 */
export function parseCommandArgs<T extends OptionTable>(
  table: T,
  argv: readonly string[],
  opts: { positionals: boolean },
): { values: Values<T>; positionals: string[] } {
  const { values, positionals, tokens } = parseArgs({
    args: [...argv],
    options: table as OptionTable,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind === 'option') {
      const spec = table[token.name];
      if (!spec) throw new UsageError(unknownOption(token.rawName, table));
      if (spec.type === 'string' && (token.value === undefined || token.value === null)) {
        throw new UsageError(`${token.rawName} needs a value`);
      }
      if (spec.type === 'boolean' && token.inlineValue) {
        throw new UsageError(`${token.rawName} takes no value`);
      }
    } else if (token.kind === 'positional' && !opts.positionals) {
      throw new UsageError(`unexpected argument "${token.value}" (this command takes options only)`);
    }
  }
  return { values: values as Values<T>, positionals };
}

/** The one line a usage mistake gets: the problem and where the command's help is. */
export function usageLine(command: string, message: string): string {
  return `statustray ${command}: ${sentence(message)} Run \`statustray ${command} --help\` for its options.\n`;
}

/** The one line an unknown command gets. */
export function unknownCommandLine(name: string, commands: readonly string[]): string {
  if (name.startsWith('-')) {
    const guess = closest(name.replace(/^-+/, '--'), ['--help', '--version']);
    return `statustray: unknown option ${name}${guess ? ` — did you mean ${guess}?` : '.'} Run \`statustray --help\` for the commands.\n`;
  }
  const guess = closest(name, commands);
  return `statustray: unknown command "${name}"${guess ? ` — did you mean "${guess}"?` : '.'} Run \`statustray --help\` for the commands.\n`;
}

/** A message as a sentence: ends with a full stop unless it already ends with a question or a stop. */
function sentence(message: string): string {
  return /[.?!]$/.test(message) ? message : `${message}.`;
}
