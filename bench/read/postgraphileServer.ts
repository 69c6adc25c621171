// PostGraphile 5 (Amber preset, connection filter plugin) over the benchmark's database, the
// peer the read benchmark compares with. Started by bench/readBench.ts as its own process:
//   node --import tsx --import ./bench/read/withResolvers.ts bench/read/postgraphileServer.ts DATABASE_URL PORT
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { PostGraphileConnectionFilterPreset } from 'postgraphile-plugin-connection-filter';

const [databaseUrl, port = '0'] = process.argv.slice(2);
if (!databaseUrl) {
  process.stderr.write('Usage: postgraphileServer.ts DATABASE_URL [PORT]\n');
  process.exit(2);
}
const preset: GraphileConfig.Preset = {
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
