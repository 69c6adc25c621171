// PostGraphile 5 (Amber preset, connection filter plugin) over the benchmark's database, the
// peer the read benchmark compares with. Started by bench/readBench.ts as its own process:
//   node --import tsx --import ./bench/read/withResolvers.ts bench/read/postgraphileServer.ts DATABASE_URL PORT
import { createServer } from 'node:http';

// PostGraphile 5 declares Node >= 22 and brings GraphiQL 5 with React 19 (Ruru), which the
// project's own explorer (GraphiQL 3, React 18) cannot share a tree with: it is installed for the
// benchmark only, beside the project, never as a project dependency:
//   npm install --prefix bench/read --no-save --no-package-lock postgraphile@5.1.5 postgraphile-plugin-connection-filter@4.0.1
// The modules are loaded by name so the project type-checks without them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped on purpose: see above
const load = (name: string): Promise<any> => import(name);
const [{ postgraphile }, { makePgService }, { grafserv }, { PostGraphileAmberPreset }, { PostGraphileConnectionFilterPreset }] = await Promise.all([
  load('postgraphile'),
  load('postgraphile/adaptors/pg'),
  load('postgraphile/grafserv/node'),
  load('postgraphile/presets/amber'),
  load('postgraphile-plugin-connection-filter'),
]).catch((error: unknown) => {
  process.stderr.write(
    `PostGraphile is not installed (${String(error)}); run: npm install --prefix bench/read --no-save --no-package-lock postgraphile@5.1.5 postgraphile-plugin-connection-filter@4.0.1\n`,
  );
  process.exit(2);
});

const [databaseUrl, port = '0'] = process.argv.slice(2);
if (!databaseUrl) {
  process.stderr.write('Usage: postgraphileServer.ts DATABASE_URL [PORT]\n');
  process.exit(2);
}
const preset = {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  pgServices: [makePgService({ connectionString: databaseUrl, schemas: ['public'], poolConfig: { max: 10 } })],
  grafserv: { graphqlPath: '/graphql', watch: false },
  grafast: { explain: false },
};
const instance = postgraphile(preset);
const serv = instance.createServ(grafserv);
const server = createServer();
serv.addTo(server).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
server.listen(Number(port), () => {
  const address = server.address();
  process.stderr.write(`PostGraphile ready at http://localhost:${typeof address === 'object' && address ? address.port : port}/graphql\n`);
});
