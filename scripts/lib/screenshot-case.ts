/**
 * The case photographed for docs/screenshots/case.png: three generated FirstAgenda meetings of
 * Egholt in which one case goes from the committee through Økonomiudvalget to the council, each
 * later item recording the earlier decisions in its history, the council's with a vote. Invented
 * content (test/support/firstagenda.ts builds the portal's JSON), older than the Egholt agenda
 * the other screenshots use, so the item page with a vote stays that one.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { agenda, bytesOf, itemHtml } from '../../test/support/firstagenda.ts';

export const CASE_MUNICIPALITY = 'Egholt Kommune';
export const CASE_NUMBER = '25-001234';

const TITLE = 'Anlægsbevilling til renovering af Egholt Svømmehal';
const SECTIONS: [string, string][] = [
  ['Resume', 'Svømmehallens tag og ventilation renoveres i 2025 for 14,2 mio. kr.'],
  ['Indstilling', 'Kultur og Fritid indstiller, at der gives en anlægsbevilling på 14,2 mio. kr.'],
];

const KFU = 'Kultur- og Fritidsudvalget anbefaler, at anlægsbevillingen gives.';
const OEU = 'Økonomiudvalget anbefaler Kultur- og Fritidsudvalgets indstilling.';
const history = (...steps: [string, string][]) =>
  steps.map(([heading, text]) => `<u>${heading}</u><br> <div>${text}</div><br>`).join(' ');

const MEETINGS = [
  { body: 'Kultur- og Fritidsudvalget', date: '2025-01-14T16:00:00+01:00', decision: KFU },
  {
    body: 'Økonomiudvalget',
    date: '2025-01-21T16:00:00+01:00',
    decision: OEU,
    history: history(['14-01-2025 Kultur- og Fritidsudvalget', KFU]),
  },
  {
    body: 'Byråd 2022-2025',
    date: '2025-01-30T17:00:00+01:00',
    decision:
      'Byrådet godkendte Økonomiudvalgets indstilling.<br>For stemte: A, V, C og F (19).<br>Imod stemte: Ø (2).',
    history: history(['14-01-2025 Kultur- og Fritidsudvalget', KFU], ['21-01-2025 Økonomiudvalget', OEU]),
  },
];

/** Writes the three meetings as agenda JSON files in `dir`; returns their paths. */
export async function caseMeetingFiles(dir: string): Promise<string[]> {
  return Promise.all(
    MEETINGS.map(async ({ body, date, decision, history }, i) => {
      const meeting = agenda({
        body,
        date,
        items: [
          {
            title: TITLE,
            caseNumber: CASE_NUMBER,
            html: itemHtml({ decision, sections: SECTIONS, history }),
          },
        ],
      });
      const file = join(dir, `case-${i + 1}.json`);
      await writeFile(file, bytesOf(meeting));
      return file;
    }),
  );
}
