import type { Votes } from '#domain/meeting.ts';
import { PARTY_LETTER } from '#domain/parties.ts';

function parties(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .replace(/[()]/g, ' ')
    .split(/,|\bog\b|\s+/)
    .map((p) => p.trim())
    .filter((p, i, all) => PARTY_LETTER.test(p) && all.indexOf(p) === i);
}

type Side = NonNullable<Votes['for']>;

function side(count: string | undefined, partyText: string | undefined): Side {
  return { count: count ? Number(count) : null, parties: parties(partyText) };
}

/**
 * Where a list of voters ends: a sentence's end, a remark ("med bemærkning om …"), the next side
 * of the vote (", imod stemte 4"), a line break.
 */
const LIST_END = /[.;!?](?:\s|$)|\s+med\s|,?\s+(?:og\s+)?(?=(?:imod|for|undlod)\b)|\n/i;

/**
 * The voters after a vote's words: "For stemte: (V), (A) og Liselott Blixt (UP)", "imod stemte 4
 * (Ø)", "Imod: Ø": a count, the parties of the list, or null when neither follows.
 */
function votersAfter(text: string, words: RegExp): Side | null {
  const match = words.exec(text);
  if (!match) return null;
  const rest = text.slice(match.index + match[0].length).replace(/^\s*:?\s*/, '');
  const end = LIST_END.exec(rest);
  const list = end ? rest.slice(0, end.index) : rest;
  // The count before the list ("21 (A, V)") or after it ("A, V og C (15)").
  const count = /^(\d+)\b/.exec(list)?.[1] ?? /\((\d+)\)\s*$/.exec(list)?.[1];
  const found = side(count, list.replace(/^\d+\b|\(\d+\)\s*$/g, ''));
  return found.count !== null || found.parties.length > 0 ? found : null;
}

/**
 * The voters before a vote's words, in the same sentence: "(A), (Ø) og (F) stemte imod",
 * "Mehmet Zeki Dogru (Ø) stemte imod", "C og F undlod at stemme"; null when no party is named.
 */
function votersBefore(text: string, words: RegExp): Side | null {
  const match = words.exec(text);
  if (!match) return null;
  const before = text.slice(0, match.index);
  const sentenceStart = Math.max(
    ...[...before.matchAll(/[.!?;:\n]\s*/g)].map((m) => m.index + m[0].length),
    0,
  );
  const found = side(undefined, before.slice(sentenceStart));
  return found.parties.length > 0 ? found : null;
}

/**
 * "Med stemmerne 19 for og 1 imod", "vedtaget med 13 stemmer for og 1 imod": the counts of a
 * vote told in one phrase, before or without its sides listed.
 */
const TALLY = /(?:stemmer(?:ne)?\s+(\d+)|(\d+)\s+stemmer)\s+for(?:\s+og\s+(\d+)\s+imod)?/i;

/** A side listed by party only, given the count a tally states for it. */
function counted(found: Side | null, count: string | undefined): Side | null {
  return found && found.count === null && count ? { ...found, count: Number(count) } : found;
}

/** Abstaining: "undlod at stemme", and "undlod at tage stilling", as some councils record it. */
const ABSTAIN = /\bundlod\s+at\s+(?:stemme|tage\s+stilling)/i;

/** Votes as minutes record them, counted or by party, or null when the text records none. */
export function readVotes(text: string): Votes | null {
  const votes = readSides(text);
  const tally = TALLY.exec(text);
  if (!tally) return votes;
  const tallied = (count: string | undefined) => (count ? { count: Number(count), parties: [] } : null);
  const [forCount, againstCount] = [tally[1] ?? tally[2], tally[3]];
  return {
    for: counted(votes?.for ?? null, forCount) ?? tallied(forCount),
    against: counted(votes?.against ?? null, againstCount) ?? tallied(againstCount),
    abstained: votes?.abstained ?? null,
  };
}

/** A count and the parties after it: "4 stemmer imod (Ø)", "2 undlod (F)". */
function countedSide(text: string, pattern: RegExp): Side | null {
  const match = pattern.exec(text);
  return match ? side(match[1], match[2]) : null;
}

/** The forms of one side of a vote, from the most to the least explicit. */
function sideForms(word: 'for' | 'imod') {
  return {
    /** "For stemte 21 (A, V)", "Imod stemte: (Ø)". */
    listed: new RegExp(`${word}\\s+stemte`, 'i'),
    /** "13 stemmer for (A, V)". */
    counted: new RegExp(`(\\d+)\\s+stemmer?\\s+${word}\\s*(?:\\(([^)]*)\\))?`, 'i'),
    /** "For: 13", "Imod: Ø". */
    labelled: new RegExp(`\\b${word}\\s*:`, 'i'),
    /** "Stemte imod: (F) og (Ø)". */
    after: new RegExp(`\\bstemte\\s+${word}\\s*:`, 'i'),
    /** "(A), (Ø) og (F) stemte imod". */
    before: new RegExp(`\\bstemte\\s+${word}\\b`, 'i'),
  };
}
const SIDES = { for: sideForms('for'), imod: sideForms('imod') };

/** One side of a vote in its most explicit form found; a majority or minority told in prose ranks before the looser forms. */
function sideOf(text: string, word: 'for' | 'imod', prose: Side | null): Side | null {
  const forms = SIDES[word];
  return (
    votersAfter(text, forms.listed) ??
    countedSide(text, forms.counted) ??
    votersAfter(text, forms.labelled) ??
    prose ??
    votersAfter(text, forms.after) ??
    votersBefore(text, forms.before)
  );
}

function readSides(text: string): Votes | null {
  const majority =
    /flertal(?:et)?\s+(?:bestående\s+)?af\s+([A-ZÆØÅ, og]+?)\s+(?:godkendte|stemte|vedtog|anbefalede|tiltrådte)/.exec(
      text,
    );
  const minority =
    /mindretal(?:let)?\s*(?:bestående\s+af\s+)?(\([^)]*\)|[A-ZÆØÅ, og]+?)\s+(?:stemte\s+imod|kunne\s+ikke\s+(?:tiltræde|anbefale|godkende)|tiltrådte\s+ikke)/.exec(
      text,
    );
  const abstainedCount =
    votersAfter(text, /undlod\s+at\s+stemme/i) ??
    countedSide(text, /(\d+)\s+(?:undlod|hverken for eller imod)\s*(?:\(([^)]*)\))?/i);
  const abstainedBefore = votersBefore(text, ABSTAIN);
  const votes: Votes = {
    for: sideOf(text, 'for', majority ? side(undefined, majority[1]) : null),
    against: sideOf(text, 'imod', minority ? side(undefined, minority[1]) : null),
    abstained: abstainedBefore
      ? { count: abstainedCount?.count ?? null, parties: abstainedBefore.parties }
      : abstainedCount,
  };
  return votes.for || votes.against || votes.abstained ? votes : null;
}
