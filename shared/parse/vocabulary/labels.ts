/**
 * The section labels of Danish minutes, by what their text is. This is a prior: a document's
 * own labels are found by their style and recurrence too (passes/section-labels.ts). Spelling
 * here is the canonical one a matching label is reported with.
 */
export type SectionKind = 'presentation' | 'money' | 'recommendation' | 'decision' | 'attachments' | 'other';

export const PRESENTATION_LABELS = [
  'Sagsgang',
  'Sagsansvarlig',
  'Baggrund',
  'Sagens baggrund',
  'Sagsfremstilling',
  'Sagsbeskrivelse',
  'Beskrivelse',
  'Sagens indhold',
  'Supplerende sagsfremstilling',
  'Resumé',
  'Sagsresumé',
  'Resume',
  'Sagsresume',
  'Sammendrag',
  'Redegørelse',
  'Fremstilling',
  'Sagsforløb',
  'Sagsprocedure',
  'Historik',
  'Tidligere beslutninger',
  'Politisk behandling',
  'Høring',
  'Høringssvar',
  'Vurdering',
  'Administrationens vurdering',
  'Forvaltningens vurdering',
  'Lovgrundlag',
  'Retsgrundlag',
  'Lovgivning',
  'Juridiske forhold',
  'Kommunikation',
  'Tidsplan',
  'Videre proces',
  'Proces',
  'Borgerinddragelse',
  'Bæredygtighed',
  'Miljøvurdering',
  'Miljømæssige konsekvenser',
  'Klimakonsekvenser',
  'Klima-, miljø- og naturmæssige konsekvenser',
  'Personalemæssige konsekvenser',
  'Beslutningskompetence',
  'Kompetence',
  'Beslutningen træffes af',
  'Drøftelse',
  'Oplæg',
  'Orientering',
  'Udtalelse',
  'Udtalelser',
  'Bemærkninger',
  'Formål',
  'Indledning',
  'Ansvarlig',
  'Opfølgning',
] as const;

export const MONEY_LABELS = [
  'Økonomi',
  'Økonomiske konsekvenser',
  'Økonomi og finansiering',
  'Økonomiske konsekvenser og finansiering',
  'Bevillingsmæssige konsekvenser',
  'Budget',
] as const;

/** Labels whose text is the recommendation put to the body; FirstAgenda's "Beslutningspunkter" too. */
export const RECOMMENDATION_LABELS = [
  'Indstilling',
  'Indstillinger',
  'Indstilles',
  'Forslag',
  'Forslag til beslutning',
  'Forslag til indstilling',
  'Administrationens indstilling',
  'Forvaltningens indstilling',
  'Direktionens indstilling',
  'Direktørens indstilling',
  'Direktionen indstiller',
  'Beslutningspunkter',
] as const;

/** Labels whose text is a decision (besides "Beslutning i <organ> den <dato>" and its kin). */
export const DECISION_LABELS = [
  'Beslutning',
  'Beslutninger',
  'Afgørelse',
  'Udvalgets beslutning',
  'Beslutning / opfølgning',
  'Konklusion',
  'Referat',
  'Protokol',
] as const;

export const ATTACHMENT_LABELS = [
  'Bilag',
  'Bilagsliste',
  'Bilagsfortegnelse',
  'Vedlagte bilag',
  'Bilag til punktet',
] as const;

/** Words a label may end in: "Tekniske konsekvenser", "Juridisk vurdering", "Direktørens indstilling". */
export const LABEL_SUFFIXES: readonly (readonly [string, SectionKind])[] = [
  ['konsekvenser', 'presentation'],
  ['vurdering', 'presentation'],
  ['indstilling', 'recommendation'],
  ['påtegning', 'presentation'],
  ['bemærkninger', 'presentation'],
];

/** Labels that open a paragraph and carry their text on the same line ("Drøftelse: …"). */
export const RUN_IN_LABELS = [
  'Drøftelse',
  'Konklusion',
  'Beslutning',
  'Afgørelse',
  'Opfølgning',
  'Indstilling',
] as const;
