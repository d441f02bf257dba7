/**
 * What generated minutes are made of, beyond the shared invented lists: bodies, label sets as
 * the systems name them, decision wordings, and labels no vocabulary knows. Invented throughout.
 */
import { FIRST_NAMES, LAST_NAMES, LOCATIONS } from '../invented.ts';

export const MORE_FIRST_NAMES = [
  ...FIRST_NAMES,
  'Signe',
  'Kasper',
  'Vibeke',
  'Rasmus',
  'Mette',
  'Ole',
  'Pernille',
  'Søren',
] as const;

export const MORE_LAST_NAMES = [
  ...LAST_NAMES,
  'Holmgaard',
  'Frandsen',
  'Bech',
  'Storgaard',
  'Lund Madsen',
  'Krogh',
  'Østergaard',
] as const;

export const MORE_LOCATIONS = [
  ...LOCATIONS,
  'Mødecenter B, lokale 14',
  'Direktionens mødelokale',
  'Lokale 233',
] as const;

export const MORE_MUNICIPALITIES = [
  'Lyngå',
  'Hedemark',
  'Møllerup',
  'Fjordby',
  'Tårnholm',
  'Agerlund',
  'Vesterlund',
  'Egholt',
  'Skovby',
  'Kærholm',
] as const;

/** Political bodies (with a council above them) and administrative ones. */
export const COMMITTEES = [
  'Økonomiudvalget',
  'Teknik- og Miljøudvalget',
  'Børne- og Ungdomsudvalget',
  'Kultur- og Fritidsudvalget',
  'Social- og Sundhedsudvalget',
  'Beskæftigelsesudvalget',
  'Klima-, Natur- og Miljøudvalget',
  'Plan- og Boligudvalget',
  'Ældre- og Handicapudvalget',
] as const;

export const COUNCILS = ['Byrådet', 'Kommunalbestyrelsen'] as const;

export const ADMINISTRATIVE_BODIES = [
  'Direktionen',
  'Koncernledelsen',
  'Hovedudvalget',
  'Chefforum',
  'Styregruppen for digitalisering',
] as const;

/** Lines above the body's name that name an organisation, not the body. */
export const ORGANISATION_LINES = [
  'Center for Økonomi og Styring',
  'IT og Digitalisering',
  'Sekretariatet for Byråd og Direktion',
  'Tværgående møder',
] as const;

export type SectionKind = 'presentation' | 'money' | 'recommendation' | 'other';

/** A system's set of section labels, in the order its items print them. */
export interface LabelFamily {
  readonly name: string;
  readonly labels: readonly (readonly [string, SectionKind])[];
  /** Labels some items carry and others leave out. */
  readonly optional: readonly (readonly [string, SectionKind])[];
}

export const LABEL_FAMILIES: readonly LabelFamily[] = [
  {
    name: 'standard',
    labels: [
      ['Sagsfremstilling', 'presentation'],
      ['Økonomi', 'money'],
      ['Indstilling', 'recommendation'],
    ],
    optional: [
      ['Vurdering', 'presentation'],
      ['Høring', 'presentation'],
      ['Tidsplan', 'presentation'],
      ['Kommunikation', 'presentation'],
    ],
  },
  {
    name: 'sagsgang',
    labels: [
      ['Sagsgang', 'presentation'],
      ['Sagsfremstilling', 'presentation'],
      ['Økonomiske konsekvenser', 'money'],
      ['Indstilling', 'recommendation'],
    ],
    optional: [['Lovgrundlag', 'presentation']],
  },
  {
    name: 'edoc',
    labels: [
      ['Sammendrag', 'presentation'],
      ['Baggrund', 'presentation'],
      ['Sagsfremstilling', 'presentation'],
      ['Økonomiske konsekvenser og finansiering', 'money'],
      ['Beslutningen træffes af', 'other'],
      ['Indstilling', 'recommendation'],
    ],
    optional: [],
  },
  {
    name: 'resume',
    labels: [
      ['Resumé', 'presentation'],
      ['Sagens indhold', 'presentation'],
      ['Økonomi og finansiering', 'money'],
      ['Forvaltningens indstilling', 'recommendation'],
    ],
    optional: [
      ['Retsgrundlag', 'presentation'],
      ['Borgerinddragelse', 'presentation'],
    ],
  },
  {
    name: 'firstagenda',
    labels: [
      ['Resume', 'presentation'],
      ['Beslutningspunkter', 'recommendation'],
      ['Sagsbeskrivelse', 'presentation'],
      ['Sagsforløb', 'presentation'],
    ],
    optional: [['Økonomi', 'money']],
  },
  {
    name: 'forslag',
    labels: [
      ['Baggrund', 'presentation'],
      ['Beskrivelse', 'presentation'],
      ['Bevillingsmæssige konsekvenser', 'money'],
      ['Forslag', 'recommendation'],
    ],
    optional: [['Proces', 'presentation']],
  },
];

/** Labels in no vocabulary: the parser must find them by their recurrence and style. */
export const INVENTED_LABELS = [
  'Perspektivering',
  'Sagens fakta',
  'Strategisk sigte',
  'Mål og succeskriterier',
  'Afdelingens påtegning',
  'Involvering af parter',
  'Supplerende oplysninger',
  'Risici og afhængigheder',
] as const;

/** Decisions as minutes word them, with the outcome a reader would give each. */
export const DECISION_TEXTS = [
  'Godkendt.',
  'Indstillingen godkendt.',
  'Anbefales.',
  'Anbefales over for Byrådet.',
  'Taget til efterretning.',
  'Orienteringen blev taget til efterretning.',
  'Udsat.',
  'Sagen udsættes til næste møde.',
  'Ikke godkendt.',
  'Drøftet.',
  'Punktet blev drøftet.',
  'Tiltrådt.',
  'Vedtaget.',
  'Godkendt som indstillet, idet udvalget ønsker en status på projektet i foråret.',
  'Fremsendes til Økonomiudvalget til behandling.',
  'Udvalget godkendte indstillingen med den ændring, at tidsplanen forlænges med tre måneder.',
] as const;

export const ABSENCE_LABELS = ['Fraværende', 'Afbud', 'Forfald'] as const;

export const CASE_LABELS = [
  'Sagsnr.:',
  'Sagsnr.',
  'Sags nr.:',
  'Sagsnummer:',
  'Sags-id:',
  'J.nr.',
  'Journalnr.:',
];

export const TITLES_OF_OFFICERS = [
  'Kommunaldirektør',
  'Økonomidirektør',
  'Børne- og kulturdirektør',
  'Teknisk direktør',
  'HR-chef',
  'Stabschef',
] as const;

export const ATTACHMENT_TITLES = [
  'Notat om den økonomiske status',
  'Forslag til lokalplan',
  'Høringssvar fra grundejerforeningen',
  'Tidsplan for projektet',
  'Kortbilag',
  'Budgetoversigt',
  'Evalueringsrapport',
] as const;
