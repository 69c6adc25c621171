import { toSqlCondition, type Predicate, type Relation } from '../../src/access/predicate.js';
import { visibleSql } from '../../src/access/visibility.js';
import { ANONYMOUS } from '../../src/access/viewer.js';

const toArticle: Relation = {
  prisma: { field: 'article', list: false },
  sql: { from: (inner) => `article ${inner}`, join: (outer, inner) => `${inner}.id = ${outer}."articleId"`, inner: 'va' },
};
const published: Predicate = { op: 'eq', column: 'status', value: 'PUBLISHED' };
const fact: Predicate = {
  op: 'any',
  of: [
    { op: 'isNull', column: 'articleId' },
    { op: 'related', relation: toArticle, where: published },
  ],
};

describe('an access rule on a fact whose article the statement already joins', () => {
  it('looks the article up by key when it is not joined', () => {
    expect(toSqlCondition(fact, 'q')).toBe(
      `(q."articleId" IS NULL OR COALESCE((SELECT va1."status" = 'PUBLISHED' FROM article va1 WHERE va1.id = q."articleId"), FALSE))`,
    );
  });

  it('reads the joined row instead, with no second lookup', () => {
    expect(toSqlCondition(fact, 'q', 0, { joined: { relation: toArticle, alias: 'a' } })).toBe(`(q."articleId" IS NULL OR a."status" = 'PUBLISHED')`);
  });

  it('applies to the article of a fact only, as visibleSql compiles it for anonymous callers', () => {
    const joined = visibleSql(ANONYMOUS, 'fact', 'q', { article: 'a' });
    expect(joined).toContain(`a."status" = 'PUBLISHED'`);
    expect(joined).toContain(`q."status" NOT IN ('REJECTED')`);
    expect(joined).not.toContain('SELECT');
    // Entities reach articles through a list (article_entity): never rewritten to a joined row.
    expect(visibleSql(ANONYMOUS, 'entity', 'e', { article: 'a' })).toBe(visibleSql(ANONYMOUS, 'entity', 'e'));
  });

  it('checks "some related row" with a lookup that stops at the first match for rows read by key', () => {
    const list = visibleSql(ANONYMOUS, 'entity', 'e');
    const few = visibleSql(ANONYMOUS, 'entity', 'e', { fewRows: true });
    expect(list).toMatch(/^EXISTS \(SELECT 1 FROM article_entity/);
    expect(few).toMatch(/^COALESCE\(\(SELECT TRUE FROM article_entity .* LIMIT 1\), FALSE\)$/);
    // The same condition on the related rows either way.
    expect(few).toContain(list.slice(list.indexOf('WHERE') + 'WHERE'.length, -1).trim());
  });
});
