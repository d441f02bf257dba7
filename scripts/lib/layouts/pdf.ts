/**
 * Sets generated blocks as a PDF with pdfkit, line by line, so the layout is ours to vary: fonts,
 * sizes, leading, paragraph gaps, justification with hyphenation, hanging numbers, columns,
 * landscape pages, page breaks anywhere (inside decisions too), running headers and footers.
 */
import PDFDocument from 'pdfkit';
import type { Block } from './blocks.ts';
import type { GeneratedDocument } from './document.ts';
import type { HouseStyle } from './style.ts';

/** Fixed so that a seed yields byte-identical PDFs (pdfkit stamps and hashes the creation date). */
const CREATED = new Date('2024-01-01T00:00:00Z');
const RIGHT_MARGIN = 56;
const BOTTOM_MARGIN = 64;
/** Word spacing beyond this is not justified (a real typesetter would hyphenate or loosen less). */
const MAX_STRETCH = 0.5;

interface Font {
  readonly name: string;
  readonly size: number;
}

class Typesetter {
  readonly pdf: PDFKit.PDFDocument;
  readonly style: HouseStyle;
  private y = 0;
  private readonly top: number;

  /** Where the values of a header set in two columns start: clear of the widest label. */
  valueColumn = 110;

  /** Points the body stands right of the margin: under a bordered heading's title cell. */
  indent = 0;

  constructor(pdf: PDFKit.PDFDocument, style: HouseStyle) {
    this.pdf = pdf;
    this.style = style;
    this.top = Math.max(72, style.runningHeaderTop + 44);
    this.y = this.top;
  }

  get left(): number {
    return this.style.marginLeft + this.indent;
  }

  get width(): number {
    return this.pdf.page.width - this.left - RIGHT_MARGIN;
  }

  private get bottom(): number {
    return this.pdf.page.height - BOTTOM_MARGIN;
  }

  get atTop(): boolean {
    return this.y <= this.top + 0.1;
  }

  leading(size: number): number {
    return size * this.style.leading;
  }

  newPage(landscape = false): void {
    this.pdf.addPage({ size: 'A4', layout: landscape ? 'landscape' : 'portrait', margin: 0 });
    this.y = this.top;
  }

  /** Moves to a new page unless `height` points fit on this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom) this.newPage(false);
  }

  space(points: number): void {
    if (!this.atTop) this.y += points;
  }

  /** One line of text at x; `stretch` is extra word spacing for justification. */
  line(text: string, font: Font, x: number, stretch = 0): void {
    this.ensure(this.leading(font.size));
    this.marked(() =>
      this.pdf
        .font(font.name)
        .fontSize(font.size)
        .text(text, x, this.y, { lineBreak: false, ...(stretch > 0 ? { wordSpacing: stretch } : {}) }),
    );
    this.y += this.leading(font.size);
  }

  /** A tagged PDF marks its content line by line, so no marked sequence spans a page break. */
  marked(draw: () => void): void {
    if (this.style.tagged) this.pdf.markContent('P');
    draw();
    if (this.style.tagged) this.pdf.endMarkedContent();
  }

  /** Several runs on one baseline (a label and its value, a number and its title). */
  runs(parts: readonly { text: string; font: Font; x: number }[], size: number): void {
    this.ensure(this.leading(size));
    this.marked(() => this.setRuns(parts));
    this.y += this.leading(size);
  }

  private setRuns(parts: readonly { text: string; font: Font; x: number }[]): void {
    for (const part of parts) {
      this.pdf
        .font(part.font.name)
        .fontSize(part.font.size)
        .text(part.text, part.x, this.y, { lineBreak: false });
    }
  }

  /**
   * A heading as one row of a bordered table: the number centred in its cell, beside the title
   * wrapped in the next; the body after it is indented to the title cell.
   */
  borderedHeading(number: string, title: string, font: Font): void {
    this.indent = 0;
    const [cell, pad] = [Math.max(30, this.measure(number, font) + 12), 4];
    const lead = this.leading(font.size);
    const lines = this.breakLines(title, font, this.width - cell - 2 * pad);
    const height = lines.length * lead + 2 * pad;
    this.ensure(height + this.leading(this.style.bodySize) * 3);
    const [x, top] = [this.left, this.y];
    // The rules are no content: a tagged PDF marks them as artifacts.
    if (this.style.tagged) this.pdf.markContent('Artifact', { type: 'Layout' });
    this.pdf
      .lineWidth(0.6)
      .rect(x, top, this.width, height)
      .moveTo(x + cell, top)
      .lineTo(x + cell, top + height)
      .stroke();
    if (this.style.tagged) this.pdf.endMarkedContent();
    const numberX = x + (cell - this.measure(number, font)) / 2;
    const numberY = top + pad + ((lines.length - 1) * lead) / 2;
    this.marked(() =>
      this.pdf.font(font.name).fontSize(font.size).text(number, numberX, numberY, { lineBreak: false }),
    );
    for (const [i, line] of lines.entries()) {
      this.marked(() =>
        this.pdf
          .font(font.name)
          .fontSize(font.size)
          .text(line.text, x + cell + pad, top + pad + i * lead, { lineBreak: false }),
      );
    }
    this.y = top + height + pad;
    this.indent = cell + pad;
  }

