/**
 * The words Danish minutes are built from. Headings are matched case-insensitively on the whole
 * line (a trailing colon allowed); canonical spelling is the one the gold annotations use.
 */
/** Headings whose text is the recommendation put to the body ("Det indstilles, at ..."). */
const RECOMMENDATIONS = [
  'Indstilling',
  'Forslag til beslutning',
  'Forslag til indstilling',
  'Administrationens indstilling',
  'Forvaltningens indstilling',
  'Direktionens indstilling',
] as const;

const SECTION_HEADINGS = [
  'Sagsgang',
  'Sagsansvarlig',
  'Baggrund',
  'Sagens baggrund',
  'Sagsfremstilling',
  'Sagsbeskrivelse',
  'Sagens indhold',
  'Supplerende sagsfremstilling',
  'Resumé',
  'Sagsresumé',
  'Resume',
  'Sagsresume',
  'Økonomi',
  'Økonomiske konsekvenser',
  'Økonomi og finansiering',
  'Bevillingsmæssige konsekvenser',
  'Personalemæssige konsekvenser',
  'Miljøvurdering',
  'Miljømæssige konsekvenser',
  'Klimakonsekvenser',
  'Høring',
  'Høringssvar',
  'Lovgrundlag',
  'Retsgrundlag',
  'Lovgivning',
  'Juridiske forhold',
  'Vurdering',
  'Administrationens vurdering',
  'Forvaltningens vurdering',
  'Kommunikation',
  'Tidsplan',
  'Videre proces',
  'Proces',
  'Beslutningskompetence',
  'Kompetence',
  'Borgerinddragelse',
  'Bæredygtighed',
  ...RECOMMENDATIONS,
  'Drøftelse',
  'Konklusion',
  'Opfølgning',
  'Ansvarlig',
  'Beslutning / opfølgning',
  'Orientering',
  'Udtalelse',
  'Udtalelser',
  'Bemærkninger',
  'Formål',
  'Indledning',
  'Protokol',
] as const;

export const RECOMMENDATION_HEADINGS: ReadonlySet<string> = new Set(RECOMMENDATIONS);

const SECTION_SUFFIXES = /^(?:[\p{L}-]+ )?(?:konsekvenser|vurdering|indstilling)$/iu;

const canonical = new Map(SECTION_HEADINGS.map((h) => [fold(h), h]));

/** Headings that carry a decision (a body's "Beslutning", "Afgørelse", a ledermøde's "Konklusion"). */
export const DECISION_HEADINGS = new Set([
  'Beslutning',
  'Afgørelse',
  'Beslutning / opfølgning',
  'Konklusion',
]);

/** Labels that may open a line and carry their section's text on the same line ("Drøftelse: ..."). */
const INLINE_LABELS = new Set([
  'Drøftelse',
  'Konklusion',
  'Beslutning',
  'Afgørelse',
  'Opfølgning',
  'Indstilling',
]);

/** No heading or marker is longer; longer lines are text and skip the checks. */
const MAX_HEADING_LENGTH = 80;

const short = (text: string) => text.length <= MAX_HEADING_LENGTH;

export function fold(text: string): string {
  // Danish needs no locale-specific case mapping; toLowerCase is many times faster.
  return text.toLowerCase().replace(/\s+/g, ' ').replace(/:$/, '').trim();
}

/** The canonical section heading a whole line stands for, or null. */
export function sectionHeading(line: string): string | null {
  if (!short(line)) return null;
  const key = fold(line);
  const known = canonical.get(key);
  if (known) return known;
  if (SECTION_SUFFIXES.test(key) && key.split(' ').length <= 3 && !/[.,]/.test(key)) {
    return sentenceCase(line.replace(/\s*:$/, '').trim());
  }
  return null;
}

/** "Drøftelse: Jakob orienterede ..." -> ["Drøftelse", "Jakob orienterede ..."]. */
export function inlineSection(line: string): [string, string] | null {
  const match = /^([\p{L} /]{3,30}):\s+(\S.*)$/u.exec(line);
  if (!match) return null;
  const heading = canonical.get(fold(match[1] ?? ''));
  if (!heading || !INLINE_LABELS.has(heading)) return null;
  return [heading, match[2] ?? ''];
}

function sentenceCase(text: string): string {
  if (text !== text.toLocaleUpperCase('da')) return text;
  const lower = text.toLocaleLowerCase('da');
  return lower.charAt(0).toLocaleUpperCase('da') + lower.slice(1);
}

/** "Åben sag", "Lukket punkt", "Lukket" ... -> access, or null. */
export function accessMarker(line: string): 'open' | 'closed' | null {
  if (!short(line)) return null;
  const key = fold(line).replace(/[()]/g, '');
  if (/^(åben|åbent|offentlig)( sag| punkt| møde)?$/.test(key)) return 'open';
  if (/^(lukket|lukkede?|fortrolig)( sag| punkt| møde)?$/.test(key)) return 'closed';
  return null;
}

/** Headings that end the agenda items: signature page, attachment overview. */
export function isClosingHeading(line: string): boolean {
  return (
    short(line) &&
    (/^(underskriftsside|underskriftsblad|underskrifter)$/.test(fold(line)) || isAttachmentOverview(line))
  );
}

/** "Bilagsoversigt": the attachment overview after the items. */
export function isAttachmentOverview(line: string): boolean {
  return short(line) && /^(bilagsoversigt|oversigt over bilag)$/.test(fold(line));
}

const MEETING_END = /^mødet (?:blev )?(?:hævet|sluttede|afsluttet|slut)\w*(?:\s+(?:kl\.?\s*)?(.*))?$/i;

/** "Mødet hævet kl. 20.15." -> "20.15.": the line that ends the meeting, with the time it names. */
export function meetingEnd(line: string): { readonly time: string } | null {
  const match = MEETING_END.exec(line.trim());
  return match ? { time: match[1] ?? '' } : null;
}

/** Lines after which no item continues: the meeting's end, the announcement of the next one. */
export function endsItems(line: string): boolean {
  return isClosingHeading(line) || meetingEnd(line) !== null || /^næste møde\b/i.test(line.trim());
}

export function isTocHeading(line: string): boolean {
  return (
    short(line) &&
    /^(indholdsfortegnelse|indhold|punkter på dagsordenen|oversigt over punkter)$/.test(fold(line))
  );
}

export function isAttachmentHeading(line: string): boolean {
  return short(line) && /^(bilag|bilagsliste|vedlagte bilag)$/.test(fold(line));
}

/** "Sagsnr.: 25/4418", "Sags-id: EMN-2025-00342", "Sagsid: 25/00871", "J.nr. 00.01.00-A00-12-24". */
export function caseNumberLine(line: string): string | null {
  const labelled = /^(?:sags?\s*-?\s*(?:nr|nummer|id)|j\.?\s*nr|journalnr)\.?\s*:?\s*(\S+)/i.exec(
    line.trim(),
  );
  if (labelled) return labelled[1] ?? null;
  const bare = /^(\d{2}\/\d{3,6}|\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d+-\d{2})$/.exec(line.trim());
  return bare?.[1] ?? null;
}

/** "Sagsbehandler: Rasmus Friis", "Sagsansvarlig: ..." on one line. */
export function responsibleLine(line: string): string | null {
  const match = /^(?:sagsbehandler|sagsansvarlig|ansvarlig|ansvarlig leder)\s*:\s*(.+)$/i.exec(line.trim());
  return match?.[1]?.trim() ?? null;
}
