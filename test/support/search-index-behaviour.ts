import { beforeEach, describe, expect, it } from 'vitest';
import type { Votes } from '#domain/meeting.ts';
import { type IndexedItem, RESULT_WINDOW, SearchQuery } from '#domain/search.ts';
import type { SearchIndex } from '#search/port.ts';
import { MALFORMED_FRAVÆR } from '#test/support/malformed-queries.ts';
import { caseMembersBehaviour } from './case-members-behaviour.ts';
import { indexedItem } from './indexed-items.ts';
import { matchBatchesBehaviour } from './match-batches-behaviour.ts';

const query = (input: Record<string, unknown>) => SearchQuery.parse(input);

/** The documents every adapter's behaviour is checked on. */
export const BEHAVIOUR_DOCUMENTS: Record<string, IndexedItem[]> = {
  'doc-a': [
    indexedItem({
      documentId: 'doc-a',
      position: 0,
      title: 'Fokus på sygefravær',
      text: 'Sygefraværet steg i 2024.',
      decision: 'Direktionen drøftede sagen.',
      outcome: 'discussed',
      date: '2025-02-05',
      body: 'Direktionen',
    }),
    indexedItem({
      documentId: 'doc-a',
      position: 1,
      title: 'Fravær og trivsel',
      text: 'Fravær blandt ledere.',
      decision: 'Godkendt.',
      date: '2025-02-05',
      body: 'Direktionen',
    }),
    indexedItem({
      documentId: 'doc-a',
      position: 2,
      title: 'Personalesag',
      access: 'closed',
      caseNumber: '24/16905',
      date: '2025-02-05',
      body: 'Direktionen',
    }),
  ],
  'doc-b': [
    indexedItem({
      documentId: 'doc-b',
      position: 0,
      title: 'Lokalplan for Grenaa Havn',
      text: 'Planen om havnen & byen <nord>.',
      decision: 'Anbefales.',
      outcome: 'recommended',
      date: '2024-06-11',
      municipality: 'Norddjurs Kommune',
    }),
    indexedItem({
      documentId: 'doc-b',
      position: 1,
      title: 'Stressforebyggende samtaleforløb',
      text: 'Forløb mod stress og fravær.',
      decision: 'Sagen udsættes.',
      outcome: 'postponed',
      date: '2024-06-11',
      municipality: 'Norddjurs Kommune',
    }),
  ],
};

/**
 * A municipality and its bodies as people write them: the city council with and without its
 * election term, the municipality in two cases; one item of another body, and one of another
 * municipality.
 */
const GREVE: IndexedItem[] = (
  [
    ['Vintertjeneste på cykelstier', 'Byrådet', 'Greve Kommune'],
    ['Vintertjeneste og saltning', 'Byråd 2022-2025', 'greve kommune'],
    ['Vintertjeneste, ny plan', 'Byråd 2022-2025', 'Greve Kommune'],
    ['Vintertjeneste i Mosede', 'Teknisk Udvalg', 'Norddjurs Kommune'],
  ] as const
).map(([title, body, municipality], position) =>
  indexedItem({ documentId: 'greve', position, title, body, municipality, date: `2022-0${position + 1}-10` }),
);

/**
 * What every SearchIndex adapter must do, whatever the engine. Run against each adapter that can
 * answer real queries (SQLite here, OpenSearch in the live suite).
 */
