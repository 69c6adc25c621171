import { lookupKnown } from '../../src/extract/knowledge/knowledgeBase.js';

const ids = (form: string) => lookupKnown(form).map((m) => `${m.entry.id}${m.demonym ? '/demonym' : ''}`);

describe('lookupKnown', () => {
  it('finds a form exactly as written, and only so for one word', () => {
    expect(ids('NATO')).toEqual(['organization:nato']);
    expect(ids('UK')).toContain('country:GB');
    expect(ids('French')).toContain('country:FR/demonym');
    expect(ids('uk')).toEqual([]);
    expect(ids('Blorfistan')).toEqual([]);
  });

  it('reads a pronounceable acronym written as a word, where no form is written so', () => {
    expect(ids('Nato')).toEqual(['organization:nato']);
    expect(ids('NAto')).toEqual([]);
    // Written as a word in the knowledge base too: its own entry, once.
    expect(ids('Opec')).toEqual(['organization:opec']);
  });

  it('folds the case of multi-word forms only', () => {
    expect(ids('house of commons')).toEqual(ids('House of Commons'));
    expect(ids('House of Commons').length).toBeGreaterThan(0);
    expect(ids('united kingdom')).toContain('country:GB');
  });
});
