// `statustray … | head`: when the reader of stdout goes away, stop quietly with the status so far instead
// of crashing on EPIPE.
export function stopQuietlyOnBrokenPipe(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}
