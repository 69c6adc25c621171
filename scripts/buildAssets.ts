// npm run build:assets: bundle the browser pages' code (web/ -> web/dist/).
import { runCli } from '../src/cli/runCli.js';
import { buildAssets } from '../src/pages/buildAssets.js';

const HELP = `Usage: npm run build:assets

Bundles the browser code of the pages (the explorer's GraphiQL, the desk, the stylesheets) from
web/ into web/dist/ with esbuild, offline. npm start does this by itself when the bundles are
missing or older than their sources.

Exit codes: 0 built, 1 failure, 2 usage error.`;

runCli({ name: 'build:assets', help: HELP, options: {} }, async () => {
  await buildAssets();
  process.stderr.write('build:assets: web/dist is up to date\n');
  return 0;
});
