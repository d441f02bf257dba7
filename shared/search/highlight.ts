import type { IndexedItem } from '#domain/search.ts';
import { analyze, isName, isStopWord, stem, tokenize } from '#language/analyze.ts';
import {
  compoundParts,
  DECOMPOUND,
  splitCompound,
  vocabularyWordFrom as wordFrom,
} from '#language/compounds.ts';
import { splitSentences } from '#language/sentences.ts';

const MAX_FRAGMENTS = 3;
const FRAGMENT_WORDS = 30;
/** Words of context a fragment keeps before its first match. */
const LEAD_WORDS = 5;
/** How much a match counts towards a fragment's rank: a phrase, a word, a compound's part. */
const WEIGHT = { phrase: 2, full: 1, part: 0.4 } as const;
/** Marks joined by these alone are one mark: the tokens of "EMN-2025-01187", "24/16905". */
const JOINER = /^[-/.]+$/;

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/**
 * What else of a query highlights mark, besides its analysed terms. Every field is optional: a
 * caller that passes only the terms gets their compounds' parts derived from them.
 */
export interface HighlightQuery {
  /**
   * Stems of the parts of the query's compounds, as the search matched them ("lokalplan" ->
   * lokal, plan): marked where they stand as words or inside other compounds. The splits of the
   * terms themselves (splitCompound) are always added.
   */
  readonly parts?: readonly string[];
  /** Prefix terms (`word*`), lower case and without the star: every word starting with one is marked whole. */
  readonly prefixes?: readonly string[];
  /**
   * Phrases, each as its words in order as the query language reads them (stop words may stay):
   * analysed here, and marked as one run where their stems stand together (stop words between).
   */
  readonly phrases?: readonly (readonly string[])[];
}

type Kind = keyof typeof WEIGHT;

interface Mark {
  readonly start: number;
  readonly end: number;
  /** What of the query it is: the stem (or phrase) it matched, so repeats count once. */
  readonly key: string;
  readonly kind: Kind;
}

/** The query as highlighting matches it. */
class Matcher {
  readonly full: ReadonlySet<string>;
  readonly parts: ReadonlySet<string>;
  readonly prefixes: readonly string[];
  readonly phrases: readonly (readonly string[])[];
  /** Strings a word must contain to match anything (a stem is a prefix of its word). */
  readonly needles: readonly string[];

  constructor(terms: readonly string[], query: HighlightQuery) {
    this.full = new Set(terms);
    const parts = new Set(query.parts ?? []);
    for (const term of terms) for (const part of splitStem(term) ?? []) parts.add(stem(part));
    for (const term of terms) parts.delete(term);
    this.parts = parts;
    this.prefixes = (query.prefixes ?? []).map((p) => p.toLowerCase()).filter(Boolean);
    this.phrases = (query.phrases ?? []).map((p) => analyze(p.join(' '))).filter((p) => p.length > 0);
    this.needles = [
      ...new Set([...this.full, ...this.parts, ...this.prefixes, ...this.phrases.flat()]),
    ].filter(Boolean);
  }

  get empty(): boolean {
    return this.needles.length === 0;
  }

  /** Whether a lower-case text holds anything to mark at all: most texts do not. */
  mayMatch(lower: string): boolean {
    return this.needles.some((n) => lower.includes(n));
  }

  /**
   * Where the query stands in a text: phrases; whole words whose stem is a term or that start
   * with a prefix; words that are a compound's part; inside compounds the part that is a term
   * or a part ("syge<mark>fravær</mark>"). `loose` also marks a term found anywhere in a word,
   * for an item nothing else explains.
   */
  marks(text: string, loose = false): Mark[] {
    const marks: Mark[] = [];
    for (const token of tokenize(text)) {
      const term = token.term;
      if (!this.needles.some((n) => term.includes(n))) continue;
      // A name's parts are not indexed (isName), so they never say why an item matched.
      const mark =
        this.#wordMark(term) ??
        (isName(text, token) ? null : this.#partMark(term)) ??
        (loose ? this.#looseMark(term) : null);
      if (mark) marks.push({ ...mark, start: token.start + mark.start, end: token.start + mark.end });
    }
    return joined(this.#withPhrases(text, marks), text);
  }

  #wordMark(term: string): Mark | null {
    const stemmed = stem(term);
    if (this.full.has(stemmed) || this.prefixes.some((p) => term.startsWith(p)))
      return { start: 0, end: term.length, key: stemmed, kind: 'full' };
    if (this.parts.has(stemmed)) return { start: 0, end: term.length, key: stemmed, kind: 'part' };
    return null;
  }

  #partMark(term: string): Mark | null {
    let best: string | null = null;
    let key = '';
    for (const part of compoundParts(term)) {
      const stemmed = stem(part);
      const matches =
        this.full.has(stemmed) || this.parts.has(stemmed) || this.prefixes.some((p) => part.startsWith(p));
      if (matches && (!best || part.length > best.length)) {
        best = part;
        key = stemmed;
      }
    }
    if (!best) return null;
    const at = term.indexOf(best);
    return { start: at, end: at + best.length, key, kind: 'part' };
  }

  #looseMark(term: string): Mark | null {
    const needle = this.needles
      .filter((n) => (n.length >= DECOMPOUND.minSubwordSize || /\p{N}/u.test(n)) && term.includes(n))
      .sort((a, b) => b.length - a.length)[0];
    if (!needle) return null;
    const at = term.indexOf(needle);
    return { start: at, end: at + needle.length, key: needle, kind: 'part' };
  }

