import { connect, type Socket } from 'node:net';
import { startApi, stopApi, type ApiProcess } from '../support/startApi.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/testDatabases.js';

const QUERY = JSON.stringify({ query: '{ articles(first: 1) { totalCount } }' });

/** A raw HTTP/1.1 connection, so a test can send a request in pieces and read the answer whole. */
function open(port: number): Promise<{ socket: Socket; send: (text: string) => void; response: () => Promise<string> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      let received = '';
      const ended = new Promise<string>((done) => {
        socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
        socket.on('close', () => done(received));
      });
      resolve({
        socket,
        send: (text) => socket.write(text),
        // The server answers and, shutting down, closes the connection.
        response: () => ended,
      });
    });
    socket.once('error', reject);
  });
}

const until = async (check: () => boolean, ms = 10_000) => {
  for (const start = Date.now(); !check();) {
    if (Date.now() - start > ms) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe.each(databaseKinds)('graceful shutdown of a real server process on %s', (kind) => {
  let test: TestDatabase;
  let api: ApiProcess | undefined;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
  });
  afterAll(async () => {
    if (api) await stopApi(api.child, 'SIGKILL');
    await test?.drop();
  });

  it('answers the request in flight, says not ready, refuses new connections and exits 0', async () => {
    api = await startApi({ DATABASE_URL: test.url, SEED_ON_EMPTY: 'true', SHUTDOWN_TIMEOUT_MS: '10000' });
    const port = Number(new URL(api.url).port);
    const exited = new Promise<number | null>((resolve) => api!.child.once('exit', resolve));

    // A request the server has accepted and is still reading when the signal comes.
    const slow = await open(port);
    slow.send(`POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(QUERY)}\r\n\r\n`);
    slow.send(QUERY.slice(0, 10));
    // A readiness probe on a connection already open, its last line not yet sent.
    const probe = await open(port);
    probe.send('GET /health/ready HTTP/1.1\r\nHost: localhost\r\n');
    await new Promise((resolve) => setTimeout(resolve, 200));

    api.child.kill('SIGTERM');
    await until(() => api!.log().includes('SIGTERM: shutting down'));

    // No new connection is accepted from the first moment…
    await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();
    // …readiness says no to whoever asks on an open connection…
    probe.send('\r\n');
    expect(await probe.response()).toMatch(/^HTTP\/1\.1 503 [\s\S]*"status":"unavailable"/);
    // …and the request in flight is answered in full.
    slow.send(QUERY.slice(10));
    const answer = await slow.response();
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toContain('{"data":{"articles":{"totalCount":1}}}');

    expect(await exited).toBe(0);
    expect(api.log()).toContain('every request accepted was answered');
    api = undefined;
  });
});
