import { AppError, ErrorCode } from '../../src/errors.js';
import { countArticle, countCreated, countWarning, emptyReport } from '../../src/ingest/importReport.js';

describe('the import report', () => {
  it('counts outcomes, words of what was written, and failures with their codes', () => {
    const report = emptyReport(false);
    expect(countArticle(report, 'a.txt', { status: 'created', articleId: '1', slug: 'a' }, 120)).toBeNull();
    countArticle(report, 'b.txt', { status: 'updated', articleId: '2', slug: 'b' }, 80);
    countArticle(report, 'c.txt', { status: 'unchanged', articleId: '3', slug: 'c' }, 999);
    const bad = countArticle(report, 'd.txt', { status: 'failed', error: new AppError(ErrorCode.NO_BODY, 'd.txt:2: no paragraphs') });
    const odd = countArticle(report, 'e.txt', { status: 'failed', error: new Error('connection reset\nat socket') });
    countCreated(report, {
      createdEntities: [
        { kind: 'PERSON', name: 'Maria Okafor' },
        { kind: 'PLACE', name: 'Westport' },
      ],
      createdTags: ['Transport'],
    });
    countWarning(report, 'f.txt: not valid UTF-8, decoded as Latin-1');
    expect([bad, odd]).toEqual([
      { file: 'd.txt', code: 'NO_BODY', message: 'd.txt:2: no paragraphs' },
      { file: 'e.txt', code: 'IMPORT_FAILED', message: 'e.txt: could not be imported: at socket' },
    ]);
    expect(report).toEqual({
      dryRun: false,
      files: 0,
      imported: 1,
      updated: 1,
      unchanged: 1,
      failed: 2,
      entitiesCreated: 2,
      peopleCreated: 1,
      organizationsCreated: 0,
      placesCreated: 1,
      tagsCreated: 1,
      words: 200,
      seconds: 0,
      failures: [bad, odd],
      warnings: ['f.txt: not valid UTF-8, decoded as Latin-1'],
    });
  });

  it('lists in a dry run the names the import would create', () => {
    const report = emptyReport(true);
    countCreated(report, { createdEntities: [{ kind: 'ORGANIZATION', name: 'Harbour Council' }], createdTags: ['Ferries'] });
    expect(report.wouldCreate).toEqual({ people: [], organizations: ['Harbour Council'], places: [], tags: ['Ferries'] });
    expect(report).toMatchObject({ dryRun: true, entitiesCreated: 1, organizationsCreated: 1, tagsCreated: 1 });
  });
});
