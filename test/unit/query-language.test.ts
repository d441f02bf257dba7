import { describe, expect, it } from 'vitest';
import { isStopWord, stem, tokenize } from '#language/analyze.ts';
import { matchesFully, phraseCounts, phrasePattern, planSearch } from '#search/plan.ts';
import { parseQuery } from '#search/query-language.ts';
import { MALFORMED_FRAVÆR } from '#test/support/malformed-queries.ts';

const word = (text: string) => ({ kind: 'word', text });
const prefix = (text: string) => ({ kind: 'prefix', text });
const phrase = (...words: string[]) => ({ kind: 'phrase', words });
const caseNumber = (...words: string[]) => ({ kind: 'case', words });

describe('the query language', () => {
  it('reads words, stop words out, each a group of its own', () => {
    expect(parseQuery('Fokus på sygefravær')).toEqual({
      groups: [[word('fokus')], [word('sygefravær')]],
      excluded: [],
    });
  });

  it('reads a phrase with its stop words inside, not at its ends', () => {
    expect(parseQuery('"salg af ejendommen" skolevej')).toEqual({
      groups: [[phrase('salg', 'af', 'ejendommen')], [word('skolevej')]],
      excluded: [],
    });
    expect(parseQuery('"af salg i"').groups).toEqual([[phrase('salg')]]);
    expect(parseQuery('"og i"')).toEqual({ groups: [], excluded: [] });
  });

  it('reads minus before a word, a phrase or a prefix as exclusion', () => {
    expect(parseQuery('budget -anlæg -"taget til efterretning" -lokal*')).toEqual({
      groups: [[word('budget')]],
      excluded: [word('anlæg'), phrase('taget', 'til', 'efterretning'), prefix('lokal')],
    });
  });

  it('reads a star after a word as a prefix, of two letters or more', () => {
    expect(parseQuery('lokalpl* a*').groups).toEqual([[prefix('lokalpl')], [word('a')]]);
    expect(parseQuery('Vester*lund*').groups).toEqual([[word('vester')], [prefix('lund')]]);
  });

  it('joins the terms on both sides of OR into one group, chains too', () => {
    expect(parseQuery('kystsikring OR klimatilpasning OR "højt vand" budget').groups).toEqual([
      [word('kystsikring'), word('klimatilpasning'), phrase('højt', 'vand')],
      [word('budget')],
    ]);
    // Lower case "or" is a word.
    expect(parseQuery('a or b').groups).toEqual([[word('a')], [word('or')], [word('b')]]);
  });

  it('reads a case number in any of its forms as one term', () => {
    expect(parseQuery('24/16905').groups).toEqual([[caseNumber('24/16905')]]);
    expect(parseQuery('25-002921').groups).toEqual([[caseNumber('25-002921')]]);
    expect(parseQuery('EMN-2024-123').groups).toEqual([[caseNumber('emn', '2024-123')]]);
    expect(parseQuery('sag emn-2025-003383.').groups).toEqual([
      [word('sag')],
      [caseNumber('emn', '2025-003383')],
    ]);
  });

  it('degrades malformed syntax to words, and never fails', () => {
    const fravær = parseQuery('fravær');
    for (const q of MALFORMED_FRAVÆR) expect({ q, parsed: parseQuery(q) }).toEqual({ q, parsed: fravær });
    for (const q of ['', '-', '*', '"', 'OR', '-*', '""', '" "', 'OR OR', '- -'])
      expect({ q, parsed: parseQuery(q) }).toEqual({ q, parsed: { groups: [], excluded: [] } });
    // An OR next to an exclusion joins nothing.
    expect(parseQuery('a OR -b c')).toEqual({ groups: [[word('a')], [word('c')]], excluded: [word('b')] });
  });
});

