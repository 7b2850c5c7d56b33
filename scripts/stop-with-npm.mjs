// Makes a long-running npm script stop when npm is stopped. npm passes SIGTERM and SIGINT to the shell it
// runs the script in, and a shell such as dash then dies without passing them on, leaving its child (this
// process) running with no parent. So a script run by npm watches for that and stops itself the way a
// SIGTERM would stop it: its own handlers (the server's clean stop) run, or, without any, it ends.
/** Starts the watch when this process runs as an npm script (npm sets npm_lifecycle_event). */
export function stopWithNpm({
  env = process.env,
  everyMs = 200,
  stop = () => process.kill(process.pid, 'SIGTERM'),
} = {}) {
  if (!env.npm_lifecycle_event) return;
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    stop();
  }, everyMs);
  timer.unref();
}
