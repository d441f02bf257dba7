/** The labelled fields of a meeting's header, and the words that name its body and its kind. */
export type HeaderField =
  | 'body'
  | 'date'
  | 'time'
  | 'start'
  | 'end'
  | 'location'
  | 'members'
  | 'absent'
  | 'substitutes'
  | 'other';

/** Labels by field; longer labels first where one starts another ("Start kl." before "Start"). */
export const HEADER_LABELS: readonly (readonly [HeaderField, readonly string[]])[] = [
  ['body', ['Udvalg', 'Mødeforum', 'Forum', 'Organ', 'Mødetype']],
  ['date', ['Mødedato', 'Dato', 'Mødedag']],
  ['start', ['Start kl.', 'Starttidspunkt', 'Mødestart', 'Start', 'Mødet begyndte kl.']],
  ['end', ['Slut kl.', 'Sluttidspunkt', 'Mødeslut', 'Slut', 'Mødet sluttede kl.']],
  ['time', ['Mødetidspunkt', 'Tidspunkt', 'Tid', 'Kl.']],
  ['location', ['Mødested', 'Mødelokale', 'Sted', 'Lokale', 'Adresse']],
  [
    'members',
    [
      'Medlemmer',
      'Mødedeltagere',
      'Deltagere',
      'Deltager',
      'Til stede',
      'Tilstede',
      'Fremmødte',
      'Tilstedeværende',
    ],
  ],
  [
    'absent',
    ['Afbud/Fraværende', 'Afbud/fravær', 'Meddelt forfald', 'Fraværende', 'Afbud', 'Fravær', 'Forfald'],
  ],
  ['substitutes', ['Stedfortræder', 'Stedfortrædere', 'Suppleant', 'Suppleanter']],
  [
    'other',
    [
      'Referent',
      'Sekretær',
      'Mødeleder',
      'Desuden deltog',
      'Øvrige deltagere',
      'Gæster',
      'Inviterede',
      'Bemærk',
      'Bemærkninger',
      'Sagsbehandler',
    ],
  ],
];

/** Words that make a line name the kind of document. */
export const KIND_WORDS = {
  minutes: ['referat', 'beslutningsprotokol', 'protokol', 'beslutningsreferat'],
  agenda: ['dagsorden'],
} as const;

/** The nouns a body's name is made of: "Økonomiudvalget", "Byrådet", "Mødesystemgruppen". */
export const BODY_NOUNS = [
  'udvalg',
  'byråd',
  'kommunalbestyrelse',
  'regionsråd',
  'direktion',
  'ledelse',
  'forum',
  'gruppe',
  'råd',
  'ledermøde',
  'styregruppe',
  'bestyrelse',
  'magistrat',
  'hovedudvalg',
  'chefforum',
  'netværk',
  'komité',
] as const;

/** Lines that stand in a header without naming the body: access words of a running header. */
export const NOT_A_BODY = [
  'åbent referat',
  'lukket referat',
  'åben dagsorden',
  'lukket dagsorden',
  'referat',
  'dagsorden',
];