  measure(text: string, font: Font): number {
    return this.pdf.font(font.name).fontSize(font.size).widthOfString(text);
  }

  /**
   * Breaks text into lines of at most `width` points; a "\n" forces a break. With hyphenation,
   * a long lower-case word that does not fit is split with a hyphen, as Danish typesetting does.
   */
  breakLines(text: string, font: Font, width: number, firstWidth = width): { text: string; last: boolean }[] {
    const lines: { text: string; last: boolean }[] = [];
    for (const [index, hard] of text.split('\n').entries()) {
      const words = hard.split(/\s+/).filter(Boolean);
      let current = '';
      const limit = () => (lines.length === 0 && index === 0 ? firstWidth : width);
      for (const word of words) {
        const candidate = current ? `${current} ${word}` : word;
        if (this.measure(candidate, font) <= limit() || !current) {
          current = candidate;
          continue;
        }
        const split = this.style.hyphenate ? this.hyphenate(current, word, font, limit()) : null;
        if (split) {
          lines.push({ text: `${current} ${split[0]}-`, last: false });
          current = split[1];
        } else {
          lines.push({ text: current, last: false });
          current = word;
        }
      }
      if (current) lines.push({ text: current, last: true });
    }
    return lines;
  }

  private hyphenate(current: string, word: string, font: Font, width: number): [string, string] | null {
    if (!/^\p{Ll}{8,}[,.]?$/u.test(word)) return null;
    for (let cut = word.replace(/[,.]$/, '').length - 3; cut >= 3; cut--) {
      const head = word.slice(0, cut);
      if (this.measure(`${current} ${head}-`, font) <= width) return [head, word.slice(cut)];
    }
    return null;
  }

  /** A paragraph: justified when the style says so, the last line of each hard line left. */
  paragraph(text: string, font: Font, x: number, width: number, runIn?: { text: string; font: Font }): void {
    const lead = runIn ? `${runIn.text}: ` : '';
    const leadWidth = runIn ? this.measure(lead, runIn.font) : 0;
    const lines = this.breakLines(text, font, width, width - leadWidth);
    for (const [i, line] of lines.entries()) {
      const start = i === 0 ? x + leadWidth : x;
      const room = i === 0 ? width - leadWidth : width;
      const spaces = line.text.split(' ').length - 1;
      const slack = room - this.measure(line.text, font);
      const stretch =
        this.style.justify && !line.last && spaces > 0 && slack / spaces < font.size * MAX_STRETCH
          ? slack / spaces
          : 0;
      if (i === 0 && runIn) {
        this.ensure(this.leading(font.size));
        this.marked(() =>
          this.pdf
            .font(runIn.font.name)
            .fontSize(runIn.font.size)
            .text(lead, x, this.y, { lineBreak: false }),
        );
      }
      this.line(line.text, font, start, stretch);
    }
  }
}

function fonts(style: HouseStyle) {
  const { regular, bold, italic } = style.typeface;
  const size = style.bodySize;
  return {
    body: { name: regular, size },
    bold: { name: bold, size },
    italic: { name: italic, size },
    small: { name: regular, size: 8 },
    table: { name: regular, size: size - 1 },
    heading: { name: style.headingBold ? bold : regular, size: size + style.headingStep },
    title: (rank: 1 | 2 | 3) => ({
      name: rank === 3 ? regular : bold,
      size: size + (rank === 1 ? 9 : rank === 2 ? 4 : 1),
    }),
    label: (() => {
      switch (style.labelLook) {
        case 'bold':
        case 'run-in':
          return { name: bold, size };
        case 'bold-large':
          return { name: bold, size: size + 1.5 };
        case 'caps':
        case 'colon':
          return { name: regular, size };
        case 'italic':
          return { name: italic, size };
      }
    })(),
  };
}

function labelText(style: HouseStyle, text: string): string {
  if (style.labelLook === 'caps') return text.toLocaleUpperCase('da');
  if (style.labelLook === 'colon' && !text.endsWith(':')) return `${text}:`;
  return text;
}

