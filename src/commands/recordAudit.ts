import type { Viewer } from '../access/viewer.js';
import type { Sql } from '../db/sql.js';

/** One change an editor made to the graph. */
export interface AuditInput {
  action: string;
  subjectType: 'Quote' | 'Mention' | 'Role' | 'Entity' | 'Tag' | 'Article';
  subjectId: string;
  before: unknown;
  after: unknown;
}

/** Writes audit entries (who, when, what, before, after) in the caller's transaction, one statement for any number. */
export async function recordAudit(sql: Sql, viewer: Viewer, entries: readonly AuditInput[]): Promise<void> {
  if (!entries.length) return;
  await sql.run(
    `INSERT INTO audit_entry (id, actor, action, "subjectType", "subjectId", before, after, "createdAt")
     SELECT gen_random_uuid(), $1, x.action, x.t, x.id, x.b, x.a, now() AT TIME ZONE 'UTC'
     FROM json_to_recordset($2::json) AS x(action text, t text, id text, b jsonb, a jsonb)`,
    viewer.name,
    JSON.stringify(entries.map((e) => ({ action: e.action, t: e.subjectType, id: e.subjectId, b: e.before ?? null, a: e.after ?? null }))),
  );
}
