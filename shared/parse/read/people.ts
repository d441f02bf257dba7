import { collapse, joinLines } from './text.ts';

/** Title words ahead of a name: roles, offices, ordinals ("1. viceborgmester", "HR-chef"). */
const TITLE_WORD =
  /^(\d+\.|og|[\p{L}-]*(direktør|chef|borgmester|formand|rådmand|konsulent|sekretær|leder|koordinator|medarbejder|referent|rådgiver|specialist|partner|assistent)|[\p{L}]+-)$/iu;
/** Roles after a name: "(A) - formand", ", næstformand". */
const ROLE = /\b(formand|næstformand|mødeleder|referent|sekretær|forperson|næstforperson)\b/gi;
const NOBODY = /^(ingen|intet|ingen afbud|-)$/i;

/**
 * People as minutes list them: one per line, comma lists wrapped anywhere, bullets, two columns
 * (tab-separated), with titles ("Kommunaldirektør …"), party letters ("(A)") and roles
 * ("- formand") taken off: "Helle Winther (A), formand · Bjarne Husted (V)" -> two names.
 */
export function personNames(values: readonly string[] | undefined): string[] {
  if (!values || values.length === 0) return [];
  const cells = values
    .flatMap((v) => v.split('\t'))
    .map((c) => c.trim())
    .filter(Boolean);
  // A list that starts with several names on one line, or has a line ending on a comma or a
  // hyphen (broken mid-list), is running text wrapped anywhere, even inside a name.
  const runningText =
    cells.length > 1 && (entries(cells[0] ?? '').length > 1 || cells.some((c) => /[,-]$/.test(c)));
  const names = runningText ? entries(joinLines(cells)) : cells.flatMap(entries);
  return [...new Set(names)];
}

function entries(text: string): string[] {
  return text
    .replace(/^[•·▪◦*–-]\s*/, '')
    .replace(/\([^)]*\)/g, '')
    .replace(ROLE, ',')
    .split(/\s*[,·;•]\s*|\s+[–-]\s+|\s+og\s+(?=\p{Lu})/u)
    .map(stripTitles)
    .filter((name) => /^\p{Lu}/u.test(name) && !NOBODY.test(name));
}

/** Titles stand in the first words: "Teknisk direktør …", "Børne- og kulturdirektør …". */
const TITLE_REACH = 4;

function stripTitles(entry: string): string {
  const words = collapse(entry.replace(/^[•·▪◦*–-]\s*/, '')).split(' ');
  const title = words
    .slice(0, Math.min(TITLE_REACH, words.length - 1))
    .findLastIndex((w) => TITLE_WORD.test(w));
  words.splice(0, title + 1);
  while (words.length > 1 && /^\p{Ll}/u.test(words[0] ?? '')) words.shift();
  while (words.length > 1 && /^[-–]$|^\p{Ll}/u.test(words.at(-1) ?? '')) words.pop();
  return words.join(' ').replace(/[.:]$/, '');
}
