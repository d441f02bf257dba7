import { ABSENT_LINE, DID_NOT_TAKE_PART, NOT_TAKING_PART, PROTOCOL_NOTE } from '../vocabulary/decisions.ts';
import { personNames } from './people.ts';

/** What a paragraph of a decision section is when it is not the decision's words. */
export type Aside =
  | { readonly kind: 'absent'; readonly names: string[] }
  | { readonly kind: 'protocol'; readonly text: string };

/** What earlier paragraphs opened: a "Følgende deltog ikke …" awaiting names, a protocol note running on. */
export interface AsideState {
  readonly away: boolean;
  readonly inNote: boolean;
}

export const NO_ASIDE: AsideState = { away: false, inNote: false };

/**
 * Reads one paragraph of a decision section: attendance ("Fraværende: …", "Afbud: …", eDoc's
 * "Følgende deltog ikke i behandlingen af punktet:" and the names under it, "X deltog ikke i
 * sagens behandling") gives the absent, a protocol note ("Protokoltilførsel: …") its text, and the
 * paragraphs after a note are the note's; null for the decision's own words.
 */
export function readAside(text: string, state: AsideState): { aside: Aside | null; state: AsideState } {
  const absence = ABSENT_LINE.exec(text) ?? NOT_TAKING_PART.exec(text);
  const didNot = DID_NOT_TAKE_PART.exec(text);
  const protocolLine = PROTOCOL_NOTE.exec(text);
  if (absence || didNot) {
    const names = personNames([absence ? (absence[1] ?? '') : (didNot?.[1] ?? '')]);
    const away = NOT_TAKING_PART.test(text) && !(absence?.[1] ?? '').trim();
    // An attendance line ends a protocol note running on before it: the names under it are no note.
    return { aside: { kind: 'absent', names }, state: { inNote: false, away } };
  }
  if (protocolLine || state.inNote) {
    return {
      aside: { kind: 'protocol', text: protocolLine ? (protocolLine[1] ?? '') : text },
      state: { ...state, inNote: true },
    };
  }
  if (state.away && personNames([text]).length > 0 && text.split(' ').length <= 12 && !/[.!?]$/.test(text)) {
    // The names under eDoc's "Følgende deltog ikke i behandlingen af punktet:".
    return { aside: { kind: 'absent', names: personNames([text]) }, state };
  }
  return { aside: null, state: { ...state, away: false } };
}
