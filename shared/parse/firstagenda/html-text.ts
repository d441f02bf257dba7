import { readHtml } from '#extract/html.ts';
import type { Line } from '#extract/line.ts';
import { collapse } from '../read/text.ts';

/** Markup or an entity: what makes a portal's text field need the HTML parser. */
const MARKUP = /<[a-z!/?]|&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;

/**
 * An item's HTML as lines of plain text (htmlparser2, shared/extract/html.ts): headings keep
 * their level, paragraphs, `<br>` lines, list entries and table rows are lines; scripts, styles,
 * forms, comments, attributes (`onclick`, `href`, `style`) and every tag are gone, entities
 * decoded. No markup survives into what is indexed or shown.
 */
export function htmlLines(html: string | null | undefined): readonly Line[] {
  return html ? readHtml(html).lines : [];
}

/** A portal's text field (a title, a name) as plain text on one line: any markup taken out, entities decoded. */
export function plainText(text: string): string {
  if (!MARKUP.test(text)) return collapse(text);
  return collapse(
    readHtml(text)
      .lines.map((l) => l.text.replace(/\t/g, ' '))
      .join(' '),
  );
}
