import { stem, tokenize } from './analyze.ts';

/**
 * An election term after a body's name, as portals write it: "Byråd 2022-2025",
 * "Økonomiudvalget (2018-21)", "Teknik- og Miljøudvalget, 2022 – 2025".
 */
const ELECTION_TERM = /[\s,]*\(?\s*(?:19|20)\d{2}\s*[-–]\s*(?:(?:19|20)\d{2}|\d{2})\s*\)?\s*$/u;

/** A body's name as shown: as written, without an election-term suffix. */
export function displayBodyName(name: string): string {
  const shown = name.replace(ELECTION_TERM, '').trim();
  return shown === '' ? name.trim() : shown;
}

/**
 * What a body filter compares: the shown name's words, lower case and stemmed, so "Byrådet",
 * "Byråd" and "Byråd 2022-2025" are one body, as are "Økonomiudvalget" and "økonomiudvalg".
 */
export function bodyKey(name: string): string {
  return tokenize(displayBodyName(name))
    .map((token) => stem(token.term))
    .join(' ');
}
