import type { IndexedItem } from '#domain/search.ts';
import { stem, tokenize } from '#language/analyze.ts';
import { compoundParts } from '#language/compounds.ts';
import { splitSentences } from '#language/sentences.ts';

const MAX_FRAGMENTS = 3;
const FRAGMENT_WORDS = 30;

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

interface Mark {
  readonly start: number;
  readonly end: number;
}

/**
 * Where the query's terms stand in a text: whole words whose stem is a query term, and inside
 * compounds the part that is ("fravær" in "sygefraværet").
 */
function findMarks(text: string, terms: ReadonlySet<string>): Mark[] {
  const marks: Mark[] = [];
  // A stem is a prefix of its word, so a word without any term inside cannot match: skip the
  // stemming and decompounding of every other word, which is most of them.
  const lower = text.toLowerCase();
  const inside = [...terms].filter((t) => lower.includes(t));
  if (inside.length === 0) return marks;
  for (const token of tokenize(text)) {
    if (!inside.some((t) => token.term.includes(t))) continue;
    if (terms.has(stem(token.term))) {
      marks.push({ start: token.start, end: token.end });
      continue;
    }
    const part = longestMatchingPart(token.term, terms);
    if (part) {
      const at = token.term.indexOf(part);
      marks.push({ start: token.start + at, end: token.start + at + part.length });
    }
  }
  return marks;
}

function longestMatchingPart(word: string, terms: ReadonlySet<string>): string | null {
  let best: string | null = null;
  for (const part of compoundParts(word)) {
    if (terms.has(stem(part)) && (!best || part.length > best.length)) best = part;
  }
  return best;
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

/**
 * Short fragments of the item's own text with the query's words marked: the sentences with the
 * most matches, title and decision first, cut to about 30 words around the first match.
 */
export function highlights(item: IndexedItem, terms: readonly string[]): string[] {
  const wanted = new Set(terms);
  if (wanted.size === 0) return [];
  const texts = [item.item.title, item.decision?.text ?? '', ...item.sections.map((s) => s.text)];
  const fragments: { text: string; marks: Mark[]; order: number }[] = [];
  const lowered = [...wanted];
  for (const [order, text] of texts.entries()) {
    // A stem is a prefix of its word: a text without any term inside has nothing to mark.
    const lower = text.toLowerCase();
    if (!lowered.some((t) => lower.includes(t))) continue;
    for (const sentence of splitSentences(text)) {
      const marks = findMarks(sentence.text, wanted);
      if (marks.length) fragments.push({ text: sentence.text, marks, order });
    }
  }
  const seen = new Set<string>();
  return fragments
    .sort((a, b) => distinct(b) - distinct(a) || a.order - b.order)
    .filter((f) => !seen.has(f.text) && seen.add(f.text))
    .slice(0, MAX_FRAGMENTS)
    .map((f) => window(f.text, f.marks));
}

function distinct(fragment: { text: string; marks: Mark[] }): number {
  return new Set(fragment.marks.map((m) => fragment.text.slice(m.start, m.end).toLowerCase())).size;
}

/** About FRAGMENT_WORDS words around the first mark, with an ellipsis where text is cut. */
function window(text: string, marks: readonly Mark[]): string {
  const words = [...text.matchAll(/\S+/g)];
  if (words.length <= FRAGMENT_WORDS) return markText(text, marks);
  const first = marks[0]?.start ?? 0;
  const index = Math.max(0, words.findIndex((w) => w.index + w[0].length > first) - 5);
  const from = words[Math.min(index, words.length - FRAGMENT_WORDS)]?.index ?? 0;
  const lastWord = words[Math.min(words.length, index + FRAGMENT_WORDS) - 1];
  const to = lastWord ? lastWord.index + lastWord[0].length : text.length;
  const inside = marks
    .filter((m) => m.start >= from && m.end <= to)
    .map((m) => ({ start: m.start - from, end: m.end - from }));
  return `${from > 0 ? '… ' : ''}${markText(text.slice(from, to), inside)}${to < text.length ? ' …' : ''}`;
}
