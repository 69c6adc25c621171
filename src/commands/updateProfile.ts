import type { Viewer } from '../access/viewer.js';
import type { Sql } from '../db/sql.js';
import { AppError, ErrorCode } from '../errors.js';
import { entityEdited, lockEntity, type EntityKind } from './editEntities.js';

/** How each profile field is checked and stored. */
interface FieldSpec {
  column: string;
  sql: string;
  read: (value: unknown, argument: string) => unknown;
}

const text = (max: number) => (value: unknown, argument: string) => {
  const line = String(value).replace(/\s+/g, ' ').trim();
  if (!line || line.length > max) throw bad(argument, `must be 1 to ${max} characters`);
  return line;
};
const pattern = (re: RegExp, what: string) => (value: unknown, argument: string) => {
  const s = String(value).trim();
  if (!re.test(s)) throw bad(argument, `${JSON.stringify(value)} is not ${what}`);
  return s;
};
const url = (value: unknown, argument: string) => {
  try {
    const parsed = new URL(String(value));
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.href;
  } catch {
    // reported below
  }
  throw bad(argument, `${JSON.stringify(value)} is not an http or https URL`);
};
const number = (min: number, max: number) => (value: unknown, argument: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw bad(argument, `must be from ${min} to ${max}`);
  return n;
};
const date = (value: unknown, argument: string) => {
  const s = String(value);
  const d = new Date(`${s.slice(0, 10)}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(d.getTime())) throw bad(argument, `${JSON.stringify(value)} is not an ISO 8601 date (YYYY-MM-DD)`);
  return s;
};
const oneOf = (values: readonly string[]) => (value: unknown, argument: string) => {
  if (!values.includes(String(value))) throw bad(argument, `must be one of ${values.join(', ')}`);
  return String(value);
};
const WIKIDATA = pattern(/^Q[1-9]\d{0,11}$/, 'a Wikidata item (Q and digits)');
const COUNTRY = pattern(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code (two capital letters)');

const PROFILES: Record<EntityKind, { table: string; fields: Record<string, FieldSpec> }> = {
  PERSON: {
    table: 'person',
    fields: {
      givenName: { column: 'givenName', sql: 'text', read: text(100) },
      familyName: { column: 'familyName', sql: 'text', read: text(100) },
      description: { column: 'description', sql: 'text', read: text(300) },
      wikidataId: { column: 'wikidataId', sql: 'text', read: WIKIDATA },
      imageUrl: { column: 'imageUrl', sql: 'text', read: url },
      birthDate: { column: 'birthDate', sql: 'date', read: date },
    },
  },
  ORGANIZATION: {
    table: 'organization',
    fields: {
      acronym: { column: 'acronym', sql: 'text', read: text(20) },
      type: { column: 'type', sql: '"OrganizationType"', read: oneOf(['GOVERNMENT', 'PARTY', 'COMPANY', 'NGO', 'INTERNATIONAL_BODY', 'MEDIA', 'OTHER']) },
      country: { column: 'country', sql: 'text', read: COUNTRY },
      wikidataId: { column: 'wikidataId', sql: 'text', read: WIKIDATA },
      url: { column: 'url', sql: 'text', read: url },
    },
  },
  PLACE: {
    table: 'place',
    fields: {
      countryCode: { column: 'countryCode', sql: 'text', read: COUNTRY },
      latitude: { column: 'latitude', sql: 'float8', read: number(-90, 90) },
      longitude: { column: 'longitude', sql: 'float8', read: number(-180, 180) },
      wikidataId: { column: 'wikidataId', sql: 'text', read: WIKIDATA },
    },
  },
};

/**
 * Sets what an editor knows about a person, organization or place (the profile table of its
 * kind): fields given are checked and set, null clears one, fields left out stay. Throws
 * BAD_USER_INPUT naming the field, or when the entity is of another kind.
 */
export async function updateProfile(sql: Sql, viewer: Viewer, id: string, kind: EntityKind, input: Record<string, unknown>): Promise<string> {
  const entity = await lockEntity(sql, id);
  if (entity.kind !== kind) throw bad('id', `is a ${entity.kind.toLowerCase()}, not a ${kind.toLowerCase()}`);
  const { table, fields } = PROFILES[kind];
  const set: { spec: FieldSpec; value: unknown }[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const spec = fields[key]!;
    set.push({ spec, value: value === null ? null : spec.read(value, `input.${key}`) });
  }
  const [before] = await sql.rows(`SELECT * FROM ${table} WHERE "entityId" = $1::uuid`, id);
  const columns = set.map(({ spec }) => `"${spec.column}"`);
  const values = set.map(({ spec }, i) => `$${i + 3}::${spec.sql}`);
  await sql.run(
    `INSERT INTO ${table} ("entityId", "updatedBy", "updatedAt"${columns.map((c) => `, ${c}`).join('')})
     VALUES ($1::uuid, $2, now() AT TIME ZONE 'UTC'${values.map((v) => `, ${v}`).join('')})
     ON CONFLICT ("entityId") DO UPDATE SET "updatedBy" = EXCLUDED."updatedBy", "updatedAt" = EXCLUDED."updatedAt"${columns.map((c) => `, ${c} = EXCLUDED.${c}`).join('')}`,
    id,
    viewer.name,
    ...set.map(({ value }) => value),
  );
  await entityEdited(sql, viewer, `update${kind[0]}${kind.slice(1).toLowerCase()}Profile`, entity, {
    before: before ?? null,
    set: Object.fromEntries(set.map(({ spec, value }) => [spec.column, value])),
  });
  return id;
}

function bad(argument: string, message: string): AppError {
  return new AppError(ErrorCode.BAD_USER_INPUT, `${argument}: ${message}`, { argument });
}