  /** The phrases standing together in the text, each one mark over the words it covers. */
  #withPhrases(text: string, marks: Mark[]): Mark[] {
    if (this.phrases.length === 0) return marks;
    const lower = text.toLowerCase();
    const phrases = this.phrases.filter((p) => p.every((s) => lower.includes(s)));
    if (phrases.length === 0) return marks;
    const words = tokenize(text).filter((t) => !isStopWord(t.term));
    const stems = words.map((t) => stem(t.term));
    const found: Mark[] = [];
    for (const phrase of phrases) {
      for (let i = 0; i + phrase.length <= stems.length; i++) {
        if (!phrase.every((s, j) => stems[i + j] === s)) continue;
        const first = words[i];
        const last = words[i + phrase.length - 1];
        if (first && last)
          found.push({ start: first.start, end: last.end, key: phrase.join(' '), kind: 'phrase' });
      }
    }
    if (found.length === 0) return marks;
    const outside = marks.filter((m) => !found.some((f) => m.start < f.end && m.end > f.start));
    return [...found, ...outside].sort((a, b) => a.start - b.start);
  }
}

/**
 * The parts of a query compound from its stem, as the search split the word itself
 * (fields.ts): a stem that does not split as it stands ("kystbeskyt", of kystbeskyttelse) splits
 * into vocabulary words and a last part that begins one (kyst, beskyt).
 */
function splitStem(term: string): readonly string[] | null {
  let parts = stemSplits.get(term);
  if (parts === undefined) {
    parts = findStemSplit(term);
    if (stemSplits.size < 10_000) stemSplits.set(term, parts);
  }
  return parts;
}

const stemSplits = new Map<string, readonly string[] | null>();

function findStemSplit(term: string): string[] | null {
  const whole = splitCompound(term);
  if (whole || term.length < DECOMPOUND.minWordSize) return whole;
  // The longest last part first, so "kystbeskyt" is kyst + beskyt rather than kyst + besk + yt;
  // a last part too short to stand alone ("for" of budgetfor, of budgetforlig) is left out.
  const { minSubwordSize } = DECOMPOUND;
  const cuts = Array.from({ length: term.length - minSubwordSize }, (_, i) => minSubwordSize + i);
  for (const at of [...cuts.filter((c) => term.length - c >= minSubwordSize), ...cuts.reverse()]) {
    const tail = term.slice(at);
    if (!wordFrom(tail)?.startsWith(tail)) continue;
    for (const link of ['', 's', 'e']) {
      if (!term.slice(0, at).endsWith(link)) continue;
      const head = term.slice(0, at - link.length);
      const headParts = wordFrom(head) === head ? [head] : splitCompound(head);
      if (headParts) return tail.length >= minSubwordSize ? [...headParts, tail] : headParts;
    }
  }
  return null;
}

/** Marks in order, those only a joiner apart ("EMN" "-" "2025-01187") made one. */
function joined(marks: readonly Mark[], text: string): Mark[] {
  const sorted = [...marks].sort((a, b) => a.start - b.start);
  const out: Mark[] = [];
  for (const mark of sorted) {
    const last = out.at(-1);
    if (last && mark.start < last.end) continue;
    if (last && JOINER.test(text.slice(last.end, mark.start))) {
      out[out.length - 1] = { ...last, end: mark.end, key: `${last.key} ${mark.key}` };
    } else out.push(mark);
  }
  return out;
}

/** Text with the marks wrapped in <mark>, everything else HTML-escaped (safe to render). */
function markText(text: string, marks: readonly Mark[]): string {
  let out = '';
  let at = 0;
  for (const mark of marks) {
    out += `${escapeHtml(text.slice(at, mark.start))}<mark>${escapeHtml(text.slice(mark.start, mark.end))}</mark>`;
    at = mark.end;
  }
  return out + escapeHtml(text.slice(at));
}

/** A text of the item a highlight may come from, in the order they are preferred. */
interface Source {
  readonly text: string;
  /** Shown before the fragment, escaped: what the text is when it does not say so itself. */
  readonly label?: string;
  /** Split into sentences (long texts) or kept whole (a title, a case number). */
  readonly whole?: boolean;
}

