export const MONTHS: Record<string, number> = {
  januar: 1,
  jan: 1,
  februar: 2,
  feb: 2,
  marts: 3,
  mar: 3,
  april: 4,
  apr: 4,
  maj: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

/** "marts", "feb.": a month's name or its abbreviation. */
export function isMonthWord(word: string): boolean {
  return word.toLowerCase().replace(/\.$/, '') in MONTHS;
}

/** 05-02-2025, 27.03.2025: one separator throughout. */
const NUMERIC_DATE = /\b(\d{1,2})([-./])(\d{1,2})\2(\d{4}|\d{2})\b(?![-./]\d|-\p{Lu})/u;
/** 5/2 2025, 5/2-2025: day/month, then the year (a case number such as 24/16905 has none). */
const SLASHED_DATE = /\b(\d{1,2})\/(\d{1,2})[\s-]+(\d{4})\b/;
const WORD_DATE =
  /\b(\d{1,2})\.?\s*(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|okt|nov|dec)\.?\s+(\d{4})\b/i;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;

/** The first Danish date in the text ("5. februar 2025", "05-02-2025", "27.03.2025", "5/2 2025") as YYYY-MM-DD. */
export function findDate(text: string): string | null {
  return findDateAt(text)?.iso ?? null;
}

/** The first date in the text and where it starts. */
export function findDateAt(text: string): { iso: string; index: number } | null {
  const candidates: { index: number; iso: string | null }[] = [];
  const iso = ISO_DATE.exec(text);
  if (iso) candidates.push({ index: iso.index, iso: toIso(Number(iso[1]), Number(iso[2]), Number(iso[3])) });
  const word = WORD_DATE.exec(text);
  if (word) {
    const month = MONTHS[(word[2] ?? '').toLowerCase()] ?? 0;
    candidates.push({ index: word.index, iso: toIso(Number(word[3]), month, Number(word[1])) });
  }
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) {
    const year = Number(numeric[4]);
    candidates.push({
      index: numeric.index,
      iso: toIso(year < 100 ? 2000 + year : year, Number(numeric[3]), Number(numeric[1])),
    });
  }
  const slashed = SLASHED_DATE.exec(text);
  if (slashed) {
    candidates.push({
      index: slashed.index,
      iso: toIso(Number(slashed[3]), Number(slashed[2]), Number(slashed[1])),
    });
  }
  const [first] = candidates.filter((c) => c.iso !== null).sort((a, b) => a.index - b.index);
  return first?.iso ? { iso: first.iso, index: first.index } : null;
}

function toIso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1970 || year > 2100) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const TIME = /\b(?:kl\.?\s*)?([01]?\d|2[0-3])[.:]([0-5]\d)\b/gi;

/** Clock times in the text in order, as H:MM or HH:MM as written ("Kl. 08.00–10.40" -> 08:00, 10:40). */
export function findTimes(text: string): string[] {
  const withoutDates = text.replace(NUMERIC_DATE, ' ').replace(WORD_DATE, ' ').replace(SLASHED_DATE, ' ');
  return [...withoutDates.matchAll(TIME)].map((m) => `${m[1]}:${m[2]}`);
}
