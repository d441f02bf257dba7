/**
 * Invented content for generated minutes: names, places, topics and sentences that read like
 * Danish municipal minutes. Nothing here is taken from real minutes or names real people. The
 * benchmarks' documents are drawn from these lists in this order, so extending a list changes
 * their bytes: generators that want more variety add their own lists.
 */
import type { Random } from './random.ts';

export const MUNICIPALITIES = [
  'Vesterlund',
  'Egholt',
  'Skovby',
  'Kærholm',
  'Ravnsbjerg',
  'Bækmose',
  'Søndervig',
] as const;

export const LOCATIONS = [
  'Mødelokale Fjorden',
  'Byrådssalen',
  'Mødelokale 2',
  'Udvalgsværelset',
  'Kantinen',
] as const;

export const FIRST_NAMES = [
  'Jesper',
  'Hanne',
  'Lene',
  'Jens',
  'Morten',
  'Camilla',
  'Bente',
  'Ahmad',
  'Torben',
] as const;

export const LAST_NAMES = [
  'Brandt',
  'Dalgaard',
  'Vestergaard',
  'Riis',
  'Skov',
  'Lauridsen',
  'Ulriksen',
  'Kjeldsen',
] as const;

export const PARTIES = ['A', 'V', 'C', 'F', 'Ø', 'O', 'B', 'I'] as const;

export const TOPICS = [
  'Økonomisk status for',
  'Anlægsbevilling til renovering af',
  'Endelig vedtagelse af lokalplan for',
  'Ansøgning om tilskud til',
  'Salg af ejendommen',
  'Udbud af vintertjeneste ved',
  'Status på klimahandleplanen for',
  'Budgetopfølgning for',
  'Høring om trafikplan for',
  'Energirenovering af',
] as const;

export const PLACES = [
  'Engparken',
  'Strandvejen',
  'Nørby Skole',
  'Vesterlund Nord',
  'Rådhuset',
  'Havnefronten',
  'Idrætscentret',
  'Ældrecentret Solgården',
] as const;

export const SUBJECTS = [
  'Forvaltningen',
  'Administrationen',
  'Direktionen',
  'Udvalget',
  'Kommunalbestyrelsen',
  'Center for Teknik og Miljø',
  'Arbejdsgruppen',
  'Styregruppen',
] as const;

export const VERBS = [
  'har udarbejdet',
  'fremlægger',
  'har vurderet',
  'har revideret',
  'har gennemgået',
  'præsenterer',
  'har kvalitetssikret',
  'har drøftet',
] as const;

export const OBJECTS = [
  'et forslag til ny affaldsordning',
  'den økonomiske status for hele kommunen',
  'en plan for renovering af skolernes klimaskærm',
  'de indkomne høringssvar',
  'en samlet handleplan for det specialiserede område',
  'udbudsmaterialet for vintertjenesten',
  'en model for borgerinddragelse',
  'rammerne for budgetlægningen',
] as const;

export const COMPLEMENTS = [
  'i forhold til det korrigerede budget',
  'inden for den eksisterende ramme',
  'med henblik på endelig vedtagelse',
  'efter den offentlige høring',
  'i samarbejde med de lokale foreninger',
  'som led i den fælles strategi',
  'i løbet af efteråret',
  'med inddragelse af de berørte borgere',
] as const;

/** Whole sentences that recur in real minutes; years are followed by a word, never by a full stop. */
export const STOCK_SENTENCES = [
  'Sagen forelægges til orientering.',
  'Der er ikke personalemæssige konsekvenser af forslaget.',
  'Projektet forventes afsluttet i 2026 og evalueres herefter.',
  'Der henvises i øvrigt til det vedlagte notat.',
  'Høringsperioden løber i seks uger, og svarene forelægges udvalget.',
  'Forslaget er i overensstemmelse med kommuneplanen og de gældende sektorplaner.',
  'Merforbruget skyldes især stigende udgifter til anbringelser og specialundervisning.',
] as const;

export const MONTHS = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
] as const;

export const WEEKDAYS = ['Søndag', 'Mandag', 'Tirsdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lørdag'] as const;

export function pick<T>(random: Random, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

export function between(random: Random, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

export function chance(random: Random, probability: number): boolean {
  return random() < probability;
}

/** Fisher–Yates on a copy. */
export function shuffled<T>(random: Random, list: readonly T[]): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** A sentence of the kind that fills a case presentation. */
export function sentence(random: Random): string {
  if (random() < 0.25) return pick(random, STOCK_SENTENCES);
  // Amounts as "4,5 mio. kr." keep a bare number from opening a wrapped line (it would look like an item).
  const amount = `${between(random, 1, 40)},${between(random, 0, 9)} mio. kr.`;
  const tail = random() < 0.3 ? `, svarende til ${amount}` : ` ${pick(random, COMPLEMENTS)}.`;
  return `${pick(random, SUBJECTS)} ${pick(random, VERBS)} ${pick(random, OBJECTS)}${tail}`;
}

export function paragraph(random: Random, low = 3, high = 6): string {
  return Array.from({ length: between(random, low, high) }, () => sentence(random)).join(' ');
}

/** Distinct invented people: first and last names paired without repeats. */
export function people(random: Random, count: number): string[] {
  const firstNames = shuffled(random, FIRST_NAMES);
  const lastNames = shuffled(random, LAST_NAMES);
  return Array.from(
    { length: Math.min(count, firstNames.length, lastNames.length) },
    (_, i) => `${firstNames[i]} ${lastNames[i]}`,
  );
}

export interface DanishDate {
  readonly iso: string;
  /** "Tirsdag den 11. juni 2024" */
  readonly long: string;
  /** "11. juni 2024" */
  readonly text: string;
  /** "11-06-2024" */
  readonly dashed: string;
  /** "11.06.2024" */
  readonly dotted: string;
  /** "11/6 2024" */
  readonly slashed: string;
  /** "d. 11. jun. 2024" */
  readonly abbreviated: string;
  /** "24", the year in case numbers. */
  readonly yearShort: string;
}

export function danishDate(iso: string): DanishDate {
  const [year = '', month = '', day = ''] = iso.split('-');
  const weekday = WEEKDAYS[new Date(`${iso}T12:00:00Z`).getUTCDay()];
  const monthName = MONTHS[Number(month) - 1] ?? '';
  const text = `${Number(day)}. ${monthName} ${year}`;
  return {
    iso,
    long: `${weekday} den ${text}`,
    text,
    dashed: `${day}-${month}-${year}`,
    dotted: `${day}.${month}.${year}`,
    slashed: `${Number(day)}/${Number(month)} ${year}`,
    abbreviated: `d. ${Number(day)}. ${monthName.slice(0, 3)}. ${year}`,
    yearShort: year.slice(2),
  };
}

/** A random date between 2019 and 2026 as YYYY-MM-DD. */
export function randomIsoDate(random: Random): string {
  const day = new Date(Date.UTC(2019, 0, 1) + between(random, 0, 8 * 365) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/** An ISO date some days before another. */
export function daysBefore(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T12:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}
