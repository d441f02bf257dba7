/** The lines around a decision that are not its words, and the words that continue it. */

/** "Fraværende: …", "Afbud: …": who was away, not what was decided. */
export const ABSENT_LINE = /^(?:fraværende|afbud|fravær|forfald|inhabil)\s*:\s*(.*)$/i;

/** eDoc's "Følgende deltog ikke i behandlingen af punktet:", names on the line or the next. */
export const NOT_TAKING_PART = /^følgende deltog ikke i behandlingen(?: af (?:punktet|sagen))?\s*:?\s*(.*)$/i;

/** "Jesper Kjeldsen deltog ikke i sagens behandling." */
export const DID_NOT_TAKE_PART =
  /^(\p{Lu}[\p{L} .-]+?) deltog ikke i (?:sagens |punktets )?behandling(?:en)?(?: af (?:punktet|sagen))?\.?$/u;

/** "Protokoltilførsel: …", "Mindretalsudtalelse": a note to the minutes, not the decision. */
export const PROTOCOL_NOTE = /^(?:protokol(?:tilførsel|bemærkning)|mindretalsudtalelse)\s*:?\s*(.*)$/i;

/** Where an aside starts inside a paragraph whose breaks were lost: after a closed sentence. */
export const ASIDE_INSIDE =
  /(?<=[.!?])\s+(?=(?:Protokoltilførsel|Protokolbemærkning|Mindretalsudtalelse|Fraværende|Afbud|Inhabil|Følgende deltog ikke)\b)/u;

/**
 * Votes: what may follow a decision's first paragraph and still be part of it, the vote word
 * first or in a short clause ("Enstemmigt vedtaget.", "Vedtaget enstemmigt.").
 */
export const VOTES_LINE =
  /^(?:for stemte|imod stemte|imod:|for:|undlod|et flertal|et mindretal|enstemmig|[^.!?:]{0,40}\senstemmig)/i;

/** A line that records a vote, attendance or a protocol note: never a section label. */
export function isDecisionAside(text: string): boolean {
  return (
    VOTES_LINE.test(text) ||
    ABSENT_LINE.test(text) ||
    NOT_TAKING_PART.test(text) ||
    DID_NOT_TAKE_PART.test(text) ||
    PROTOCOL_NOTE.test(text)
  );
}

/**
 * Headings of an item's history: the decisions of the bodies that dealt with the case before
 * ("28-03-2022 Økonomiudvalget" and what it decided), as FirstAgenda's portal prints them.
 */
export const HISTORY_HEADINGS = ['Sagens forløb', 'Sagsforløb', 'Tidligere beslutninger'] as const;

/** A history entry whose decision is not published yet: no decision. */
export const UNRELEASED_DECISION =
  /^beslutning(?:en)? (?:er )?(?:endnu )?ikke (?:frigivet|offentliggjort)\.?$/i;
