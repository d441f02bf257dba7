import { describe, expect, it } from 'vitest';
import { parseMinutes } from '#parse/index.ts';
import { toIndexedItems } from '#search/indexed-item.ts';
import { type LineSpec, pdfLines } from '#test/support/lines.ts';
import { pick } from '../../scripts/lib/invented.ts';
import { type Random, seededRandom } from '../../scripts/lib/random.ts';

/** Words a closed item's content holds; none may reach the document or the index. */
const SECRET = 'Fortrolighedsprøve';

/** How minutes mark a closed item on the line under its heading: wordings of the conventions. */
const MARKER_LINES = [
  'Lukket sag',
  'Lukket punkt',
  'Lukket dagsordenspunkt',
  'Lukket møde',
  'Lukket',
  'Fortroligt',
  'Fortrolig sag',
  'Fortroligt punkt',
  'Sagen behandles for lukkede døre',
  'Punktet behandles for lukkede døre',
  'Behandles lukket',
  'Lukket punkt, jf. forvaltningslovens § 15',
  'Lukket sag - personsag',
  'Lukket sag, jf. offentlighedslovens § 30',
];
/** How a title says it is closed. */
const TITLE_FORMS: readonly ((title: string) => string)[] = [
  (t) => `${t} (lukket)`,
  (t) => `${t} - lukket`,
  (t) => `${t} – Lukket sag`,
  (t) => `Lukket: ${t}`,
  (t) => `Lukket punkt. ${t}`,
  (t) => `LUKKET - ${t}`,
  (t) => `Lukket sag: ${t}`,
];
const CASES: readonly ((text: string) => string)[] = [
  (t) => t,
  (t) => t.toLocaleUpperCase('da'),
  (t) => t.toLocaleLowerCase('da'),
];
const PUNCTUATION: readonly ((text: string) => string)[] = [
  (t) => t,
  (t) => `${t}.`,
  (t) => `${t}:`,
  (t) => `(${t})`,
  (t) => `${t} `,
  (t) => `- ${t} -`,
];

interface Variant {
  readonly description: string;
  readonly heading: string;
  readonly markerLine: string | null;
}

function variant(random: Random): Variant {
  const title = pick(random, [
    'Personalesag',
    'Køb af ejendom',
    'Udbud af rengøring',
    'Klage over afgørelse',
  ]);
  if (random() < 0.5) {
    const marker = pick(random, PUNCTUATION)(pick(random, CASES)(pick(random, MARKER_LINES)));
    return { description: `line "${marker}"`, heading: `2. ${title}`, markerLine: marker };
  }
  const heading = `2. ${pick(random, CASES)(pick(random, TITLE_FORMS)(title))}`;
  return { description: `title "${heading}"`, heading, markerLine: null };
}

function meetingWith(v: Variant) {
  const heading = (text: string): LineSpec => ({ text, size: 14, bold: true, gap: 12 });
  const label = (text: string): LineSpec => ({ text, bold: true, gap: 6 });
  const specs: (LineSpec | string)[] = [
    { text: 'Referat', size: 20, bold: true },
    { text: 'Økonomiudvalget', size: 16, bold: true },
    'Dato: 5. februar 2025',
    heading('1. Godkendelse af dagsorden'),
    label('Beslutning'),
    'Dagsordenen blev godkendt.',
    heading(v.heading),
    ...(v.markerLine === null ? [] : [v.markerLine]),
    label('Sagsfremstilling'),
    `${SECRET}: medarbejderens helbred og løn drøftes.`,
    label('Beslutning'),
    `Godkendt. ${SECRET}.`,
    heading('3. Meddelelser'),
    label('Beslutning'),
    'Taget til efterretning.',
  ];
  return parseMinutes(
    { format: 'pdf', pages: 1, lines: pdfLines(specs), pageHeights: [842] },
    { file: 'x.pdf', sha256: 'a'.repeat(64) },
  );
}

describe('a closed item, however it is marked', () => {
  const random = seededRandom(2025);
  const variants = Array.from({ length: 300 }, () => variant(random));

  it.each(variants.map((v) => [v.description, v] as const))(
    'is closed and shows nothing but its title: %s',
    (_d, v) => {
      const { document } = meetingWith(v);
      expect(document.items.map((i) => i.number)).toEqual([1, 2, 3]);
      const closed = document.items[1];
      expect(closed).toMatchObject({ access: 'closed', sections: [], decision: null, lead: '' });
      expect(closed?.title).not.toMatch(/lukket|fortrolig/i);
      expect(JSON.stringify(document)).not.toContain(SECRET);
      const indexed = toIndexedItems(document, { documentId: 'a'.repeat(64), key: 'x.pdf' });
      expect(JSON.stringify(indexed)).not.toContain(SECRET);
    },
  );

  it('is closed in doubt when nothing stands under its title, and the report says so', () => {
    const { document } = meetingWith({ description: 'bare', heading: '2. Personalesag', markerLine: null });
    expect(document.items[1]?.access).toBe('open');
    const bare = parseMinutes(
      {
        format: 'pdf',
        pages: 1,
        lines: pdfLines([
          { text: 'Referat', size: 20, bold: true },
          { text: 'Økonomiudvalget', size: 16, bold: true },
          'Dato: 5. februar 2025',
          { text: '1. Godkendelse af dagsorden', size: 14, bold: true, gap: 12 },
          { text: 'Beslutning', bold: true },
          'Godkendt.',
          { text: '2. Personalesag', size: 14, bold: true, gap: 12 },
          { text: '3. Meddelelser', size: 14, bold: true, gap: 12 },
          { text: 'Beslutning', bold: true },
          'Taget til efterretning.',
        ]),
        pageHeights: [842],
      },
      { file: 'x.pdf', sha256: 'a'.repeat(64) },
    ).document;
    expect(bare.items[1]).toMatchObject({ title: 'Personalesag', access: 'closed' });
    expect(bare.quality.reasons.map((r) => r.code)).toContain('closed-in-doubt');
  });
});