export function searchIndexBehaviour(name: string, open: () => Promise<SearchIndex>): void {
  describe(`${name}: the SearchIndex behaviour`, () => {
    let index: SearchIndex;

    beforeEach(async () => {
      index = await open();
      for (const [documentId, items] of Object.entries(BEHAVIOUR_DOCUMENTS))
        await index.replaceDocument(documentId, items);
    });

    const titles = async (input: Record<string, unknown>) =>
      (await index.search(query(input))).results.map((r) => r.item.title);

    it('finds items by their words and ranks the title above the text', async () => {
      expect(await titles({ q: 'trivsel' })).toEqual(['Fravær og trivsel']);
      expect((await titles({ q: 'fravær' }))[0]).toBe('Fravær og trivsel');
    });

    it('finds compounds by their parts, below the exact word', async () => {
      const found = await titles({ q: 'fravær' });
      // The exact word in a title first; a compound in a title weighs more than the word in the text.
      expect(found).toEqual(['Fravær og trivsel', 'Fokus på sygefravær', 'Stressforebyggende samtaleforløb']);
      expect(await titles({ q: 'stress' })).toEqual(['Stressforebyggende samtaleforløb']);
    });

    it('never finds a word by the parts of a name, but a compound that begins a sentence has them', async () => {
      await index.replaceDocument('names', [
        indexedItem({
          documentId: 'names',
          position: 0,
          title: 'Trafikplan for Karlslundevej',
          text: 'Borgmester Ole Vesterlund orienterede. Vejbelysningen på strækningen skiftes.',
          date: '2025-03-04',
        }),
      ]);
      // "lund" and "lunde" are parts of the names, "belysning" of a word that begins a sentence.
      for (const q of ['lund', 'lunde']) expect((await index.search(query({ q }))).total).toBe(0);
      expect(await titles({ q: 'belysning' })).toEqual(['Trafikplan for Karlslundevej']);
      expect(await titles({ q: 'vesterlund' })).toEqual(['Trafikplan for Karlslundevej']);
    });

    it('finds a case number and searches a closed item by its title only', async () => {
      expect(await titles({ q: '24/16905' })).toEqual(['Personalesag']);
      const [closed] = (await index.search(query({ q: 'personalesag' }))).results;
      expect(closed).toMatchObject({ item: { access: 'closed' }, decision: null, summary: [] });
    });

    it('filters by date range, body, municipality, outcome, access and case number', async () => {
      expect(await titles({ q: 'fravær', from: '2025-01-01' })).toEqual([
        'Fravær og trivsel',
        'Fokus på sygefravær',
      ]);
      expect(await titles({ q: 'fravær', to: '2024-12-31' })).toEqual(['Stressforebyggende samtaleforløb']);
      expect(await titles({ q: 'fravær', body: 'direktionen' })).toHaveLength(2);
      expect(await titles({ q: 'fravær', body: 'økonomiudvalget' })).toEqual([
        'Stressforebyggende samtaleforløb',
      ]);
      expect(await titles({ municipality: 'Norddjurs Kommune' })).toHaveLength(2);
      expect(await titles({ outcome: 'postponed' })).toEqual(['Stressforebyggende samtaleforløb']);
      expect(await titles({ access: 'closed' })).toEqual(['Personalesag']);
      expect(await titles({ caseNumber: '24/16905' })).toEqual(['Personalesag']);
    });

    it('filters what its words find as it filters every item, and an item without a date by no date', async () => {
      const undated = indexedItem({
        documentId: 'undated',
        title: 'Fravær uden mødedato',
        decision: 'Godkendt.',
      });
      await index.replaceDocument('undated', [{ ...undated, meeting: { ...undated.meeting, date: null } }]);
      await index.replaceDocument('greve', GREVE);
      const ids = async (input: Record<string, unknown>) =>
        (await index.search(query({ ...input, size: 100 }))).results.map((r) => `${r.id} ${r.match}`).sort();
      const filters = [
        { from: '2025-01-01' },
        { to: '2024-12-31' },
        { from: '2022-02-01', to: '2024-06-11' },
        { body: 'byråd' },
        { municipality: 'GREVE' },
        { outcome: 'approved' },
        { outcome: 'postponed' },
        { access: 'closed' },
        { body: 'direktionen', outcome: 'discussed', from: '2025-02-05' },
      ];
      for (const q of ['fravær', 'vintertjeneste', 'godkendt', 'personalesag']) {
        const found = await ids({ q });
        for (const filter of filters) {
          const every = new Set((await ids(filter)).map((hit) => hit.split(' ')[0]));
          expect({ q, filter, found: await ids({ q, ...filter }) }).toEqual({
            q,
            filter,
            found: found.filter((hit) => every.has(hit.split(' ')[0])),
          });
        }
      }
      expect(await titles({ q: 'mødedato' })).toEqual(['Fravær uden mødedato']);
      for (const dates of [{ from: '1900-01-01' }, { to: '2999-12-31' }])
        expect(await titles({ q: 'mødedato', ...dates })).toEqual([]);
    });

    it('sorts by date, pages through results and counts facets over all matches', async () => {
      const first = await index.search(query({ sort: 'date', size: 2 }));
      expect(first.total).toBe(5);
      expect(first.results.map((r) => r.meeting.date)).toEqual(['2025-02-05', '2025-02-05']);
      const third = await index.search(query({ sort: 'date', size: 2, page: 3 }));
      expect(third.results.map((r) => r.meeting.date)).toEqual(['2024-06-11']);
      const fravær = await index.search(query({ q: 'fravær' }));
      expect(fravær.facets).toEqual({
        body: { Direktionen: 2, Økonomiudvalget: 1 },
        year: { '2025': 2, '2024': 1 },
        outcome: { approved: 1, discussed: 1, postponed: 1 },
        municipality: { 'Vesterlund Kommune': 2, 'Norddjurs Kommune': 1 },
      });
    });

    it('answers the last page the query allows, the 10,000th hit, with words and without', async () => {
      for (const q of ['', 'fravær', 'fravær sygefravær']) {
        const last = await index.search(query({ q, page: RESULT_WINDOW / 100, size: 100 }));
        expect(last.total, q).toBe((await index.search(query({ q }))).total);
        expect(last.results).toEqual([]);
      }
    });

    it('marks the query words, compound parts too, in escaped fragments', async () => {
      const [hit] = (await index.search(query({ q: 'sygefravær' }))).results;
      expect(hit?.highlights).toContain('Fokus på <mark>sygefravær</mark>');
      const parts = (await index.search(query({ q: 'fravær' }))).results.find(
        (r) => r.item.title === 'Fokus på sygefravær',
      );
      expect(parts?.highlights).toContain('Fokus på syge<mark>fravær</mark>');
      const escaped = (await index.search(query({ q: 'havnen' }))).results[0];
      expect(escaped?.highlights).toEqual([
        'Lokalplan for Grenaa <mark>Havn</mark>',
        'Planen om <mark>havnen</mark> &amp; byen &lt;nord&gt;.',
      ]);
    });

    it('replaces a document on a new version and deletes it', async () => {
      await index.replaceDocument('doc-b', [
        indexedItem({ documentId: 'doc-b', title: 'Lokalplan for Grenaa Havn, ny udgave' }),
      ]);
      expect(await titles({ q: 'lokalplan' })).toEqual(['Lokalplan for Grenaa Havn, ny udgave']);
      await index.deleteDocument('doc-b');
      expect(await titles({ q: 'lokalplan' })).toEqual([]);
      expect(await index.get('doc-b:0')).toBeNull();
    });

    it('never finds more with a filter than the facet of the same words promised', async () => {
      // Many exact "lokalplan" items, one of them in Teknikudvalget, and two Teknikudvalget items
      // with the parts only: partial matches, never counted.
      const exact = Array.from({ length: 22 }, (_, position) =>
        indexedItem({ documentId: 'plans', position, title: `Lokalplan nr. ${position + 1}` }),
      );
      await index.replaceDocument('plans', exact);
      await index.replaceDocument('teknik', [
        indexedItem({
          documentId: 'teknik',
          position: 0,
          title: 'Lokalplan for havnen',
          body: 'Teknikudvalget',
        }),
        indexedItem({
          documentId: 'teknik',
          position: 1,
          title: 'Plan for lokal trafik',
          body: 'Teknikudvalget',
        }),
        indexedItem({
          documentId: 'teknik',
          position: 2,
          title: 'Lokal plan for stier',
          body: 'Teknikudvalget',
        }),
      ]);
      const all = await index.search(query({ q: 'lokalplan' }));
      const filtered = await index.search(query({ q: 'lokalplan', body: 'Teknikudvalget' }));
      expect(all.facets.body.Teknikudvalget).toBe(1);
      expect(all.partialTotal).toBe(0);
      expect(filtered.total).toBe(1);
      expect(filtered.results.map((r) => [r.item.title, r.match])).toEqual([
        ['Lokalplan for havnen', 'full'],
        ['Plan for lokal trafik', 'partial'],
        ['Lokal plan for stier', 'partial'],
      ]);
      expect(filtered.partialTotal).toBe(2);
    });

    const tiers = async (input: Record<string, unknown>) =>
      (await index.search(query(input))).results.map((r) => [r.item.title, r.match]);

    it('counts only full matches, every word in them, and offers the partial ones after them', async () => {
      const result = await index.search(query({ q: 'trivsel fravær' }));
      expect(result.total).toBe(1);
      expect(result.partialTotal).toBe(2);
      expect(result.suggestion).toBeNull();
      expect(result.results.map((r) => [r.item.title, r.match])).toEqual([
        ['Fravær og trivsel', 'full'],
        ['Fokus på sygefravær', 'partial'],
        ['Stressforebyggende samtaleforløb', 'partial'],
      ]);
      // Every hit says why it matched, partial ones too.
      expect(result.results.every((r) => r.highlights.some((h) => h.includes('<mark>')))).toBe(true);
      // The facets count the full match only.
      expect(result.facets).toEqual({
        body: { Direktionen: 1 },
        year: { '2025': 1 },
        outcome: { approved: 1 },
        municipality: { 'Vesterlund Kommune': 1 },
      });
      // A word found only as a whole part of a compound is a full match.
      expect(await tiers({ q: 'fravær' })).toEqual([
        ['Fravær og trivsel', 'full'],
        ['Fokus på sygefravær', 'full'],
        ['Stressforebyggende samtaleforløb', 'full'],
      ]);
    });

    it('puts partial matches after every full match when sorting by date too', async () => {
      expect(await tiers({ q: 'stress fravær', sort: 'date' })).toEqual([
        ['Stressforebyggende samtaleforløb', 'full'],
        ['Fokus på sygefravær', 'partial'],
        ['Fravær og trivsel', 'partial'],
      ]);
      const second = await index.search(query({ q: 'stress fravær', sort: 'date', size: 2, page: 2 }));
      expect(second.results.map((r) => [r.item.title, r.match])).toEqual([['Fravær og trivsel', 'partial']]);
      expect(second).toMatchObject({ total: 1, partialTotal: 2 });
    });

    it('offers partial matches only while the full ones are fewer than 10', async () => {
      const many = Array.from({ length: 10 }, (_, position) =>
        indexedItem({ documentId: 'many', position, title: `Trivsel og fravær ${position + 1}` }),
      );
      await index.replaceDocument('many', many);
      const result = await index.search(query({ q: 'trivsel fravær', size: 20 }));
      expect(result).toMatchObject({ total: 11, partialTotal: 0 });
      expect(result.results.every((r) => r.match === 'full')).toBe(true);
    });

    it('finds a phrase: its words in order, any word where the query has a stop word, none where it has none', async () => {
      await index.replaceDocument('salg', [
        indexedItem({ documentId: 'salg', position: 0, title: 'Salg af ejendommen Skolevej 4' }),
        indexedItem({ documentId: 'salg', position: 1, title: 'Ejendommen og salg' }),
        indexedItem({ documentId: 'salg', position: 2, title: 'Salg ejendommen' }),
        indexedItem({ documentId: 'salg', position: 3, title: 'Salg nye ejendommen' }),
      ]);
      // The gap the query's stop word leaves is a place: any word of the text may stand in it.
      expect(await tiers({ q: '"salg af ejendommen"' })).toEqual([
        ['Salg nye ejendommen', 'full'],
        ['Salg af ejendommen Skolevej 4', 'full'],
        ['Ejendommen og salg', 'partial'],
        ['Salg ejendommen', 'partial'],
      ]);
      // Another stop word in the same place matches, as OpenSearch's positions have it.
      expect((await index.search(query({ q: '"salg i ejendommen"' }))).total).toBe(2);
      expect((await tiers({ q: '"salg ejendommen"' })).filter(([, m]) => m === 'full')).toEqual([
        ['Salg ejendommen', 'full'],
      ]);
      expect((await tiers({ q: '"ejendommen salg"' })).filter(([, m]) => m === 'full')).toEqual([]);
      // A phrase of one word is that word exactly, not a part of a compound.
      expect(await tiers({ q: '"fravær" stress' })).toEqual([
        ['Stressforebyggende samtaleforløb', 'full'],
        ['Fravær og trivsel', 'partial'],
        ['Fokus på sygefravær', 'partial'],
      ]);
      expect((await index.search(query({ q: '"fravær" sygefravær' }))).total).toBe(0);
    });

    it('ranks the items that have the words of a plain query as a phrase first', async () => {
      await index.replaceDocument('akut', [
        indexedItem({ documentId: 'akut', position: 0, title: 'Plejecenter og akutpladser Tune' }),
        indexedItem({ documentId: 'akut', position: 1, title: 'Akutpladser på plejecenter Tune' }),
        indexedItem({ documentId: 'akut', position: 2, title: 'Akutpladser plejecenter Tune' }),
      ]);
      // Equal but for the order of the words: the phrase as written goes first, stop word or not.
      expect(await titles({ q: 'akutpladser plejecenter' })).toEqual([
        'Akutpladser plejecenter Tune',
        'Plejecenter og akutpladser Tune',
        'Akutpladser på plejecenter Tune',
      ]);
      expect((await titles({ q: 'akutpladser på plejecenter' }))[0]).toBe('Akutpladser på plejecenter Tune');
      expect((await titles({ q: 'plejecenter og akutpladser' }))[0]).toBe('Plejecenter og akutpladser Tune');
      // No item has these as a phrase: equal scores, so agenda order.
      expect(await titles({ q: 'plejecenter akutpladser' })).toEqual([
        'Plejecenter og akutpladser Tune',
        'Akutpladser på plejecenter Tune',
        'Akutpladser plejecenter Tune',
      ]);
    });

    it('excludes a word with a minus, compounds with it too', async () => {
      expect(await tiers({ q: 'fravær -trivsel' })).toEqual([
        ['Fokus på sygefravær', 'full'],
        ['Stressforebyggende samtaleforløb', 'full'],
      ]);
      expect(await tiers({ q: 'fravær -stress' })).toEqual([
        ['Fravær og trivsel', 'full'],
        ['Fokus på sygefravær', 'full'],
      ]);
      expect(await titles({ q: 'fravær -"og trivsel" -stress' })).toEqual(['Fokus på sygefravær']);
      // An excluded phrase takes partial matches away too, and only those that have it.
      const partial = async (q: string) =>
        (await tiers({ q })).filter(([, tier]) => tier === 'partial').map(([title]) => title);
      expect(await partial('fravær trivsel')).toContain('Fokus på sygefravær');
      expect(await partial('fravær trivsel -"fokus på sygefravær"')).toEqual(
        (await partial('fravær trivsel')).filter((title) => title !== 'Fokus på sygefravær'),
      );
      // Exclusions alone ask for nothing.
      expect((await index.search(query({ q: '-fravær' }))).total).toBe(0);
    });

    it('finds a prefix among the words of the text', async () => {
      expect(await tiers({ q: 'lokalpl*' })).toEqual([['Lokalplan for Grenaa Havn', 'full']]);
      const [prefixed] = (await index.search(query({ q: 'lokalpl*' }))).results;
      expect(prefixed?.highlights).toContain('<mark>Lokalplan</mark> for Grenaa Havn');
      expect(await titles({ q: 'sygefr*' })).toEqual(['Fokus på sygefravær']);
      expect(await titles({ q: 'stress*' })).toEqual(['Stressforebyggende samtaleforløb']);
    });

    it('finds either side of OR', async () => {
      expect(await tiers({ q: 'trivsel OR stress' })).toEqual([
        ['Fravær og trivsel', 'full'],
        ['Stressforebyggende samtaleforløb', 'full'],
      ]);
      expect((await index.search(query({ q: 'trivsel OR stress fravær' }))).total).toBe(2);
      expect((await index.search(query({ q: 'trivsel OR stress lokalplan' }))).total).toBe(0);
    });

    it('finds a case number exactly, in any of its forms, and not where the text mentions it', async () => {
      await index.replaceDocument('cases', [
        indexedItem({ documentId: 'cases', position: 0, title: 'Vejnavne', caseNumber: 'EMN-2024-123' }),
        indexedItem({ documentId: 'cases', position: 1, title: 'Skolevej', caseNumber: '25-002921' }),
        indexedItem({
          documentId: 'cases',
          position: 2,
          title: 'Opfølgning',
          text: 'Se sag 24/16905 og 25-002921.',
        }),
      ]);
      expect(await tiers({ q: '24/16905' })).toEqual([['Personalesag', 'full']]);
      expect(await tiers({ q: '25-002921' })).toEqual([['Skolevej', 'full']]);
      expect(await tiers({ q: 'EMN-2024-123' })).toEqual([['Vejnavne', 'full']]);
      expect(await tiers({ q: 'emn-2024-123' })).toEqual([['Vejnavne', 'full']]);
    });

    it('finds the synonyms of a word too, below the word itself', async () => {
      await index.replaceDocument('synonyms', [
        indexedItem({ documentId: 'synonyms', position: 0, title: 'Sportshal renoveres' }),
        indexedItem({ documentId: 'synonyms', position: 1, title: 'Idrætshal renoveres' }),
        indexedItem({
          documentId: 'synonyms',
          position: 2,
          title: 'Pædagogisk psykologisk rådgivning, årsrapport',
        }),
      ]);
      expect(await tiers({ q: 'idrætshal' })).toEqual([
        ['Idrætshal renoveres', 'full'],
        ['Sportshal renoveres', 'full'],
      ]);
      // A synonym of several words is a phrase.
      expect(await tiers({ q: 'PPR årsrapport' })).toEqual([
        ['Pædagogisk psykologisk rådgivning, årsrapport', 'full'],
      ]);
      const [word, synonym] = (await index.search(query({ q: 'idrætshal' }))).results;
      expect(synonym?.score).toBeLessThan(word?.score ?? 0);
    });

    it('suggests another query only when the words find nothing at all', async () => {
      expect(await index.search(query({ q: 'sygefravar' }))).toMatchObject({
        total: 0,
        partialTotal: 0,
        suggestion: 'sygefravær',
      });
      expect((await index.search(query({ q: 'sygefravær' }))).suggestion).toBeNull();
      expect((await index.search(query({ q: 'trivsel lokalplan' }))).suggestion).toBeNull();
    });

    it('answers the longest queries the API takes: 500 characters of words, OR, prefixes, phrases', async () => {
      // Two-letter words the index does not have, and words it has, every way the syntax joins them.
      const made = Array.from({ length: 200 }, (_, i) => `q${String.fromCharCode(97 + (i % 26))}${i}`);
      const known = ['fravær', 'budget', 'lokalplan', 'sygefravær', 'trivsel'];
      const longest = (words: readonly string[], join: string) => {
        let q = '';
        for (const word of words) {
          const next = q ? `${q}${join}${word}` : word;
          if (next.length > 500) break;
          q = next;
        }
        return q;
      };
      const mixed = made.flatMap((word, i) => [word, known[i % known.length] as string]);
      for (const q of [
        longest(mixed, ' '),
        longest(mixed, ' OR '),
        longest(
          mixed.map((w) => `${w.slice(0, 3)}*`),
          ' OR ',
        ),
        longest(
          mixed.map((w, i) => (i % 2 ? `${w}"` : `"${w}`)),
          ' ',
        ),
        longest(
          mixed.map((w) => `-${w}`),
          ' ',
        ),
      ]) {
        const result = await index.search(query({ q }));
        expect(result.total, q).toBeGreaterThanOrEqual(0);
      }
    });

    it('reads malformed syntax as words, and never fails', async () => {
      for (const q of MALFORMED_FRAVÆR) {
        expect({ q, found: await tiers({ q }) }).toEqual({ q, found: await tiers({ q: 'fravær' }) });
      }
      for (const q of [
        '-',
        '*',
        '"',
        'OR',
        '-*',
        '""',
        '" "',
        '(',
        'NEAR(fravær',
        'fravær AND',
        '*fravær',
        'a*',
      ]) {
        expect((await index.search(query({ q }))).total).toBeGreaterThanOrEqual(0);
      }
      expect((await index.search(query({ q: '*' }))).total).toBe(0);
    });

    it('filters a body however it is written, and counts it under the name most of its items show', async () => {
      await index.replaceDocument('greve', GREVE);
      for (const body of ['Byrådet', 'Byråd', 'Byråd 2022-2025', 'byrådet', ' BYRÅD ', 'Byråd (2018-21)']) {
        expect({ body, found: await titles({ q: 'vintertjeneste', body, sort: 'date' }) }).toEqual({
          body,
          found: ['Vintertjeneste, ny plan', 'Vintertjeneste og saltning', 'Vintertjeneste på cykelstier'],
        });
      }
      expect(await titles({ q: 'vintertjeneste', body: 'Teknisk Udvalg' })).toEqual([
        'Vintertjeneste i Mosede',
      ]);
      expect(await titles({ q: 'vintertjeneste', body: 'Byrådets Udvalg' })).toEqual([]);
      const found = await index.search(query({ q: 'vintertjeneste' }));
      // "Byråd 2022-2025" twice is shown "Byråd"; "Byrådet" once.
      expect(found.facets.body).toEqual({ Byråd: 3, 'Teknisk Udvalg': 1 });
      expect(found.facets.municipality).toEqual({ 'Greve Kommune': 3, 'Norddjurs Kommune': 1 });
    });

    it('names a body or municipality written two ways as often by the first name', async () => {
      await index.replaceDocument('greve', GREVE.slice(1, 3));
      const found = await index.search(query({ q: 'vintertjeneste' }));
      expect(found.facets.body).toEqual({ Byråd: 2 });
      expect(found.facets.municipality).toEqual({ 'Greve Kommune': 2 });
    });

    it('filters a municipality with or without "Kommune", in any case, and counts it as a facet', async () => {
      await index.replaceDocument('greve', GREVE);
      for (const municipality of ['Greve Kommune', 'greve kommune', 'GREVE', 'Greve']) {
        expect({ municipality, total: (await index.search(query({ municipality }))).total }).toEqual({
          municipality,
          total: 3,
        });
      }
      expect((await index.search(query({ municipality: 'Greve Kommunes Byråd' }))).total).toBe(0);
      const norddjurs = await index.search(query({ municipality: 'norddjurs' }));
      expect(norddjurs.total).toBe(3);
      expect(norddjurs.facets.municipality).toEqual({ 'Norddjurs Kommune': 3 });
    });

    it('finds with a facet name as the filter exactly the items the facet counted', async () => {
      await index.replaceDocument('greve', GREVE);
      for (const q of ['', 'vintertjeneste', 'fravær']) {
        const { facets } = await index.search(query({ q }));
        for (const facet of ['body', 'municipality'] as const) {
          for (const [name, count] of Object.entries(facets[facet])) {
            const filtered = await index.search(query({ q, [facet]: name }));
            expect({ q, facet, name, total: filtered.total }).toEqual({ q, facet, name, total: count });
            expect(Object.values(filtered.facets[facet])).toEqual([count]);
          }
        }
      }
    });

    it("lists a document's items in agenda order", async () => {
      expect((await index.itemsOf('doc-a')).map((i) => i.item.title)).toEqual([
        'Fokus på sygefravær',
        'Fravær og trivsel',
        'Personalesag',
      ]);
      expect(await index.itemsOf('no-such')).toEqual([]);
    });

    it('gets an item by id', async () => {
      expect((await index.get('doc-a:1'))?.item.title).toBe('Fravær og trivsel');
      expect(await index.get('no-such:0')).toBeNull();
    });

    it('treats query syntax as words and a query of stop words as no match', async () => {
      for (const q of ['"fravær', 'fravær AND', 'NEAR(fravær', 'fravær*', '(', '-fravær', 'sygefravær OR'])
        expect((await index.search(query({ q }))).total).toBeGreaterThanOrEqual(0);
      expect((await index.search(query({ q: 'og i at' }))).total).toBe(0);
    });

    it('filters by how a decision was voted and by a party on any side of its vote', async () => {
      const side = (count: number | null, parties: string[]) => ({ count, parties });
      const voted = (position: number, title: string, decision: string, votes?: Votes) =>
        indexedItem({ documentId: 'votes', position, title, decision, votes, date: '2025-05-06' });
      await index.replaceDocument('votes', [
        voted(0, 'Budget med stemmer imod', 'Godkendt.', {
          for: side(21, ['A', 'V']),
          against: side(4, ['Ø']),
          abstained: null,
        }),
        voted(1, 'Budget med alle for', 'Godkendt.', {
          for: side(25, ['A', 'V', 'Ø']),
          against: null,
          abstained: null,
        }),
        voted(2, 'Budget anbefalet enstemmigt', 'Økonomiudvalget anbefaler enstemmigt.'),
        voted(3, 'Budget godkendt uden afstemning', 'Godkendt.'),
        voted(4, 'Budget med en der undlod', 'Godkendt.', {
          for: null,
          against: null,
          abstained: side(null, ['F']),
        }),
        voted(5, 'Budget med et flertal', 'Et flertal godkendte indstillingen.'),
        voted(6, 'Budget med nul imod', 'Vedtaget.', {
          for: side(13, []),
          against: side(0, []),
          abstained: null,
        }),
        indexedItem({ documentId: 'votes', position: 7, title: 'Budget lukket', access: 'closed' }),
      ]);
      const sorted = async (input: Record<string, unknown>) =>
        (await titles({ q: 'budget', ...input })).sort();
      expect(await sorted({ votes: 'split' })).toEqual([
        'Budget med en der undlod',
        'Budget med et flertal',
        'Budget med stemmer imod',
      ]);
      expect(await sorted({ votes: 'unanimous' })).toEqual([
        'Budget anbefalet enstemmigt',
        'Budget med alle for',
        'Budget med nul imod',
      ]);
      // A party by its letter in any case or by its name, on whichever side it voted.
      for (const party of ['Ø', 'ø', 'Enhedslisten']) {
        expect(await sorted({ party })).toEqual(['Budget med alle for', 'Budget med stemmer imod']);
      }
      expect(await sorted({ party: 'SF' })).toEqual(['Budget med en der undlod']);
      expect(await sorted({ party: 'Ø', votes: 'split' })).toEqual(['Budget med stemmer imod']);
      expect(await sorted({ party: 'K' })).toEqual([]);
      // Without words too (not the browsing shortcut), and the stored votes come back intact, on
      // the hit (the card shows them) as on the stored item.
      const split = await index.search(query({ votes: 'split', party: 'a' }));
      expect(split.total).toBe(1);
      expect(split.results[0]?.decision?.votes).toEqual({
        for: side(21, ['A', 'V']),
        against: side(4, ['Ø']),
        abstained: null,
      });
      expect((await index.search(query({ q: 'budget uden afstemning' }))).results[0]?.decision?.votes).toBe(
        null,
      );
      expect((await index.get('votes:0'))?.decision?.votes).toEqual({
        for: side(21, ['A', 'V']),
        against: side(4, ['Ø']),
        abstained: null,
      });
    });
  });
  matchBatchesBehaviour(name, open);
  caseMembersBehaviour(name, open);
}
