/**
 * Pathological inputs for the extractor, built in memory so the repository holds no binary fixtures
 * for them. Everything is deterministic: a failing test fails the same way on every run.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';

const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'corpus');

/** Bytes of the first real minutes PDF in the corpus (sorted, so always the same one). */
export function corpusPdf(): Uint8Array {
  return readCorpusFile('pdf', '.pdf');
}

/** Every text seed in the corpus, by file name (plain, markdown-like and HTML-fragment dumps). */
export function corpusTextSeeds(): [name: string, bytes: Uint8Array][] {
  const dir = join(CORPUS, 'seeds');
  return corpusFileNames(dir, '.txt').map((name) => [name, new Uint8Array(readFileSync(join(dir, name)))]);
}

function readCorpusFile(folder: string, extension: string): Uint8Array {
  const dir = join(CORPUS, folder);
  const name = corpusFileNames(dir, extension)[0];
  if (!name) throw new Error(`no ${extension} file in ${dir}`);
  return new Uint8Array(readFileSync(join(dir, name)));
}

function corpusFileNames(dir: string, extension: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(extension))
    .sort();
}

/**
 * Random-looking bytes from a seed (SHA-256 in counter mode), so a run can never draw a prefix
 * that happens to look like a PDF or valid UTF-8.
 */
export function seededRandomBytes(length: number, seed = 'bad-input'): Uint8Array {
  const out = new Uint8Array(length);
  for (let offset = 0, block = 0; offset < length; block++) {
    const digest = createHash('sha256').update(`${seed}:${block}`).digest();
    out.set(digest.subarray(0, length - offset), offset);
    offset += digest.length;
  }
  return out;
}

/** The first `share` of a file's bytes, as a download cut off midway would leave it. */
export function truncated(bytes: Uint8Array, share: number): Uint8Array {
  return bytes.slice(0, Math.floor(bytes.length * share));
}

/** A small valid RGB PNG: a diagonal gradient, so it is an image and nothing else. */
export function tinyPng(width = 32, height = 32): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit depth, truecolour, deflate, adaptive filter, no interlace
  const rowLength = 1 + width * 3; // each scanline starts with its filter type (0 = none)
  const raw = new Uint8Array(rowLength * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * rowLength + 1 + x * 3;
      raw.set([(x * 255) / width, (y * 255) / height, 128], at);
    }
  }
  return concat([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', new Uint8Array()),
  ]);
}

/** A PNG chunk: length, type, data, CRC-32 over type and data. */
function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const typed = concat([new TextEncoder().encode(type), data]);
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, data.length);
  const crc = new Uint8Array(4);
  new DataView(crc.buffer).setUint32(0, crc32(typed));
  return concat([length, typed, crc]);
}

/** The start of a ZIP container, as a DOCX uploaded by mistake begins. */
export function zipSignature(): Uint8Array {
  return concat([new Uint8Array([0x50, 0x4b, 0x03, 0x04]), seededRandomBytes(256, 'zip')]);
}

/** Danish prose long enough to pass the text-layer checks on every page. */
const READABLE_PAGE = [
  'Referat af mødet i Økonomiudvalget.',
  'Punkt 1. Godkendelse af dagsorden. Dagsordenen blev godkendt uden bemærkninger.',
  'Punkt 2. Budgetopfølgning. Forvaltningen orienterede om forventet regnskab for året.',
  'Beslutning: Udvalget tog orienteringen til efterretning og anbefalede indstillingen.',
].join('\n\n');

/** A readable text PDF locked with a user password: it cannot be opened without it. */
export function pdfWithUserPassword(): Promise<Uint8Array> {
  return renderPdf({ userPassword: 'hemmelig', ownerPassword: 'ejer' }, (doc) => doc.text(READABLE_PAGE));
}

/**
 * A readable text PDF with only an owner password: it opens without a password (the owner password
 * restricts editing and printing), so its text is as accessible as any other PDF's.
 */
export function pdfWithOwnerPasswordOnly(): Promise<Uint8Array> {
  return renderPdf({ ownerPassword: 'ejer', permissions: { printing: 'lowResolution' } }, (doc) =>
    doc.text(READABLE_PAGE),
  );
}

/** A PDF of `pages` identical pages: the same lines at the same places on every one. */
export function samePagesPdf(pages: number): Promise<Uint8Array> {
  return renderPdf({}, (doc) => {
    for (let n = 0; n < pages; n++) {
      if (n > 0) doc.addPage();
      doc.text(READABLE_PAGE);
    }
  });
}

/** A book: chapters of running prose, page after page, without an agenda item anywhere. */
export function bookPdf(pages: number): Promise<Uint8Array> {
  const sentences = [
    'Vinden kom ind fra havet, og ingen på gården havde lyst til at gå ud den morgen.',
    'Hun gik langs stranden og tænkte på brevet, som hun endnu ikke havde åbnet.',
    'Om aftenen samledes de i køkkenet, hvor lampen brændte længe efter midnat.',
    'Der gik mange år, før nogen talte om det, der var sket den vinter ved fjorden.',
  ];
  return renderPdf({}, (doc) => {
    for (let n = 0; n < pages; n++) {
      if (n > 0) doc.addPage();
      if (n % 20 === 0)
        doc
          .fontSize(18)
          .text(`Kapitel ${n / 20 + 1}`)
          .fontSize(12)
          .moveDown();
      const start = n % sentences.length;
      doc.text(Array.from({ length: 14 }, (_, i) => sentences[(start + i) % sentences.length]).join(' '));
    }
  });
}

/** A web page that is no minutes: a portal's sign-in page, saved under a .pdf name. */
export function signInPage(): Uint8Array {
  return new TextEncoder().encode(
    '<!DOCTYPE html><html lang="da"><head><title>Log ind</title></head><body><nav><a href="/">Forside</a></nav>' +
      '<h1>Log ind på politikerportalen</h1><p>Skriv dit brugernavn og din adgangskode for at se dagsordener og referater.</p>' +
      '<form><label>Brugernavn <input name="u"></label><label>Adgangskode <input name="p" type="password"></label>' +
      '<button>Log ind</button></form><p>Har du glemt din adgangskode, så kontakt sekretariatet.</p></body></html>',
  );
}

/** Two pages that each hold an image and nothing else, as a scanned document does. */
export function imageOnlyPdf(): Promise<Uint8Array> {
  const png = Buffer.from(tinyPng());
  return renderPdf({}, (doc) => {
    doc.image(png, 72, 72, { width: 400 });
    doc.addPage();
    doc.image(png, 72, 72, { width: 400 });
  });
}

/**
 * Two pages of text in a standard font whose "words" are consonant runs and symbols: plenty of
 * characters, none of them language, as a font without a usable Unicode map extracts.
 */
export function garbageTextPdf(): Promise<Uint8Array> {
  const garbage = garbageText(600);
  return renderPdf({}, (doc) => {
    doc.text(garbage);
    doc.addPage();
    doc.text(garbage);
  });
}

/** Consonant clusters and symbols, deterministic so the text is the same on every run. */
function garbageText(length: number): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz#%&*+=<>§@';
  let state = 7;
  let text = '';
  while (text.length < length) {
    state = (state * 48271) % 0x7fffffff; // Park–Miller: a tiny seeded generator is all we need
    text += (text.length + 1) % 7 === 0 ? ' ' : alphabet[state % alphabet.length];
  }
  return text;
}

type PdfOptions = PDFKit.PDFDocumentOptions;

/** Runs `draw` on a fresh pdfkit document and collects the finished file in memory. */
function renderPdf(options: PdfOptions, draw: (doc: PDFKit.PDFDocument) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ ...options, info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
