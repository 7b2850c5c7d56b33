// Compiles the command line (electron/cli.ts and what it imports) into dist-cli/statustray.mjs with esbuild,
// so that `statustray` starts as plain JavaScript instead of compiling TypeScript at every start.
// Run by `npm install` (the `prepare` script), by `npm run cli` when the sources are newer, and by the tests.
import { chmodSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export const CLI_OUT_DIR = 'dist-cli';
export const CLI_ENTRY = 'dist-cli/statustray.mjs';
const SOURCES = ['electron', 'shared', 'package.json', 'scripts/build-cli.mjs'];

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const info = statSync(entry);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(join(entry, child)));
  return newest;
}

/** True when the compiled command line is missing or older than one of its sources. */
export function cliIsStale(root = ROOT) {
  const out = join(root, CLI_ENTRY);
  if (!existsSync(out)) return true;
  const built = statSync(out).mtimeMs;
  return SOURCES.some((s) => newestMtime(join(root, s)) > built);
}

/**
 * Packages compiled into the program. Every start (a `check` in a CI job, each `wait`) loads them: from
 * node_modules they are some 210 small files to find, read and compile (undici 112, zod 99), about a
 * quarter of the CPU a `check` of one page takes (0.6 s -> 0.45 s here); compiled in, a few chunks.
 */
const BUNDLED = new Set(['undici', 'zod']);

/** An esbuild plugin that leaves every package but `names` to be loaded from node_modules at run time. */
function bundleOnly(names) {
  return {
    name: 'bundle-only',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        const name = args.path.startsWith('@')
          ? args.path.split('/').slice(0, 2).join('/')
          : args.path.split('/')[0];
        if (names.has(name)) return undefined;
        return { path: args.path, external: true };
      });
    },
  };
}

/** Bundles the command line; returns the path of the executable file. */
export async function buildCli(root = ROOT) {
  // esbuild is a build-time tool: loaded here, never by the compiled program.
  const { build } = await import('esbuild');
  // Built beside and swapped in whole: chunk names carry a content hash, so no chunk of an older build
  // lingers, and two builds at once (test projects starting together) never mix their files.
  const outdir = join(root, `${CLI_OUT_DIR}.tmp-${process.pid}`);
  rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { statustray: 'electron/cli.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Each command stays its own chunk, loaded only when asked for: `--version` reads one small file.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Other packages are loaded from node_modules at run time, as the TypeScript sources load them.
    plugins: [bundleOnly(BUNDLED)],
    // The bundled packages are CommonJS: their require() of Node's own modules needs a require.
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
    },
    sourcemap: 'linked',
    logLevel: 'warning',
    legalComments: 'none',
  });
  chmodSync(join(outdir, 'statustray.mjs'), 0o755);
  rmSync(join(root, CLI_OUT_DIR), { recursive: true, force: true });
  renameSync(outdir, join(root, CLI_OUT_DIR));
  return join(root, CLI_ENTRY);
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const ifStale = process.argv.includes('--if-stale');
  if (!ifStale || cliIsStale()) {
    const started = Date.now();
    const file = await buildCli();
    if (!process.argv.includes('--quiet'))
      process.stderr.write(`Built ${file} in ${Date.now() - started} ms.\n`);
  }
}
