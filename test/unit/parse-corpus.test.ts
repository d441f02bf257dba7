import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLimits } from '#config/limits.ts';
import { extractMeeting } from '#ingest/extract-meeting.ts';
import { type GoldDocument, score } from '../../scripts/lib/score.ts';

const corpus = 'test/fixtures/corpus';
const goldOf = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as GoldDocument;
const seeds = readdirSync(join(corpus, 'gold')).map((f) => basename(f, '.json'));

async function scoresFor(file: string, gold: string) {
  const doc = await extractMeeting(new Uint8Array(readFileSync(file)), file, defaultLimits);
  return { doc, scores: score(doc, goldOf(gold)) };
}

describe('extraction against the gold annotations', () => {
  for (const id of seeds) {
    for (const [format, file] of [
      ['text', join(corpus, 'seeds', `${id}.txt`)],
      ['PDF', join(corpus, 'pdf', `${id}.pdf`)],
    ] as const) {
      it(`scores 1.00 on every metric for seed ${id} as ${format}`, async () => {
        const { scores } = await scoresFor(file, join(corpus, 'gold', `${id}.json`));
        for (const [metric, value] of Object.entries(scores))
          expect({ metric, value }).toEqual({ metric, value: 1 });
      });
    }
  }

  const extras = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6'];
  for (const prefix of extras) {
    it(`scores 1.00 on every metric for the ${prefix} house style`, async () => {
      const id = readdirSync(join(corpus, 'extra', 'gold'))
        .map((f) => basename(f, '.json'))
        .find((f) => f.startsWith(`${prefix}_`)) as string;
      const { scores } = await scoresFor(
        join(corpus, 'extra', 'pdf', `${id}.pdf`),
        join(corpus, 'extra', 'gold', `${id}.json`),
      );
      for (const [metric, value] of Object.entries(scores))
        expect({ metric, value }).toEqual({ metric, value: 1 });
    });
  }

  it('keeps decisions of earlier bodies as prior decisions, with their body and date', async () => {
    const id = 'e1_egholt_kommunalbestyrelsen_20250327';
    const { doc } = await scoresFor(
      join(corpus, 'extra', 'pdf', `${id}.pdf`),
      join(corpus, 'extra', 'gold', `${id}.json`),
    );
    const item = doc.items.find((i) => i.number === 13);
    expect(item?.decision).toMatchObject({ date: '2025-03-27', outcome: 'approved' });
    expect(item?.priorDecisions).toEqual([
      expect.objectContaining({
        body: 'Økonomiudvalget',
        date: '2025-03-18',
        text: 'Anbefales.',
        outcome: 'recommended',
      }),
    ]);
  });

  it('moves "Fraværende:" lines and protocol notes out of the decision text', async () => {
    const e2 = 'e2_vesterlund_oekonomiudvalget_20240611';
    const { doc } = await scoresFor(
      join(corpus, 'extra', 'pdf', `${e2}.pdf`),
      join(corpus, 'extra', 'gold', `${e2}.json`),
    );
    expect(doc.items[0]?.absent).toEqual(['Jens Riis']);
    expect(doc.items[0]?.decision?.text).not.toMatch(/Fraværende/);
    const e4 = 'e4_kaerholm_aeldre_sundhed_20250513';
    const kaerholm = await scoresFor(
      join(corpus, 'extra', 'pdf', `${e4}.pdf`),
      join(corpus, 'extra', 'gold', `${e4}.json`),
    );
    const noted = kaerholm.doc.items.find((i) => i.number === 3);
    expect(noted?.protocolNote).toMatch(/^Ole Sandahl \(O\) ønskede/);
    expect(noted?.decision?.text).not.toMatch(/Protokoltilførsel/);
  });

  it('never exposes the content of a closed item, and keeps page numbers of open ones', async () => {
    const id = '001_cdd17d21176dd4b4';
    const { doc } = await scoresFor(join(corpus, 'pdf', `${id}.pdf`), join(corpus, 'gold', `${id}.json`));
    const closed = doc.items.filter((i) => i.access === 'closed');
    expect(closed.map((i) => i.number)).toEqual([7, 8, 9]);
    for (const item of closed) {
      expect(item).toMatchObject({
        sections: [],
        decision: null,
        priorDecisions: [],
        attachments: [],
        responsible: null,
      });
    }
    const open = doc.items.find((i) => i.number === 6);
    expect(open?.pages).toEqual({ first: 9, last: 9 });
    expect(open?.decision?.page).toBe(9);
    expect(open?.attachments).toEqual([
      expect.objectContaining({ number: 1, access: 'open', reference: '16864/25' }),
    ]);
  });

  it('reads minutes set as one table, a row per item, continued over a page break', async () => {
    const id = 'e5_ravnsbjerg_koncernledelsen_20250429';
    const { doc } = await scoresFor(
      join(corpus, 'extra', 'pdf', `${id}.pdf`),
      join(corpus, 'extra', 'gold', `${id}.json`),
    );
    const budget = doc.items.find((i) => i.number === 4);
    expect(budget?.title).toBe('Budget 2026–2029 – tidsplan og råderumskatalog');
    expect(budget?.responsible).toBe('Bo Riis, direktørerne');
    const discussion = budget?.sections.find((s) => s.heading === 'Drøftelse')?.text ?? '';
    expect(discussion).toMatch(/kan gøres mere strategisk end de tidligere år\./);
    expect(discussion).toMatch(/markeres særskilt i kataloget\.$/);
    expect(JSON.stringify(doc.items)).not.toMatch(/Referent: Emil Krogh|Referat af møde 29\.04\.2025/);
  });

  it('rebuilds a paragraph that runs over a page break and drops running headers and footers', async () => {
    const id = 'e1_egholt_kommunalbestyrelsen_20250327';
    const { doc } = await scoresFor(
      join(corpus, 'extra', 'pdf', `${id}.pdf`),
      join(corpus, 'extra', 'gold', `${id}.json`),
    );
    const economy = doc.items.find((i) => i.number === 13)?.sections.find((s) => s.heading === 'Økonomi');
    expect(economy?.text).toContain('i løbet af 2025 også påvirkes af de anlægsprojekter');
    expect(economy?.text.split('\n')).toHaveLength(1);
    expect(JSON.stringify(doc)).not.toMatch(/Side \d+ af \d+|Ordinært møde den 27\.03\.2025/);
  });
});
