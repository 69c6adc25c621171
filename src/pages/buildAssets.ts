import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '../projectRoot.js';

/** Browser sources (`web/`) and where their bundles go (`web/dist/`, served at /assets/). */
export const webDir = join(projectRoot, 'web');
export const assetsDir = join(webDir, 'dist');
const STAMP = '.built';

/** Entry points: the bundle name and its source. A script's imported CSS becomes `<name>.css`. */
const ENTRIES = { site: 'styles/site.css', desk: 'desk/main.ts', explorer: 'explorer/main.tsx' };

async function newestSource(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? await newestSource(path) : (await stat(path)).mtimeMs);
  }
  return newest;
}

/** True when `web/dist` is missing or older than a file of `web/`. */
export async function assetsStale(): Promise<boolean> {
  const built = await stat(join(assetsDir, STAMP)).catch(() => null);
  // The production image ships the bundles without their sources: built there means current.
  const sources = await stat(join(webDir, 'desk')).catch(() => null);
  if (built && !sources) return false;
  return !built || (await newestSource(webDir)) > built.mtimeMs;
}

/**
 * Bundles the browser code with esbuild (GraphiQL and React for the explorer, the desk app, the
 * site's stylesheet) into `web/dist`, offline, from npm packages. Builds into a fresh folder and
 * swaps it in, so a server reading the old bundles never sees half a build.
 */
export async function buildAssets(): Promise<void> {
  const { build } = await import('esbuild');
  const staging = `${assetsDir}.${process.pid}.${Date.now()}`;
  await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, source]) => [name, join(webDir, source)])),
    outdir: staging,
    bundle: true,
    format: 'esm',
    minify: true,
    target: ['es2020'],
    jsx: 'automatic',
    loader: { '.woff2': 'dataurl', '.woff': 'dataurl', '.svg': 'dataurl' },
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'warning',
  });
  await writeFile(join(staging, STAMP), new Date().toISOString());
  const old = `${assetsDir}.old.${process.pid}.${Date.now()}`;
  await rename(assetsDir, old).catch(() => undefined);
  await mkdir(webDir, { recursive: true });
  try {
    await rename(staging, assetsDir);
  } catch (error) {
    // Another process (a second server, a parallel test) swapped its own build in meanwhile:
    // the same sources, so theirs serves as well as ours.
    if (!(await stat(join(assetsDir, STAMP)).catch(() => null))) throw error;
    await rm(staging, { recursive: true, force: true });
  }
  await rm(old, { recursive: true, force: true });
}

/** Builds the browser bundles when they are missing or older than their sources. */
export async function ensureAssets(): Promise<boolean> {
  if (!(await assetsStale())) return false;
  await buildAssets();
  return true;
}
