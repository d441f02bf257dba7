import type { Line } from '#extract/line.ts';
import type { SectionDraft } from '../passes/item-content.ts';
import { decisionHeading } from '../read/decision-heading.ts';
import { collapse, sentenceCase } from '../read/text.ts';
import { knownLabel, MAX_LABEL_LENGTH } from '../read/vocabulary.ts';

/** A section of an item's HTML: as a PDF's section is drafted (heading, kind, decision heading), with its lines' text. */
export type HtmlSection = Pick<SectionDraft, 'heading' | 'kind' | 'decision'> & {
  readonly lines: readonly string[];
};

/** An item's text split at its headings. */
export interface ItemText {
  /** Lines before the first heading. */
  readonly lead: readonly string[];
  readonly sections: readonly HtmlSection[];
  /** Headings with nothing under them: containers of other headings ("Fremstilling"), or empty. */
  readonly empty: readonly HtmlSection[];
}

/**
 * Whether a line of a heading element heads a section: a short line of words that closes no
 * sentence and is no table row. Portals put tables and whole sentences in heading elements
 * ("Projekt ⇥ Budget i t. kr.", "I sagen gives et overblik over …"): those are text.
 */
export function isSectionHeading(line: Pick<Line, 'text' | 'level'>): boolean {
  const text = line.text.trim();
  return (
    line.level > 0 &&
    !text.includes('\t') &&
    text.length <= MAX_LABEL_LENGTH &&
    /\p{L}/u.test(text) &&
    !/[.!?;,]$/.test(text)
  );
}

/** A line says something when it holds a letter or a digit. */
const WORDS = /[\p{L}\p{N}]/u;

/** Heading lines of one element (a `<br>` inside an `<h2>`) read as one heading. */
function joinHeadingLines(lines: readonly Line[]): Line[] {
  const joined: Line[] = [];
  for (const line of lines) {
    const previous = joined.at(-1);
    if (previous && previous.level > 0 && line.level === previous.level && !line.breakBefore) {
      joined[joined.length - 1] = { ...previous, text: collapse(`${previous.text} ${line.text}`) };
    } else joined.push(line);
  }
  return joined;
}

/**
 * What a heading is: a decision heading, a label the vocabulary knows (with its kind and
 * spelling), or a heading of its own (`other`), as printed.
 */
export function headingOf(text: string): Pick<HtmlSection, 'heading' | 'kind' | 'decision'> {
  const decision = decisionHeading(text);
  if (decision && !decision.bare) return { heading: decision.heading, kind: 'decision', decision };
  const known = knownLabel(text);
  if (known) return { heading: known.heading, kind: known.kind, decision: null };
  if (decision) return { heading: decision.heading, kind: 'decision', decision };
  return { heading: sentenceCase(collapse(text).replace(/\s*:$/, '')), kind: 'other', decision: null };
}

/**
 * An item's lines split into sections at its headings, whatever their level (h2, h3, h4): the
 * text before the first heading is the lead; a heading with no text under it before the next
 * heading (a container such as "Fremstilling", or an empty heading) heads no section. Lines
 * without a letter or a digit ("." under "Beslutning") are no text.
 */
export function splitSections(lines: readonly Line[]): ItemText {
  const lead: string[] = [];
  const found: { section: Pick<HtmlSection, 'heading' | 'kind' | 'decision'>; lines: string[] }[] = [];
  for (const line of joinHeadingLines(lines)) {
    // "." or "•" alone, as portals leave under a heading with nothing to say, is no text.
    if (!WORDS.test(line.text)) continue;
    if (isSectionHeading(line)) found.push({ section: headingOf(line.text), lines: [] });
    else (found.at(-1)?.lines ?? lead).push(line.text);
  }
  const sections = found.map(({ section, lines: own }) => ({ ...section, lines: own }));
  return {
    lead,
    sections: sections.filter((s) => s.lines.length > 0),
    empty: sections.filter((s) => s.lines.length === 0),
  };
}
