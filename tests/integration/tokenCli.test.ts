import { runScript } from '../support/runScript.js';
import { createTestDatabase, type TestDatabase } from '../support/testDatabases.js';

describe('npm run token', () => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await createTestDatabase('embedded');
  });

  afterAll(async () => {
    await test?.drop();
  });

  const token = (args: string[]) => runScript('scripts/token.ts', args, { DATABASE_URL: test.url });

  it('creates a token and prints it alone on the last line of stdout, lists it, and revokes it', async () => {
    const created = await token(['create', '--role', 'EDITOR', '--name', 'desk']);
    expect(created.code).toBe(0);
    const lines = created.stdout.trimEnd().split('\n');
    expect(lines[lines.length - 1]).toMatch(/^sg_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).toContain('shown only now');

    const listed = await token(['list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^NAME\s+ROLE\s+CREATED\s+EXPIRES\s+REVOKED\ndesk\s+EDITOR\s+\S+\s+-\s+-$/m);
    expect(listed.stdout).not.toContain(lines[lines.length - 1]!.slice(20));

    expect((await token(['revoke', 'desk'])).code).toBe(0);
    const json = JSON.parse((await token(['list', '--json'])).stdout) as { name: string; revokedAt: string | null }[];
    expect(json).toEqual([expect.objectContaining({ name: 'desk', revokedAt: expect.any(String) })]);
    const again = await token(['revoke', 'desk']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('[NOT_FOUND]');
  });

  it('answers usage errors with exit code 2 and the help', async () => {
    for (const args of [
      ['create', '--name', 'x'],
      ['create', '--role', 'OWNER', '--name', 'x'],
      ['rotate'],
      ['create', '--role', 'READER', '--name', 'x', '--expires', 'soon'],
    ]) {
      const result = await token(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('Usage: npm run token');
    }
    const help = await token(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: npm run token');
  });
});
