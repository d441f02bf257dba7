import { createHash } from 'node:crypto';
import { stem, tokenize } from '#language/analyze.ts';
import { bodyKey, displayBodyName } from '#language/body-names.ts';
import { valueAt } from '#lib/maps.ts';

/**
 * A body or municipality as filters and facets see it: the name a facet shows, and the key a
 * filter compares. Every way of writing the same body or municipality has one key, and a facet's
 * name has its values' key, so the name, used as the filter, finds what the facet counted.
 */
export interface FacetName {
  readonly name: string;
  readonly key: string;
}

/** How many names each cache keeps: the distinct bodies and municipalities of an archive are few. */
const CACHE_SIZE = 10_000;

function cached(
  of: (written: string) => FacetName,
): (written: string | null | undefined) => FacetName | null {
  const cache = new Map<string, FacetName>();
  return (written) => {
    if (written === null || written === undefined || written.trim() === '') return null;
    let named = cache.get(written);
    if (named === undefined) {
      named = of(written);
      if (cache.size >= CACHE_SIZE) cache.clear();
      cache.set(written, named);
    }
    return named;
  };
}

/**
 * A body as shown (without its election term: "Byråd 2022-2025" is "Byråd") and its key
 * (bodyKey: "Byrådet", "Byråd", "BYRÅDET" are one body). The shown name is displayBodyName's
 * until it changes no more, so the key of the shown name is the key of the written one.
 */
export const bodyName = cached((written) => {
  let name = written.trim();
  for (let shown = displayBodyName(name); shown !== name; shown = displayBodyName(name)) name = shown;
  return { name, key: bodyKey(name) };
});

/** The word a municipality's name ends with, stemmed: "Greve Kommune" is "Greve". */
const KOMMUNE = stem('kommune');

/**
 * A municipality as written (trimmed) and its key: its words in lower case and stemmed, without
 * a closing "Kommune", "aa" read as "å". "Greve Kommune", "greve kommune" and "Greve" are one
 * municipality, as are "Københavns Kommune" and "København", "Aarhus" and "Århus": every Danish
 * municipality is "<place> Kommune" and no two places share a name. "Bornholms Regionskommune"
 * keeps its last word, which is not "Kommune": "Bornholm" alone does not find it.
 */
export const municipalityName = cached((written) => {
  const name = written.trim().replace(/\s+/gu, ' ');
  const words = tokenize(name).map((t) => stem(t.term.replaceAll('aa', 'å')));
  const place = words.at(-1) === KOMMUNE && words.length > 1 ? words.slice(0, -1) : words;
  return { name, key: place.join(' ') };
});

/** What a facet counts: the items of each key, by the name each was shown with. */
export class FacetCounts {
  readonly #byKey = new Map<string, Map<string, number>>();

  add(named: FacetName | null, n = 1): void {
    if (named === null) return;
    const names = valueAt(this.#byKey, named.key, () => new Map<string, number>());
    names.set(named.name, (names.get(named.name) ?? 0) + n);
  }

  /**
   * Each key's count under the name most of its items show, ties to the first name (UTF-16 order,
   * which is OpenSearch's code point order for every name without a character beyond U+FFFF): as
   * the terms aggregation orders its buckets (count, then key), so both engines name a facet alike.
   */
  counts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const names of this.#byKey.values()) {
      let [label, best, total] = ['', -1, 0];
      for (const [name, n] of names) {
        total += n;
        if (n > best || (n === best && name < label)) [label, best] = [name, n];
      }
      if (total > 0) counts[label] = total;
    }
    return counts;
  }
}

/** Names whose keys stand for the rules that make keys (stemming, election terms, "Kommune"). */
const PROBES = [
  'Byrådet',
  'Byråd 2022-2025',
  'Økonomiudvalget (2018-21)',
  'Teknik- og Miljøudvalget, 2022 – 2025',
  'Børne- og Ungeudvalget',
  'Direktionen',
  'Kommunalbestyrelsen',
  'Greve Kommune',
  'Københavns Kommune',
  'Aarhus',
  'Bornholms Regionskommune',
];

/**
 * A fingerprint of the rules that make keys: an index that keeps keys (the embedded engine's rows)
 * and was made under other rules has them made again.
 */
export const NAME_KEYS = createHash('sha256')
  .update(JSON.stringify(PROBES.map((name) => [bodyName(name)?.key, municipalityName(name)?.key])))
  .digest('hex')
  .slice(0, 16);
