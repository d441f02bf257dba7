import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultLimits } from '#config/limits.ts';
import type { IndexedItem } from '#domain/search.ts';
import { extractMeeting } from '#ingest/extract-meeting.ts';
import { vocabularyWords } from '#language/compounds.ts';
import { splitSentences } from '#language/sentences.ts';
import { toIndexedItems } from '#search/indexed-item.ts';
import type { SearchIndex } from '#search/port.ts';
import { seededRandom } from './random.ts';

/** Real minutes to learn sentences, titles and bodies from. */
const SOURCES = ['test/fixtures/corpus/pdf', 'test/fixtures/corpus/extra/pdf'];
const BODIES = [
  'Økonomiudvalget',
  'Kommunalbestyrelsen',
  'Direktionen',
  'Teknik- og Miljøudvalget',
  'Børne- og Skoleudvalget',
  'Social- og Sundhedsudvalget',
];
const MUNICIPALITIES = [
  'Vesterlund Kommune',
  'Egholt Kommune',
  'Skovby Kommune',
  'Kærholm Kommune',
  'Norddjurs Kommune',
];
const OUTCOMES = [
  'approved',
  'approved',
  'approved',
  'noted',
  'recommended',
  'postponed',
  'discussed',
  'rejected',
] as const;
const SECTIONS = [
  ['Sagsfremstilling', 'presentation'],
  ['Økonomi', 'money'],
  ['Indstilling', 'recommendation'],
] as const;
const ITEMS_PER_DOCUMENT = 12;
/**
 * The share of items that take a sentence, a decision or a title from the real corpus. The corpus
 * is five Direktionen meetings about sickness absence; drawn into every item, "sygefravær" would
 * stand in a quarter of a 100,000-item archive instead of the few per cent it has in a real one.
 */
const CORPUS_SHARE = 0.1;

export interface Pool {
  readonly sentences: readonly string[];
  readonly titles: readonly string[];
  readonly decisions: readonly string[];
  /** Danish words in a fixed random order: rank 1 is the most frequent (Zipf). */
  readonly words: readonly string[];
}

export interface SyntheticDocument {
  readonly documentId: string;
  readonly items: IndexedItem[];
}

/** Sentences, titles and decisions of the real corpus: the material generated minutes are made of. */
export async function corpusPool(): Promise<Pool> {
  const items: IndexedItem[] = [];
  for (const dir of SOURCES) {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      const doc = await extractMeeting(new Uint8Array(readFileSync(file)), file, defaultLimits);
      items.push(...toIndexedItems(doc, { documentId: name, key: name }));
    }
  }
  return {
    sentences: items
      .flatMap((i) => i.sections.flatMap((s) => splitSentences(s.text).map((x) => x.text)))
      .filter((t) => t.length > 30),
    titles: items.map((i) => i.item.title),
    decisions: items.flatMap((i) => (i.decision ? [i.decision.text] : [])),
    words: shuffle(vocabularyWords(), seededRandom(11)),
  };
}

function shuffle<T>(list: T[], random: () => number): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j] as T, list[i] as T];
  }
  return list;
}

/** Zipf's law over ranks 1..n (s = 1): frequent words often, the long tail rarely, as in real text. */
function zipf(random: () => number, n: number): number {
  // Inverse of the continuous approximation of the harmonic CDF.
  return Math.min(n - 1, Math.floor(Math.exp(random() * Math.log(n + 1)) - 1));
}

/**
 * Generated minutes at scale: documents of 12 items, some with a sentence, title or decision of
 * the real corpus (CORPUS_SHARE) and otherwise sentences of Danish words drawn by Zipf's law from
 * the 100,000-word vocabulary, so that term frequencies are those of a large archive (a topic word
 * is rare, not in every item); spread over bodies, municipalities and ten years of dates.
 * Summaries are the first sentences (making them properly is ingest's cost, not the index's).
 */
export function* syntheticDocuments(pool: Pool, items: number, seed = 7): Generator<SyntheticDocument> {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  for (let d = 0; d * ITEMS_PER_DOCUMENT < items; d++) {
    const documentId = `synthetic-${d}`;
    const date = new Date(Date.UTC(2015, 0, 1) + Math.floor(random() * 3650) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const meeting = {
      id: documentId,
      body: pick(BODIES),
      municipality: pick(MUNICIPALITIES),
      date,
      kind: 'minutes' as const,
      start: null,
      end: null,
      location: null,
    };
    const count = Math.min(ITEMS_PER_DOCUMENT, items - d * ITEMS_PER_DOCUMENT);
    const documentItems = Array.from({ length: count }, (_, position): IndexedItem => {
      const generated = () => {
        const length = 8 + Math.floor(random() * 14);
        const text = Array.from({ length }, () => pool.words[zipf(random, pool.words.length)]).join(' ');
        return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
      };
      const sections = SECTIONS.map(([heading, kind], s) => {
        const sentences = Array.from({ length: 2 + Math.floor(random() * 5) }, generated);
        // One real sentence per item keeps the corpus's own phrases in the mix.
        if (s === 0 && random() < CORPUS_SHARE) sentences.splice(1, 0, pick(pool.sentences));
        return { heading, kind, text: sentences.join(' '), page: 1 + position, pages: [1 + position] };
      });
      const decision = random() < CORPUS_SHARE ? pick(pool.decisions) : generated();
      return {
        id: `${documentId}:${position}`,
        documentId,
        key: `${documentId}.pdf`,
        meeting,
        item: {
          number: position + 1,
          title:
            random() < CORPUS_SHARE
              ? pick(pool.titles)
              : generated()
                  .slice(0, 60)
                  .replace(/[. ]+$/, ''),
          access: 'open',
          caseNumber: `${date.slice(2, 4)}/${10000 + d}`,
          position,
        },
        decision: { date, text: decision, outcome: pick(OUTCOMES), votes: null, page: 1 + position },
        recommendation: null,
        sections,
        summary: [
          { text: sections[0]?.text.split('. ')[0] ?? '', page: 1 + position, section: 'Sagsfremstilling' },
        ].filter((s) => s.text),
        pages: { first: 1 + position, last: 1 + position },
        absent: [],
        attachments: [],
        format: 'pdf' as const,
      };
    });
    yield { documentId, items: documentItems };
  }
}

/** Writes `items` generated items into the index, document by document, as syntheticDocuments makes them. */
export async function fillIndex(index: SearchIndex, pool: Pool, items: number): Promise<void> {
  for (const document of syntheticDocuments(pool, items)) {
    await index.replaceDocument(document.documentId, document.items);
  }
}