const LIST_MARKERS = {
  number: (i: number) => `${i + 1}.`,
  bullet: () => '•',
  dash: () => '–',
  letter: (i: number) => `${String.fromCharCode(97 + i)})`,
};

function setBlock(t: Typesetter, style: HouseStyle, block: Block): void {
  const f = fonts(style);
  const gap = t.leading(style.bodySize) * style.paragraphGap;
  const x = t.left;
  switch (block.role) {
    case 'title':
      t.space(gap);
      t.paragraph(block.text, f.title(block.rank), x, t.width);
      return;
    case 'field': {
      const labelFont = style.fields === 'inline' ? f.bold : f.body;
      const label = style.fields === 'inline' ? `${block.label}: ` : block.label;
      if (style.fields === 'stacked') {
        t.space(gap);
        t.line(block.label, f.bold, x);
        for (const value of block.values) t.paragraph(value, f.body, x, t.width);
        return;
      }
      const valueX = style.fields === 'columns' ? x + t.valueColumn : x + t.measure(label, labelFont);
      const valueWidth = t.left + t.width - valueX;
      t.space(gap * 0.5);
      // The second column starts clear of the widest name in the first; names too wide for two
      // columns stand one to a line, as a template would set them.
      const widest = Math.max(0, ...block.values.map((v) => t.measure(v, f.body)));
      const secondX = valueX + Math.max(190, widest + 24);
      const twoColumns = block.twoColumns && secondX + widest <= t.left + t.width;
      const pairs = twoColumns
        ? Array.from({ length: Math.ceil(block.values.length / 2) }, (_, i) =>
            block.values.slice(i * 2, i * 2 + 2),
          )
        : block.values.map((v) => [v]);
      for (const [i, pair] of pairs.entries()) {
        const labelRun = i === 0 ? [{ text: label, font: labelFont, x }] : [];
        if (pair.length === 2) {
          t.runs(
            [
              ...labelRun,
              { text: pair[0] ?? '', font: f.body, x: valueX },
              { text: pair[1] ?? '', font: f.body, x: secondX },
            ],
            style.bodySize,
          );
          continue;
        }
        const lines = t.breakLines(pair[0] ?? '', f.body, valueWidth);
        for (const [j, line] of lines.entries()) {
          t.runs(
            [...(j === 0 ? labelRun : []), { text: line.text, font: f.body, x: valueX }],
            style.bodySize,
          );
        }
      }
      return;
    }
    case 'toc-heading':
      t.space(gap * 2);
      t.line(block.text, f.title(2), x);
      return;
    case 'toc-entry': {
      if (block.page === null) {
        t.paragraph(block.text, f.body, x, t.width - 30);
        return;
      }
      const room = t.width - 30;
      let text = block.text;
      while (t.measure(text, f.body) > room - 20) text = text.slice(0, -1);
      let leaders = '';
      while (t.measure(`${text}${leaders}.`, f.body) < room) leaders += '.';
      t.runs(
        [
          { text: `${text}${leaders}`, font: f.body, x },
          { text: String(block.page), font: f.body, x: x + room + 8 },
        ],
        style.bodySize,
      );
      return;
    }
    case 'item-heading': {
      if (block.newPage && !t.atTop) t.newPage(false);
      t.space(gap * 2);
      t.ensure(t.leading(f.heading.size) * 2 + t.leading(style.bodySize) * 3);
      const hx = x - style.headingOutdent;
      if (block.columns && block.bordered) {
        t.borderedHeading(block.columns[0], block.columns[1], f.heading);
        return;
      }
      if (block.columns) {
        const [number, title] = block.columns;
        const lines = t.breakLines(title, f.heading, t.width - 40);
        for (const [i, line] of lines.entries()) {
          t.runs(
            [
              ...(i === 0 ? [{ text: number, font: f.heading, x: hx }] : []),
              { text: line.text, font: f.heading, x: hx + 40 },
            ],
            f.heading.size,
          );
        }
        return;
      }
      for (const text of block.lines) t.paragraph(text, f.heading, hx, t.width + style.headingOutdent);
      return;
    }
    case 'sub-heading':
      t.space(gap);
      t.ensure(t.leading(style.bodySize) * 3);
      t.paragraph(block.text, style.subItemLook === 'heading' ? f.heading : f.bold, x, t.width);
      return;
    case 'part-heading':
      t.indent = 0;
      if (block.newPage && !t.atTop) t.newPage(false);
      t.space(gap * 2);
      t.ensure(t.leading(style.bodySize) * 6);
      t.paragraph(block.text, f.title(2), x, t.width);
      return;
    case 'signatures':
      setSignatures(t, f, block);
      return;
    case 'marker':
      t.line(block.text, /^(åben|lukket|fortrolig)/i.test(block.text) ? f.italic : f.body, x);
      return;
    case 'label':
      t.space(gap);
      t.ensure(t.leading(style.bodySize) * 3);
      t.paragraph(labelText(style, block.text), f.label, x, t.width);
      return;
    case 'paragraph':
      t.space(gap);
      t.paragraph(
        block.text,
        f.body,
        x,
        t.width,
        block.runIn ? { text: block.runIn, font: f.bold } : undefined,
      );
      return;
    case 'list':
      t.space(gap);
      for (const [i, entry] of block.entries.entries()) {
        t.ensure(t.leading(style.bodySize));
        const lines = t.breakLines(entry, f.body, t.width - 18);
        for (const [j, line] of lines.entries()) {
          t.runs(
            [
              ...(j === 0 ? [{ text: LIST_MARKERS[block.marker](i), font: f.body, x }] : []),
              { text: line.text, font: f.body, x: x + 18 },
            ],
            style.bodySize,
          );
        }
      }
      return;
    case 'table':
      t.space(gap);
      for (const row of block.rows) {
        t.runs(
          row.map((cell, i) => ({ text: cell, font: f.table, x: x + (i === 0 ? 0 : 130 + (i - 1) * 80) })),
          f.table.size,
        );
      }
      return;
    case 'page-break':
      t.newPage(block.landscape);
      return;
  }
}

