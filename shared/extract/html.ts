import { Parser } from 'htmlparser2';
import type { ExtractedText, Line } from './line.ts';

/** Elements whose content is no part of the minutes: scripts, styles, the site's navigation and controls. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'nav',
  'footer',
  'button',
  'form',
  'select',
  'svg',
  'iframe',
  'aside',
]);
/** Elements that start a new line. */
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'tr',
  'dt',
  'dd',
  'dl',
  'table',
  'ul',
  'ol',
  'blockquote',
  'pre',
  'figure',
  'figcaption',
  'caption',
]);
const BOLD = new Set(['strong', 'b', 'th']);
const ITALIC = new Set(['em', 'i']);
const CELLS = new Set(['td', 'th']);

/** Enough of a page's start to tell a whole HTML page from text with a few tags in it. */
const HTML_PAGE = /<!doctype\s+html|<html[\s>]|<body[\s>]/i;

export function isHtmlPage(text: string): boolean {
  return HTML_PAGE.test(text.slice(0, 4096));
}

interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
}

/**
 * Reads a publication portal's HTML page into lines: headings with their level, bold runs,
 * table rows as tab-separated cells, list entries with their bullet or number, and nothing of
 * scripts, styles, navigation, buttons or forms. A `<br>` continues a paragraph on a new line.
 * A table inside a heading element (portals have them) is text, not headings.
 */
export function readHtml(html: string): ExtractedText {
  const lines: Line[] = [];
  let runs: Run[] = [];
  let breakBefore = true;
  let skipDepth = 0;
  let level = 0;
  /** The heading levels around each open table: a table set inside a heading is no heading. */
  const tableLevels: number[] = [];
  let bold = 0;
  let italic = 0;
  let cell = 0;
  const lists: { ordered: boolean; next: number }[] = [];
  const flush = (nextBreak: boolean) => {
    const text = runs
      .map((r) => r.text)
      .join('')
      .replace(/[ \u00a0]*\t[ \u00a0]*/g, '\t')
      .replace(/[ \u00a0]+/g, ' ')
      .replace(/^\t+|\t+$/g, '')
      .trim();
    if (text) {
      const letters = (filter: (r: Run) => boolean) =>
        runs.filter(filter).reduce((n, r) => n + r.text.replace(/\s/g, '').length, 0);
      const all = letters(() => true);
      lines.push({
        text,
        page: 1,
        x: Math.max(0, lists.length - 1) * 2,
        y: lines.length,
        size: 0,
        bold: level > 0 || letters((r) => r.bold) > all / 2,
        italic: letters((r) => r.italic) > all / 2,
        level,
        breakBefore,
      });
      breakBefore = nextBreak;
    } else breakBefore ||= nextBreak;
    runs = [];
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (skipDepth > 0 || SKIPPED.has(name)) {
          skipDepth++;
          return;
        }
        if (name === 'br') {
          flush(false);
          return;
        }
        if (BLOCKS.has(name)) flush(true);
        if (/^h[1-6]$/.test(name)) level = Number(name.slice(1));
        if (name === 'table') {
          tableLevels.push(level);
          level = 0;
        }
        if (BOLD.has(name)) bold++;
        if (ITALIC.has(name)) italic++;
        if (name === 'ul' || name === 'ol') {
          lists.push({ ordered: name === 'ol', next: Number(attributes.start ?? 1) || 1 });
        }
        if (name === 'li') {
          const list = lists.at(-1);
          const marker = list?.ordered ? `${list.next++}. ` : '• ';
          runs.push({ text: marker, bold: false, italic: false });
        }
        if (CELLS.has(name)) {
          if (cell++ > 0) runs.push({ text: '\t', bold: false, italic: false });
        }
      },
      ontext(text) {
        if (skipDepth > 0) return;
        runs.push({ text: text.replace(/[\r\n\t]+/g, ' '), bold: bold > 0, italic: italic > 0 });
      },
      onclosetag(name) {
        // Void elements close at once too, so counting opens and closes finds the skipped element's end.
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        if (BOLD.has(name)) bold = Math.max(0, bold - 1);
        if (ITALIC.has(name)) italic = Math.max(0, italic - 1);
        if (name === 'tr') cell = 0;
        if (BLOCKS.has(name)) flush(true);
        if (/^h[1-6]$/.test(name)) level = 0;
        if (name === 'table') level = tableLevels.pop() ?? 0;
        if (name === 'ul' || name === 'ol') lists.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush(true);
  return { format: 'html', pages: 1, lines };
}
