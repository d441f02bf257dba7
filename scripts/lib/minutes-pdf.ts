/**
 * Generates realistic Danish municipal minutes ("referater") as PDF: a header block, numbered
 * items with case numbers and bold section headings, running header and "Side N af M" footer.
 * The text comes from a seeded pseudo-random generator, so a seed always yields the same bytes.
 * Used by the extraction benchmark and, at scale, by ingest benchmarks.
 */
import PDFDocument from 'pdfkit';
import {
  between,
  type DanishDate,
  danishDate,
  FIRST_NAMES,
  LAST_NAMES,
  LOCATIONS,
  MUNICIPALITIES,
  PARTIES,
  PLACES,
  paragraph,
  pick,
  shuffled,
  TOPICS,
} from './invented.ts';
import { type Random, seededRandom } from './random.ts';

export interface MinutesOptions {
  /** Number of agenda items; each takes about 0.9 pages. */
  readonly items: number;
  readonly seed?: number;
  /** The body that met, e.g. "Økonomiudvalget". */
  readonly body?: string;
  /** Meeting date as YYYY-MM-DD. */
  readonly date?: string;
}

/** Sections that some items carry between Sagsfremstilling and Økonomi. */
const OPTIONAL_SECTIONS = ['Vurdering', 'Høring', 'Tidsplan', 'Kommunikation', 'Lovgrundlag'];
const DECISIONS = [
  'Godkendt.',
  'Anbefales.',
  'Taget til efterretning.',
  'Godkendt som indstillet.',
  'Anbefales, idet udvalget ønsker en status på projektet i foråret.',
  'Udsat til næste møde.',
];

const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const BODY_SIZE = 10;
const MARGIN = 56;
/** Space a heading needs below it; less than this left on the page and it moves to the next. */
const KEEP_WITH_NEXT = 60;
/** Fixed so that a seed yields byte-identical PDFs (pdfkit stamps and hashes the creation date). */
const CREATED = new Date('2024-01-01T00:00:00Z');

/** Pairs shuffled first and last names, so no member appears twice. */
function memberList(random: Random): string {
  const firstNames = shuffled(random, FIRST_NAMES);
  const lastNames = shuffled(random, LAST_NAMES);
  const count = between(random, 7, lastNames.length);
  const members = lastNames
    .slice(0, count)
    .map((last, i) => `${firstNames[i]} ${last} (${pick(random, PARTIES)})`);
  return [`${members[0]} (formand)`, ...members.slice(1)].join(', ');
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}.${String(minutes % 60).padStart(2, '0')}`;
}

/** Starts a new page when a heading would otherwise stand alone at the bottom. */
function keepWithNext(doc: PDFKit.PDFDocument): void {
  if (doc.y > doc.page.height - doc.page.margins.bottom - KEEP_WITH_NEXT) doc.addPage();
}

function writeHeader(
  doc: PDFKit.PDFDocument,
  random: Random,
  meeting: { body: string; date: DanishDate; start: number; end: number },
): void {
  const municipality = `${pick(random, MUNICIPALITIES)} Kommune`;
  doc.font(BOLD).fontSize(18).text(municipality).moveDown(0.8);
  doc.font(BOLD).fontSize(16).text(meeting.body);
  doc.font(FONT).fontSize(14).text('Referat').moveDown(1);
  const fields: [string, string][] = [
    ['Dato', meeting.date.long],
    ['Tid', `Kl. ${clock(meeting.start)}–${clock(meeting.end)}`],
    ['Sted', `${pick(random, LOCATIONS)}, ${municipality.replace(' Kommune', '')} Rådhus`],
    ['Medlemmer', memberList(random)],
  ];
  for (const [label, value] of fields) {
    doc.font(BOLD).fontSize(BODY_SIZE).text(`${label}: `, { continued: true });
    doc.font(FONT).text(value).moveDown(0.5);
  }
  doc.moveDown(1.5);
}

function writeSection(doc: PDFKit.PDFDocument, heading: string, paragraphs: readonly string[]): void {
  keepWithNext(doc);
  doc
    .moveDown(0.6)
    .font(BOLD)
    .fontSize(BODY_SIZE + 1)
    .text(heading);
  doc.font(FONT).fontSize(BODY_SIZE);
  for (const text of paragraphs) doc.text(text).moveDown(0.5);
}

function writeItem(
  doc: PDFKit.PDFDocument,
  random: Random,
  number: number,
  meeting: { body: string; date: DanishDate },
): void {
  keepWithNext(doc);
  const title = `${pick(random, TOPICS)} ${pick(random, PLACES)}`;
  doc.moveDown(1).font(BOLD).fontSize(13).text(`${number}. ${title}`);
  doc
    .font(FONT)
    .fontSize(BODY_SIZE)
    .text(`Sagsnr.: ${meeting.date.yearShort}/${between(random, 10000, 99999)}`);
  const many = (low: number, high: number) =>
    Array.from({ length: between(random, low, high) }, () => paragraph(random));
  writeSection(doc, 'Sagsfremstilling', many(4, 6));
  if (random() < 0.6) writeSection(doc, pick(random, OPTIONAL_SECTIONS), many(1, 2));
  writeSection(doc, 'Økonomi', many(1, 3));
  writeSection(doc, 'Indstilling', [
    [
      `Forvaltningen indstiller, at ${meeting.body} over for Kommunalbestyrelsen anbefaler,`,
      '1. at sagen tages til efterretning, og',
      '2. at den videre proces igangsættes som beskrevet.',
    ].join('\n'),
  ]);
  writeSection(doc, `Beslutning i ${meeting.body} den ${meeting.date.text}`, [pick(random, DECISIONS)]);
}

/** Running header and "Side N af M" footer, written once the page count is known. */
function writeRunningLines(doc: PDFKit.PDFDocument, runningHeader: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing inside the margins would otherwise make pdfkit break to a new page.
    const { bottom } = doc.page.margins;
    doc.page.margins.bottom = 0;
    const width = doc.page.width - 2 * MARGIN;
    doc.font(FONT).fontSize(8);
    doc.text(runningHeader, MARGIN, MARGIN / 2, { width, align: 'right', lineBreak: false });
    doc.text(`Side ${i + 1} af ${count}`, MARGIN, doc.page.height - MARGIN / 2 - 8, {
      width,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
}

/** Generates one minutes document; the same options always give the same bytes. */
export function generateMinutesPdf(options: MinutesOptions): Promise<Uint8Array> {
  const random = seededRandom(options.seed ?? 1);
  const body = options.body ?? 'Økonomiudvalget';
  const date = danishDate(options.date ?? '2024-06-11');
  const start = between(random, 14, 34) * 30;
  // Long meetings are capped so the end time stays within the day.
  const end = start + 30 + Math.min(options.items, 24) * 10;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: `${body} – referat ${date.text}`, CreationDate: CREATED },
  });
  const bytes = collect(doc);
  writeHeader(doc, random, { body, date, start, end });
  for (let n = 1; n <= options.items; n++) writeItem(doc, random, n, { body, date });
  doc
    .moveDown(1)
    .font(FONT)
    .fontSize(BODY_SIZE)
    .text(`Mødet hævet kl. ${clock(end)}.`);
  writeRunningLines(doc, `${body} ${date.dashed}`);
  doc.end();
  return bytes;
}
