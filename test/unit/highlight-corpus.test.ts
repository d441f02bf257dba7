import { beforeAll, describe, expect, it } from 'vitest';
import { type IndexedItem, SearchQuery, type SearchResult } from '#domain/search.ts';
import { tokenize } from '#language/analyze.ts';
import { splitCompound } from '#language/compounds.ts';
import { SqliteSearchIndex } from '#search/sqlite/sqlite-index.ts';
import { indexedItem } from '#test/support/indexed-items.ts';
import { corpusDocuments, corpusFolders, gradedQueries } from '../../scripts/lib/search-eval.ts';

/**
 * Property over the corpus: every hit of every query says why it matched. The corpus's graded
 * queries, every case number in it, and the parts of the compounds in its titles, each searched
 * to its last page.
 */
const CORPUS = 'test/fixtures/corpus';

let index: SqliteSearchIndex;
const items: IndexedItem[] = [];
const queries: string[] = [];

beforeAll(async () => {
  index = SqliteSearchIndex.open(':memory:');
  for (const { documentId, items: its } of await corpusDocuments(corpusFolders(CORPUS).everything)) {
    await index.replaceDocument(documentId, its);
    items.push(...its);
  }
  // A hostile item among them: its text must come back escaped.
  const hostile = indexedItem({
    documentId: 'hostile',
    title: 'Havn <script>alert("x")</script>',
    text: 'Havnen <img src=x onerror=alert(1)> og <mark>sygefravær</mark> & byen.',
    caseNumber: '<b>99/1</b>',
  });
  await index.replaceDocument('hostile', [hostile]);
  items.push(hostile);
  const { seeds, extra } = gradedQueries(CORPUS);
  const caseNumbers = new Set(items.map((i) => i.item.caseNumber).filter((c): c is string => !!c));
  // The parts of the titles' compounds: queries that find items through a part of a longer word.
  const parts = new Set(
    items.flatMap((i) => tokenize(i.item.title).flatMap((t) => splitCompound(t.term) ?? [])),
  );
  queries.push(
    'script alert',
    'img',
    'mark',
    ...new Set([...seeds, ...extra].map((q) => q.q)),
    ...caseNumbers,
    ...[...parts].sort(),
  );
}, 120_000);

async function everyHit(q: string): Promise<SearchResult['results']> {
  const hits: SearchResult['results'] = [];
  for (let page = 1; ; page++) {
    const result = await index.search(SearchQuery.parse({ q, size: 100, page }));
    hits.push(...result.results);
    if (hits.length >= result.total || result.results.length === 0) return hits;
  }
}

describe('highlights over the corpus', () => {
  it('gives every hit of every query a marked passage, and no markup but <mark>', async () => {
    expect(queries.length).toBeGreaterThan(100);
    const byId = new Map(items.map((i) => [i.id, i]));
    let hits = 0;
    const unexplained: string[] = [];
    for (const q of queries) {
      for (const hit of await everyHit(q)) {
        hits++;
        if (!hit.highlights.some((h) => h.includes('<mark>'))) unexplained.push(`${q} → ${hit.item.title}`);
        for (const html of hit.highlights) {
          expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
          expect(html).toMatch(/^(?:[^<]|<mark>[^<]+<\/mark>)*$/);
        }
        const item = byId.get(hit.id);
        if (item?.item.access === 'closed') {
          // A closed item shows its title or case number, nothing else.
          const shown = [item.item.title, `Sagsnr. ${item.item.caseNumber}`];
          for (const html of hit.highlights) expect(shown).toContain(readable(html));
        }
      }
    }
    expect(unexplained).toEqual([]);
    expect(hits).toBeGreaterThan(500);
  });

  it('keeps a hostile item’s markup escaped', async () => {
    const [hit] = await everyHit('script alert');
    expect(hit?.highlights[0]).toBe(
      'Havn &lt;<mark>script</mark>&gt;<mark>alert</mark>(&quot;x&quot;)&lt;/<mark>script</mark>&gt;',
    );
    const [marked] = await everyHit('mark');
    expect(marked?.highlights).toEqual([
      'Havnen &lt;img src=x onerror=alert(1)&gt; og &lt;<mark>mark</mark>&gt;sygefravær&lt;/<mark>mark</mark>&gt; &amp; byen.',
    ]);
  });
});

/** A highlight's text as it reads: marks out, entities back. */
function readable(html: string): string {
  return html
    .replace(/<\/?mark>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