describe('the search plan', () => {
  it('scores the positive words, phrases and case numbers; not prefixes or exclusions', () => {
    const plan = planSearch('"salg af ejendommen" lokal* 24/16905 ejendomssalg -skole');
    expect(plan.scoringText).toBe('salg af ejendommen 24/16905 ejendomssalg');
    expect(plan.terms).toEqual(['salg', 'ejendom', '24/16905', 'ejendomssalg']);
    expect(plan.compounds).toEqual([['ejendom', 'salg']]);
    expect(plan.positional).toBe(true);
    expect(planSearch('-skole').searchable).toBe(false);
  });

  it('matches a phrase with the stop words as gaps, as Lucene positions them', () => {
    const fields = (title: string) => ({ title, decision: '', body: '' });
    const full = (q: string, title: string) => matchesFully(fields(title), planSearch(q));
    expect(full('"salg af ejendommen"', 'Salg af ejendommen')).toBe(true);
    expect(full('"salg af ejendommen"', 'Salg i ejendommen')).toBe(true);
    expect(full('"salg af ejendommen"', 'Salg ejendommen')).toBe(false);
    expect(full('"salg ejendommen"', 'Salg af ejendommen')).toBe(false);
    expect(full('"ejendommen salg"', 'Salg ejendommen')).toBe(false);
    expect(full('"salg ejendommen" -skolevej', 'Salg ejendommen Skolevej')).toBe(false);
    expect(full('24/16905', 'Personalesag 24/16905')).toBe(true);
  });

  it('scores the words of a plain query as a phrase, syntax and single words not', () => {
    expect(planSearch('akutpladser på plejecenter').proximity).toEqual(['akutpladser', 'på', 'plejecenter']);
    for (const q of ['akutpladser', 'og akutpladser', '"akutpladser plejecenter"', 'akut* plejecenter'])
      expect(planSearch(q).proximity).toBeNull();
    for (const q of ['akutpladser OR plejecenter', 'akutpladser -plejecenter', 'plejecenter 24/16905'])
      expect(planSearch(q).proximity).toBeNull();
  });

  it('counts a phrase in each field as Lucene counts its places', () => {
    const fields = {
      title: 'Salg af ejendommen',
      decision: 'Salg i ejendommen godkendt; salg ejendommen nej; salg nye ejendommen',
      body: '',
    };
    expect(phraseCounts(fields, phrasePattern(['salg', 'af', 'ejendommen']))).toEqual({
      title: 1,
      decision: 2,
      body: 0,
    });
    expect(phraseCounts(fields, phrasePattern(['salg', 'ejendommen']))).toEqual({
      title: 0,
      decision: 1,
      body: 0,
    });
  });

  it('counts a phrase where it starts a word only, however long the text, as whole tokenizing does', () => {
    const text = [
      'Sygefraværspolitik og fraværspolitikken: fravær politik, fravær-politik, 24/2025 2025 budget.',
      'x'.repeat(600),
      'Fravær  politik\tfravær i politik; ufravær politik fravær',
    ].join(' ');
    const count = (...words: string[]) =>
      phraseCounts({ title: '', decision: '', body: text }, phrasePattern(words)).body;
    expect(count('fravær', 'politik')).toBe(3);
    expect(count('fravær', 'i', 'politik')).toBe(1);
    expect(count('2025', 'budget')).toBe(1);
    // Every two and three neighbouring words of the text: as counting over all its stems.
    const stems = tokenize(text).map(({ term }) => (isStopWord(term) ? null : stem(term)));
    const reference = (phrase: string[]) => {
      const pattern = phrasePattern(phrase);
      return stems.filter((_, at) => pattern.every((p) => stems[at + p.offset] === p.stem)).length;
    };
    const words = tokenize(text).map((t) => t.term);
    for (let i = 0; i + 2 < words.length; i++) {
      for (const phrase of [words.slice(i, i + 2), words.slice(i, i + 3)]) {
        if (phrasePattern(phrase).length > 0) expect(count(...phrase)).toBe(reference(phrase));
      }
    }
  });
});
