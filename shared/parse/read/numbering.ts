import { EXTRA_ITEM_HEADINGS, ITEM_NUMBER_WORDS, NUMBER_WORDS } from '../vocabulary/items.ts';
import { CLOSED_WORDS, OPEN_WORDS } from '../vocabulary/markers.ts';
import { MONTHS } from './dates.ts';
import { phrasePattern } from './text.ts';

/** An item number as a heading writes it: the number, the title after it and the shape around it. */
export interface Numbering {
  readonly number: number;
  /** What follows the number; empty when the title stands on the next line. */
  readonly title: string;
  /** The numbering's shape with the number folded: "N.", "punkt N:", "•N.", "N⇥" … */
  readonly shape: string;
  /** Numbered with a word that names an agenda item ("Punkt 3", "Pkt. 42"), not a bare number. */
  readonly namesItem: boolean;
  /**
   * The access word and item word before the number, as printed ("Åbent punkt 3" -> "Åbent
   * punkt"): the item's only title when no other follows; empty without an access word.
   */
  readonly label: string;
}

const ITEM_WORDS: ReadonlySet<string> = new Set(ITEM_NUMBER_WORDS);

const WORDS = NUMBER_WORDS.map((w) => w.replace(/\./g, '\\.').replace(/ /g, '\\s*')).join('|');
const ACCESS = [...OPEN_WORDS, ...CLOSED_WORDS].map(phrasePattern).join('|');
/**
 * A bullet, a word ("Punkt", "Pkt.", "§" …), the number, then a separator and the title. The
 * number must not run on into a decimal, an amount, a time, a date or a case number
 * ("1.316.000", "10.00", "4,5", "27-08-2025", "24/16905"), nor be a sub-item ("1.1").
 */
const NUMBERING = new RegExp(
  `^([•·▪■●◦*]\\s*)?(?:(${ACCESS})\\s+)?(?:(${WORDS})\\s*)?(\\d{1,4})(?![\\d,/]|[.:-]\\d)(\\s*\\.|\\s*\\)|\\s*:|\\s+[–—-]|\\t)?\\s*(.*)$`,
  'iu',
);

/** "12. feb.", "5. februar 2025": a day and a month is a date, not a number and a title. */
const MONTH_AFTER = new RegExp(`^(?:${Object.keys(MONTHS).join('|')})\\b`, 'i');

/** Reads "1. Title", "Punkt 1: Title", "Pkt. 42 Title", "§ 1 Title", "• 301. Title", "1.Title", "1" + tab + title. */
export function readNumbering(text: string): Numbering | null {
  const match = NUMBERING.exec(text.trim());
  if (!match) return null;
  const [, bullet, access, word, digits, separator, rest = ''] = match;
  // An access word numbers nothing without an item word: "Åbent punkt 3", not "Lukket 3".
  if (access && !word) return null;
  const title = rest.trim();
  const sep = (separator ?? ' ').trim() || (separator === '\t' ? '⇥' : ' ');
  // A bare number with neither a word nor punctuation is a number in text ("8410 Rønde") only
  // when a title follows; alone it is a table cell or a page number.
  if (!word && !separator?.trim() && separator !== '\t' && !title) return null;
  if (title && (!/^[\p{L}"'«»„(]/u.test(title) || MONTH_AFTER.test(title))) return null;
  const folded = word ? `${word.toLowerCase().replace(/\s+/g, ' ')} ` : '';
  return {
    number: Number(digits),
    title,
    shape: `${bullet ? '•' : ''}${folded}N${sep === '–' || sep === '—' || sep === '-' ? '–' : sep}`,
    namesItem: ITEM_WORDS.has(folded.trim()),
    label: access && word ? `${access} ${word}` : '',
  };
}

const EXTRA_ITEM = new RegExp(`^(?:${EXTRA_ITEM_HEADINGS.map(phrasePattern).join('|')})\\s*:?$`, 'i');

/** "Ekstra punkt", "Tillægspunkt": a heading that names an item by itself, without a number. */
export function namesExtraItem(text: string): boolean {
  return EXTRA_ITEM.test(text.trim());
}
