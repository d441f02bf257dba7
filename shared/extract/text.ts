import type { ExtractedText, Line } from './line.ts';

const HTML_TAG = /<\/?(p|br|div|span|b|strong|i|em|h[1-6]|li|ul|ol|table|tr|td|th|html|body)\b[^>]*>/i;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Reads minutes given as text: plain, markdown-like, hard-wrapped dumps, or rows with HTML fragments. */
export function readText(text: string): ExtractedText {
  const format = HTML_TAG.test(text) ? 'html' : /^#{1,6} |\*\*\S/m.test(text) ? 'markdown' : 'text';
  const source = format === 'html' ? htmlToText(text) : text;
  const lines: Line[] = [];
  let page = 1;
  let blank = true;
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const pageBreaks = raw.split('\f').length - 1;
    page += pageBreaks;
    const content = raw.replaceAll('\f', '');
    if (content.trim().length === 0) {
      blank = true;
      continue;
    }
    for (const [index, segment] of splitGluedEmphasis(content).entries()) {
      lines.push(toLine(segment, page, lines.length, blank || index > 0));
    }
    blank = false;
  }
  return { format, pages: page, lines };
}

function toLine(raw: string, page: number, y: number, breakBefore: boolean): Line {
  const heading = /^\s*(#{1,6})\s+/.exec(raw);
  let text = heading ? raw.slice(heading[0].length) : raw;
  const indent = /^[ \t]*/.exec(text)?.[0].replace(/\t/g, '    ').length ?? 0;
  text = text.trim();
  const bold = /^\*\*[^*].*\*\*$/.test(text) || /^__.+__$/.test(text);
  const italic = !bold && /^\*[^*].*\*$/.test(text);
  text = text.replace(/(\*\*|__)(.+?)\1/g, '$2').replace(/(^|\s)\*([^*\s][^*]*?)\*(?=\s|$)/g, '$1$2');
  return {
    text: text.trim(),
    page,
    x: indent,
    y,
    size: 0,
    bold,
    italic,
    level: heading?.[1]?.length ?? 0,
    breakBefore,
  };
}

/**
 * Splits a line where emphasis markers glue separate lines together, as some converters write
 * "Punkter til behandling*Åben Sag***Sagsgang**" for a title, a marker and a heading.
 */
function splitGluedEmphasis(line: string): string[] {
  if (!/\S\*+\S/.test(line) || /^\s*[*-] /.test(line)) return [line];
  const parts = line.split(/\*+/).map((part) => part.trim());
  if (parts.filter(Boolean).length < 2 || !/[^\s*]\*+[^\s*]/.test(line)) return [line];
  return parts.filter(Boolean);
}

function htmlToText(html: string): string {
  return html
    .replace(/<\/(p|div|h[1-6]|li|tr)>\s*/gi, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '- ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (entity, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X'))
        return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? entity;
    });
}
