// `watch` command (placeholder until its issue lands).
export async function run(_argv: string[]): Promise<number> {
  process.stderr.write('statustray: watch is not available yet\n');
  return 1;
}
