// npm run token -- create --role EDITOR --name desk | list | revoke <name>
import type { Role } from '../src/access/viewer.js';
import { createApiToken, listApiTokens, revokeApiToken } from '../src/auth/apiTokens.js';
import { runCli, UsageError } from '../src/cli/runCli.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/openDatabase.js';
import { createLogger } from '../src/log.js';

const HELP = `Usage: npm run token -- <command> [options]

Manages API tokens (sent as "Authorization: Bearer <token>").

Commands:
  create --name NAME --role ROLE [--expires DATE]
                 creates a token and prints it alone on the last line of stdout; it is shown
                 only now (only a salted hash is stored). ROLE is READER (published content),
                 EDITOR (also drafts, writes, fact review) or ADMIN (also tokens and webhooks).
                 DATE is ISO 8601 (e.g. 2027-06-30); without it the token does not expire.
  list           lists every token: name, role, created, expires, revoked (never the secret)
  revoke NAME    revokes the active token NAME; requests carrying it are refused from now on

Options:
  --json         list: print the tokens as JSON
  -h, --help     show this help

Environment: DATABASE_URL (unset = the embedded database), STORYGRAPH_DATA_DIR.
Exit codes: 0 done, 1 failure (e.g. no such token, a name in use), 2 usage error.`;

const ROLES: readonly Role[] = ['READER', 'EDITOR', 'ADMIN'];
const options = { name: { type: 'string' }, role: { type: 'string' }, expires: { type: 'string' }, json: { type: 'boolean' } } as const;

runCli({ name: 'token', help: HELP, options, positionals: { min: 1, label: 'command' } }, async ({ values, positionals }) => {
  const [command, ...rest] = positionals;
  if (command !== 'create' && command !== 'list' && command !== 'revoke') throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  let work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<void>;
  if (command === 'create') {
    const role = values.role?.toUpperCase() as Role | undefined;
    if (!values.name) throw new UsageError('create needs --name');
    if (!role || !ROLES.includes(role)) throw new UsageError(`create needs --role READER, EDITOR or ADMIN (got ${values.role ?? 'none'})`);
    const expiresAt = values.expires ? new Date(values.expires) : null;
    if (expiresAt && Number.isNaN(expiresAt.getTime())) throw new UsageError(`--expires ${JSON.stringify(values.expires)} is not an ISO 8601 date`);
    work = async (db) => {
      const { token, info } = await createApiToken(db.prisma, { name: values.name!, role, expiresAt, createdBy: 'cli' });
      process.stderr.write(
        `token: created ${info.role} token ${JSON.stringify(info.name)}${info.expiresAt ? `, expires ${info.expiresAt.toISOString()}` : ''}; it is shown only now:\n`,
      );
      process.stdout.write(`${token}\n`);
    };
  } else if (command === 'list') {
    work = async (db) => {
      const tokens = await listApiTokens(db.prisma);
      if (values.json) return void process.stdout.write(JSON.stringify(tokens) + '\n');
      const rows = tokens.map((t) => [t.name, t.role, t.createdAt.toISOString(), t.expiresAt?.toISOString() ?? '-', t.revokedAt?.toISOString() ?? '-']);
      process.stdout.write(table(['NAME', 'ROLE', 'CREATED', 'EXPIRES', 'REVOKED'], rows) + '\n');
    };
  } else {
    if (rest.length !== 1) throw new UsageError('revoke needs one token name');
    work = async (db) => {
      const info = await revokeApiToken(db.prisma, rest[0]!);
      process.stderr.write(`token: revoked ${JSON.stringify(info.name)}\n`);
    };
  }
  const config = loadConfig();
  const db = await openDatabase(config, createLogger(config.logLevel === 'debug' ? 'debug' : 'warn'));
  try {
    await work(db);
  } finally {
    await db.close();
  }
  return 0;
});

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [head, ...rows]
    .map((cells) =>
      cells
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