/**
 * The texts of an item highlights look in: title, case number, decision, recommendation, then
 * the other sections. A closed item shows nothing of its content: its title and case number only.
 */
function sources(item: IndexedItem): Source[] {
  const { title, caseNumber, access } = item.item;
  const listed: Source[] = [{ text: title, whole: true }];
  if (caseNumber) listed.push({ text: caseNumber, label: 'Sagsnr. ', whole: true });
  if (access !== 'open') return listed;
  if (item.decision) listed.push({ text: item.decision.text });
  if (item.recommendation) listed.push({ text: item.recommendation.text });
  const first = (kind: string) => (kind === 'decision' || kind === 'recommendation' ? 0 : 1);
  const sections = [...item.sections].sort((a, b) => first(a.kind) - first(b.kind));
  for (const section of sections) listed.push({ text: section.text });
  return listed;
}

interface Fragment {
  readonly text: string;
  readonly label: string;
  readonly marks: readonly Mark[];
  readonly score: number;
  readonly order: number;
}

function fragmentsOf(listed: readonly Source[], matcher: Matcher, loose: boolean): Fragment[] {
  const fragments: Fragment[] = [];
  for (const [order, source] of listed.entries()) {
    if (!matcher.mayMatch(source.text.toLowerCase())) continue;
    const pieces = source.whole ? [source.text] : splitSentences(source.text).map((s) => s.text);
    for (const text of pieces) {
      if (!source.whole && !matcher.mayMatch(text.toLowerCase())) continue;
      const marks = matcher.marks(text, loose);
      if (marks.length > 0)
        fragments.push({ text, label: source.label ?? '', marks, score: score(marks), order });
    }
  }
  return fragments;
}

/** The query's distinct matches in a fragment, each by what it is worth. */
function score(marks: readonly Mark[]): number {
  const best = new Map<string, number>();
  for (const mark of marks) best.set(mark.key, Math.max(best.get(mark.key) ?? 0, WEIGHT[mark.kind]));
  return [...best.values()].reduce((sum, w) => sum + w, 0);
}

/**
 * Why an item matched: up to three short passages of its own text with the query marked, the
 * passages with the most (and best) distinct matches first, the title, case number, decision and
 * recommendation ahead of other sections on a tie, each cut to about 30 words around its matches.
 *
 * A word whose stem is one of `terms` is marked whole; inside a compound the part that is a term
 * ("syge<mark>fravær</mark>"); a case number whole ("Sagsnr. <mark>24/16905</mark>"); and what
 * `query` adds (see HighlightQuery): the parts of the query's compounds, prefixes, phrases. An
 * item matched by none of these gets a term marked wherever it stands inside a word. Everything
 * but the <mark> tags is HTML-escaped. A closed item only ever shows its title and case number.
 */
export function highlights(
  item: IndexedItem,
  terms: readonly string[],
  query: HighlightQuery = {},
): string[] {
  const matcher = new Matcher(terms, query);
  if (matcher.empty) return [];
  const listed = sources(item);
  let fragments = fragmentsOf(listed, matcher, false);
  if (fragments.length === 0) fragments = fragmentsOf(listed, matcher, true);
  const seen = new Set<string>();
  return fragments
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .filter((f) => !seen.has(f.text) && seen.add(f.text))
    .slice(0, MAX_FRAGMENTS)
    .map((f) => escapeHtml(f.label) + window(f.text, f.marks));
}

/**
 * About FRAGMENT_WORDS words of a text, from a little before the match that has the most other
 * matches after it within the window, with an ellipsis where the text is cut.
 */
function window(text: string, marks: readonly Mark[]): string {
  const words = [...text.matchAll(/\S+/g)];
  if (words.length <= FRAGMENT_WORDS) return markText(text, marks);
  const spans = marks.map((mark) => {
    const at = Math.max(
      0,
      words.findIndex((w) => w.index + w[0].length > mark.start),
    );
    const first = Math.max(0, Math.min(at - LEAD_WORDS, words.length - FRAGMENT_WORDS));
    const from = words[first]?.index ?? 0;
    const lastWord = words[Math.min(words.length, first + FRAGMENT_WORDS) - 1];
    const to = Math.max(lastWord ? lastWord.index + lastWord[0].length : text.length, mark.end);
    const inside = marks.filter((m) => m.start >= from && m.end <= to);
    return { from, to, inside };
  });
  const best = spans.reduce((a, b) => (score(b.inside) > score(a.inside) ? b : a));
  const { from, to } = best;
  const inside = best.inside.map((m) => ({ ...m, start: m.start - from, end: m.end - from }));
  return `${from > 0 ? '… ' : ''}${markText(text.slice(from, to), inside)}${to < text.length ? ' …' : ''}`;
}
