/**
 * Sets generated blocks as a publication portal's web page: the site's navigation and footer
 * around the minutes, header fields as a table, a definition list or paragraphs, items as
 * headings or as table rows, and the page chrome after each item ("Til toppen", "Kopier link
 * til punktet", "Udskriv").
 */
import type { Block } from './blocks.ts';
import type { GeneratedDocument } from './document.ts';
import type { HouseStyle } from './style.ts';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const lines = (text: string) => text.split('\n').map(escapeHtml).join('<br>');

const CHROME = `<div class="tools"><a href="#top">Til toppen</a> <button type="button">Kopier link til punktet</button> <a href="?print=1">Udskriv</a></div>`;

function label(style: HouseStyle, text: string): string {
  switch (style.labelLook) {
    case 'bold':
    case 'bold-large':
    case 'run-in':
      return `<h3>${escapeHtml(text)}</h3>`;
    case 'caps':
      return `<p><strong>${escapeHtml(text.toLocaleUpperCase('da'))}</strong></p>`;
    case 'italic':
      return `<p><em>${escapeHtml(text)}</em></p>`;
    case 'colon':
      return `<p>${escapeHtml(text.endsWith(':') ? text : `${text}:`)}</p>`;
  }
}

function field(style: HouseStyle, block: Extract<Block, { role: 'field' }>): string {
  const bullets = block.values.every((v) => v.startsWith('• '));
  const value = bullets
    ? `<ul>${block.values.map((v) => `<li>${escapeHtml(v.slice(2))}</li>`).join('')}</ul>`
    : block.values.map(escapeHtml).join('<br>');
  switch (style.fields) {
    case 'columns':
      return `<tr><th>${escapeHtml(block.label)}</th><td>${value}</td></tr>`;
    case 'stacked':
      return `<dt>${escapeHtml(block.label)}</dt><dd>${value}</dd>`;
    case 'inline':
      return bullets
        ? `<p><strong>${escapeHtml(block.label)}:</strong></p>${value}`
        : `<p><strong>${escapeHtml(block.label)}:</strong> ${value}</p>`;
  }
}

/** Consecutive fields (or contents entries) share one table, list or definition list. */
function group(style: HouseStyle, role: Block['role'], parts: readonly string[]): string {
  if (role === 'toc-entry') return `<ol class="agenda">${parts.join('')}</ol>`;
  if (style.fields === 'columns') return `<table class="meeting-info">${parts.join('')}</table>`;
  if (style.fields === 'stacked') return `<dl>${parts.join('')}</dl>`;
  return parts.join('\n');
}

function itemHeading(style: HouseStyle, block: Extract<Block, { role: 'item-heading' }>, n: number): string {
  if (style.htmlItems === 'rows') {
    const [number, title] =
      block.columns ?? (block.lines.length === 2 ? [block.lines[0], block.lines[1]] : ['', block.lines[0]]);
    return `<table class="punkt" id="punkt-${n}"><tr><td class="nr">${escapeHtml(number ?? '')}</td><td class="titel"><strong>${escapeHtml(title ?? '')}</strong></td></tr></table>`;
  }
  const text = block.columns ? block.columns.join(' ') : block.lines.map(escapeHtml).join('<br>');
  return `<h2 id="punkt-${n}">${block.columns ? escapeHtml(text) : text}</h2>`;
}

function setBlock(style: HouseStyle, block: Block, n: number): string {
  switch (block.role) {
    case 'title':
      return block.rank === 1
        ? `<h1>${escapeHtml(block.text)}</h1>`
        : block.rank === 2
          ? `<h2 class="subtitle">${escapeHtml(block.text)}</h2>`
          : `<p>${escapeHtml(block.text)}</p>`;
    case 'field':
      return field(style, block);
    case 'toc-heading':
      return `<h2>${escapeHtml(block.text)}</h2>`;
    case 'toc-entry':
      return `<li><a href="#punkt">${escapeHtml(block.text.replace(/^\d+\.\s*/, ''))}</a></li>`;
    case 'item-heading':
      return itemHeading(style, block, n);
    case 'sub-heading':
      return style.subItemLook === 'heading'
        ? `<h3>${escapeHtml(block.text)}</h3>`
        : `<p><strong>${escapeHtml(block.text)}</strong></p>`;
    case 'part-heading':
      return `<h2>${escapeHtml(block.text)}</h2>`;
    case 'signatures':
      return `<h3>${escapeHtml(block.heading)}</h3>${block.names.map((n) => `<p>${escapeHtml(n)}</p>`).join('')}`;
    case 'marker':
      return `<p class="meta">${escapeHtml(block.text)}</p>`;
    case 'label':
      return label(style, block.text);
    case 'paragraph':
      return block.runIn
        ? `<p><strong>${escapeHtml(block.runIn)}:</strong> ${lines(block.text)}</p>`
        : `<p>${lines(block.text)}</p>`;
    case 'list': {
      const tag = block.marker === 'number' ? 'ol' : 'ul';
      return `<${tag}>${block.entries.map((e) => `<li>${escapeHtml(e)}</li>`).join('')}</${tag}>`;
    }
    case 'table':
      return `<table>${block.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</table>`;
    case 'page-break':
      return '';
  }
}

/** The document as a web page; the same document always gives the same page. */
export function renderHtml(doc: GeneratedDocument): string {
  const style = doc.style;
  const out: string[] = [];
  // Consecutive fields (or contents entries) are collected, then set as one group.
  const groups: { role: Block['role']; parts: string[] }[] = [];
  const close = () => {
    for (const g of groups.splice(0)) out.push(group(style, g.role, g.parts));
  };
  let items = 0;
  for (const block of doc.blocks) {
    const grouped = block.role === 'field' || block.role === 'toc-entry';
    if (!grouped || groups[0]?.role !== block.role) close();
    if (block.role === 'item-heading') {
      if (items > 0 && style.chrome) out.push(CHROME);
      items++;
    }
    const html = setBlock(style, block, items);
    if (!grouped) out.push(html);
    else if (groups[0]) groups[0].parts.push(html);
    else groups.push({ role: block.role, parts: [html] });
  }
  close();
  if (items > 0 && style.chrome) out.push(CHROME);
  const title = `${doc.truth.meeting.body ?? 'Referat'} ${doc.truth.meeting.date ?? ''}`;
  return `<!DOCTYPE html>
<html lang="da">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif}.tools{font-size:small}</style>
<script>document.addEventListener('click',()=>{/* <p>not text</p> */});</script></head>
<body id="top">
<header class="site"><nav><ul><li><a href="/">Forside</a></li><li><a href="/politik">Politik og demokrati</a></li><li><a href="/dagsordener">Dagsordener og referater</a></li></ul></nav></header>
<main>
${out.join('\n')}
</main>
<footer><p>Kontakt os</p><p>Tilgængelighedserklæring</p></footer>
</body>
</html>
`;
}
