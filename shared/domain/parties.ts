/**
 * The letters of the national parties (listebogstaver), under the names people search them by.
 * Minutes record votes by letter ("Imod stemte: Ø"); a local list has a letter of its own, which
 * is searched by the letter.
 */
const PARTY_NAMES: Record<string, string> = {
  socialdemokratiet: 'A',
  socialdemokraterne: 'A',
  'radikale venstre': 'B',
  'det radikale venstre': 'B',
  radikale: 'B',
  'det konservative folkeparti': 'C',
  'konservative folkeparti': 'C',
  konservative: 'C',
  'nye borgerlige': 'D',
  sf: 'F',
  'socialistisk folkeparti': 'F',
  'liberal alliance': 'I',
  kristendemokraterne: 'K',
  moderaterne: 'M',
  'dansk folkeparti': 'O',
  df: 'O',
  'frie grønne': 'Q',
  venstre: 'V',
  danmarksdemokraterne: 'Æ',
  enhedslisten: 'Ø',
  alternativet: 'Å',
};

/** A party letter as minutes write it in a vote ("Imod: Ø", "A, V og C"): one or two capitals. */
export const PARTY_LETTER = /^[A-ZÆØÅ]{1,2}$/;

/**
 * The letter a party filter asks for: a letter in any case (`ø` is `Ø`), or a national party's
 * name in any case (`Enhedslisten` is `Ø`); null for anything else.
 */
export function partyLetter(value: string): string | null {
  const text = value.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');
  const named = PARTY_NAMES[text.replace(/^partiet /, '')];
  if (named) return named;
  const letter = text.toLocaleUpperCase('da');
  return PARTY_LETTER.test(letter) ? letter : null;
}