/** A signature page: its heading, then a rule to sign on above each name, two names to a row. */
function setSignatures(
  t: Typesetter,
  f: ReturnType<typeof fonts>,
  block: Extract<Block, { role: 'signatures' }>,
): void {
  t.indent = 0;
  if (block.newPage && !t.atTop) t.newPage(false);
  const size = t.style.bodySize;
  t.space(t.leading(size) * 2);
  t.ensure(t.leading(size) * 6);
  t.line(block.heading, f.bold, t.left);
  const rule = '_'.repeat(28);
  const second = t.left + t.width / 2;
  for (let i = 0; i < block.names.length; i += 2) {
    const pair = block.names.slice(i, i + 2);
    t.space(t.leading(size) * 2);
    t.runs(
      pair.map((_, j) => ({ text: rule, font: f.body, x: j === 0 ? t.left : second })),
      size,
    );
    t.runs(
      pair.map((name, j) => ({ text: name, font: f.body, x: j === 0 ? t.left : second })),
      size,
    );
  }
}

function runningLines(pdf: PDFKit.PDFDocument, doc: GeneratedDocument): void {
  const { start, count } = pdf.bufferedPageRange();
  const font = doc.style.typeface.regular;
  for (let i = start; i < start + count; i++) {
    pdf.switchToPage(i);
    const width = pdf.page.width - doc.style.marginLeft - RIGHT_MARGIN;
    pdf.font(font).fontSize(8);
    // A tagged PDF marks its running lines as artifacts, no part of the content.
    if (doc.style.tagged) pdf.markContent('Artifact', { type: 'Pagination' });
    for (const [n, text] of doc.running.header(i + 1, count).entries()) {
      pdf.text(text, doc.style.marginLeft, doc.style.runningHeaderTop + n * 10, {
        width,
        align: 'right',
        lineBreak: false,
      });
    }
    const footer = doc.running.footer(i + 1, count);
    if (footer) {
      pdf.text(footer, doc.style.marginLeft, pdf.page.height - doc.style.footerBottom - 8, {
        width,
        align: 'center',
        lineBreak: false,
      });
    }
    if (doc.style.tagged) pdf.endMarkedContent();
  }
}

function collect(pdf: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
  });
}

/** The document as PDF bytes; the same document always gives the same bytes. */
export function renderPdf(doc: GeneratedDocument): Promise<Uint8Array> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 0,
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: `${doc.truth.meeting.body ?? 'Referat'} ${doc.truth.meeting.date ?? ''}`,
      CreationDate: CREATED,
    },
    ...(doc.style.tagged ? { tagged: true, lang: 'da-DK' } : {}),
  });
  const bytes = collect(pdf);
  const t = new Typesetter(pdf, doc.style);
  const labels = doc.blocks.flatMap((b) => (b.role === 'field' ? [b.label] : []));
  t.valueColumn = Math.max(110, ...labels.map((l) => t.measure(l, fonts(doc.style).body) + 14));
  for (const block of doc.blocks) setBlock(t, doc.style, block);
  runningLines(pdf, doc);
  pdf.end();
  return bytes;
}
