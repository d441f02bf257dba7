import { DECISION_LABELS } from '../vocabulary/labels.ts';
import { findDate, isMonthWord } from './dates.ts';
import { remembered } from './memo.ts';
import { collapse, fold, sentenceCase } from './text.ts';
import { isBodyWord } from './vocabulary.ts';

export interface DecisionHeading {
  /** The section heading it stands for: "Beslutning", "Afgørelse", "Beslutninger", "Konklusion" … */
  readonly heading: string;
  /** The body that decided, when the heading names one. */
  readonly body: string | null;
  readonly date: string | null;
  /** Names a body or a date but no decision word ("Økonomiudvalget den 17.09.2024"): a decision only when text follows. */
  readonly bare: boolean;
}

const PLAIN = new Map(DECISION_LABELS.map((label) => [fold(label), label]));
const DATE_TAIL = /\s+(?:den|d\.)\s+(.+)$/i;
/** "Punkt 3" after the date, as eDoc prints it. */
const ITEM_TAIL = /\s+(?:punkt|pkt\.?)\s*\d+\s*$/i;
const DECISION_WORD = /beslutning|afgørelse/i;

/**
 * Reads a decision heading: "Beslutning", "Beslutninger", "Beslutning i Direktionen den
 * 05-02-2025", "Beslutning Direktionen den 03-09-2024", "Kommunalbestyrelsens beslutning den 27.
 * marts 2025:", "Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 3",
 * "Økonomiudvalget den 17.09.2024".
 */
export const decisionHeading = remembered(readDecisionHeading);

function readDecisionHeading(line: string): DecisionHeading | null {
  if (line.length > 140) return null;
  const text = collapse(line).replace(/:$/, '').replace(ITEM_TAIL, '');
  if (text.length > 110) return null;
  const plain = PLAIN.get(fold(text));
  if (plain) return { heading: plain, body: null, date: null, bare: false };
  // Most lines are prose: only a decision word or a dated tail can make a heading of them.
  const decisionWord = DECISION_WORD.test(text);
  if ((!decisionWord && !DATE_TAIL.test(text)) || (/[.!?]$/.test(text) && !findDate(text))) return null;
  if (!decisionWord) return datedBody(text);
  const leading = /^(Beslutning|Afgørelse)(?:\s+(?:i|på mødet i|truffet i|fra|af))?(?:\s+(.*))?$/i.exec(text);
  if (leading) {
    const rest = bodyAndDate(leading[2] ?? '');
    return rest && { heading: canonical(leading[1] ?? ''), ...rest, bare: false };
  }
  const genitive = /^(\p{Lu}[\p{L}., -]*?)s\s+(beslutning|afgørelse)(\s+(?:den|d\.)\s+.+)?$/iu.exec(text);
  if (genitive) {
    return {
      heading: canonical(genitive[2] ?? ''),
      body: bodyName(genitive[1] ?? ''),
      date: findDate(genitive[3] ?? ''),
      bare: false,
    };
  }
  return datedBody(text);
}

/**
 * "Økonomiudvalget den 17.09.2024", "Styregruppen for digitalisering den 11.01.2024": a body
 * (a body's noun first or last) and a date, nothing after it: not a sentence that names them.
 */
function datedBody(text: string): DecisionHeading | null {
  const dated = DATE_TAIL.exec(text);
  const body = dated ? text.slice(0, dated.index).trim() : '';
  const words = body.split(' ');
  if (
    dated &&
    isDateOnly(dated[1] ?? '') &&
    (isBodyWord(words[0] ?? '') || isBodyWord(words.at(-1) ?? '')) &&
    words.length <= 6
  ) {
    return { heading: 'Beslutning', body: bodyName(body), date: findDate(dated[1] ?? ''), bare: true };
  }
  return null;
}

/** "17.09.2024", "5. marts 2025", "5/2 2025": a date and nothing more. */
function isDateOnly(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return (
    findDate(text) !== null &&
    words.length <= 4 &&
    words.every((w) => !/\p{L}{3,}/u.test(w) || isMonthWord(w))
  );
}

function canonical(word: string): string {
  return word.toLowerCase() === 'afgørelse' ? 'Afgørelse' : 'Beslutning';
}

function bodyName(text: string): string {
  return sentenceCase(collapse(text));
}

/** What follows "Beslutning": a body and a date, or null when it is prose ("Beslutning om ..."). */
function bodyAndDate(rest: string): { body: string | null; date: string | null } | null {
  if (!rest) return { body: null, date: null };
  const tail = DATE_TAIL.exec(rest);
  const date = findDate(tail ? (tail[1] ?? '') : rest);
  const bodyText = (tail ? rest.slice(0, tail.index) : rest).trim();
  if (!bodyText || findDate(bodyText)) return { body: null, date };
  if (!/^\p{Lu}/u.test(bodyText) || bodyText.split(' ').length > 6) return null;
  return { body: bodyName(bodyText), date };
}
