import { describe, expect, it } from 'vitest';
import { isOwnBody } from '#parse/passes/decisions.ts';
import { findDate, findTimes } from '#parse/read/dates.ts';
import { decisionHeading } from '#parse/read/decision-heading.ts';
import { readNumbering } from '#parse/read/numbering.ts';
import { classifyOutcome } from '#parse/read/outcome.ts';
import { joinLines } from '#parse/read/text.ts';
import { accessMarker, caseNumberOf, knownLabel } from '#parse/read/vocabulary.ts';
import { readVotes } from '#parse/read/votes.ts';

describe('Danish dates and times', () => {
  it.each([
    ['Onsdag den 5. februar 2025', '2025-02-05'],
    ['Tirsdag d. 03. september 2024 kl. 10:00', '2024-09-03'],
    ['Beslutning i Direktionen den 05-02-2025', '2025-02-05'],
    ['Ordinært møde den 27.03.2025', '2025-03-27'],
    ['den 3. sept. 2025', '2025-09-03'],
    ['31. februar 2025', null],
    ['ingen dato her', null],
  ])('reads %s', (text, iso) => expect(findDate(text)).toBe(iso));

  it('reads clock times as written and ignores dates', () => {
    expect(findTimes('Kl. 08.00–10.40')).toEqual(['08:00', '10:40']);
    expect(findTimes('Tirsdag den 29. april 2025, kl. 9.00–11.30')).toEqual(['9:00', '11:30']);
    expect(findTimes('Ordinært møde den 27.03.2025')).toEqual([]);
  });
});

describe('item headings of other house styles', () => {
  it.each([
    ['Pkt. 45 Lokalplan for Grenaa Havn', 45, 'Lokalplan for Grenaa Havn'],
    ['Punkt 5 – Budgetopfølgning', 5, 'Budgetopfølgning'],
    ['143. Salg af grund', 143, 'Salg af grund'],
    ['Punkt 2: Lukket', 2, 'Lukket'],
    ['1 Godkendelse af dagsorden', 1, 'Godkendelse af dagsorden'],
  ])('reads %s', (text, number, title) => expect(readNumbering(text)).toMatchObject({ number, title }));

  it.each(['10.00 Fokus på fremmøde', '24/16905', '1. 3 X 1-dagskursus'])(
    'takes no number from %s',
    (text) => {
      expect(readNumbering(text)).toBeNull();
    },
  );
});

describe('decision headings', () => {
  it.each([
    ['Beslutning i Direktionen den 05-02-2025', 'Beslutning', 'Direktionen', '2025-02-05'],
    ['Beslutning Direktionen den 03-09-2024', 'Beslutning', 'Direktionen', '2024-09-03'],
    [
      'Kommunalbestyrelsens beslutning den 27. marts 2025:',
      'Beslutning',
      'Kommunalbestyrelsen',
      '2025-03-27',
    ],
    [
      'Afgørelse i Teknik- og Miljøudvalget den 3. marts 2025',
      'Afgørelse',
      'Teknik- og Miljøudvalget',
      '2025-03-03',
    ],
    ['BESLUTNING', 'Beslutning', null, null],
    ['Afgørelse:', 'Afgørelse', null, null],
  ])('reads %s', (line, heading, body, date) =>
    expect(decisionHeading(line)).toEqual({ heading, body, date, bare: false }),
  );

  it('does not take prose for a heading', () => {
    expect(decisionHeading('Beslutning om at udskyde sagen blev truffet i går.')).toBeNull();
    expect(decisionHeading('Beslutningen blev truffet')).toBeNull();
  });

  it('tells the meeting body from earlier bodies', () => {
    expect(isOwnBody('Økonomiudvalget', 'Økonomiudvalget')).toBe(true);
    expect(isOwnBody('Plan- og Miljøudvalget', 'Økonomiudvalget')).toBe(false);
    expect(isOwnBody('Byrådet', 'Kommunalbestyrelsen')).toBe(true);
    expect(isOwnBody(null, 'Direktionen')).toBe(true);
  });
});

describe('outcomes and votes', () => {
  it.each([
    ['Godkendt.', 'approved'],
    ['Indstillingen blev ikke godkendt.', 'rejected'],
    ['Sagen udsættes til næste møde.', 'postponed'],
    ['Anbefales.', 'recommended'],
    ['Orienteringen blev taget til efterretning.', 'noted'],
    ['Direktionen drøftede sagen.', 'discussed'],
    ['Valgt: Hans Hansen.', 'other'],
  ] as const)('labels %s as %s', (text, outcome) => expect(classifyOutcome(text)).toBe(outcome));

  it('reads counted votes with parties', () => {
    expect(readVotes('For stemte 21 (A, V), imod stemte 4 (Ø). Undlod at stemme: 2 (F).')).toEqual({
      for: { count: 21, parties: ['A', 'V'] },
      against: { count: 4, parties: ['Ø'] },
      abstained: { count: 2, parties: ['F'] },
    });
  });

  it('reads votes written as prose', () => {
    expect(
      readVotes('Lokalplanen blev endeligt vedtaget med 13 stemmer for (A, V, C og F) og 1 stemme imod (Ø).'),
    ).toEqual({
      for: { count: 13, parties: ['A', 'V', 'C', 'F'] },
      against: { count: 1, parties: ['Ø'] },
      abstained: null,
    });
    expect(
      readVotes(
        'Et flertal bestående af A og V godkendte indstillingen. Et mindretal (Ø) stemte imod. C og F undlod at stemme.',
      ),
    ).toEqual({
      for: { count: null, parties: ['A', 'V'] },
      against: { count: null, parties: ['Ø'] },
      abstained: { count: null, parties: ['C', 'F'] },
    });
  });

  it('finds no votes where none are recorded', () =>
    expect(readVotes('Godkendt uden afstemning.')).toBeNull());
});

describe('vocabulary', () => {
  it('canonicalises section headings in any case', () => {
    expect(knownLabel('SAGSFREMSTILLING')?.heading).toBe('Sagsfremstilling');
    expect(knownLabel('Forslag til beslutning')?.heading).toBe('Forslag til beslutning');
    expect(knownLabel('Økonomiske konsekvenser:')?.heading).toBe('Økonomiske konsekvenser');
    expect(knownLabel('Handicappolitiske konsekvenser')?.heading).toBe('Handicappolitiske konsekvenser');
    expect(knownLabel('Direktionen drøftede sagen')).toBeNull();
  });

  it('reads access markers and case numbers in their several forms', () => {
    expect(accessMarker('Åben sag')).toBe('open');
    expect(accessMarker('Lukket punkt')).toBe('closed');
    // In doubt, closed: a line that opens with a closing marker closes the item.
    expect(accessMarker('Lukket sag om personale')).toBe('closed');
    expect(accessMarker('Lukkede institutioner i sommerferien')).toBeNull();
    // A heading whose title is the marker is a heading, not a marker line under one.
    expect(accessMarker('Pkt. 2: Fortroligt punkt')).toBeNull();
    expect(accessMarker('3. Lukket punkt')).toBeNull();
    expect(caseNumberOf('Sagsnr.: 00.30.14-S00-1-24')).toBe('00.30.14-S00-1-24');
    expect(caseNumberOf('Sags-id: EMN-2025-00342')).toBe('EMN-2025-00342');
    expect(caseNumberOf('24/16905')).toBe('24/16905');
    expect(caseNumberOf('J.nr. 00.01.00-A00-12-24')).toBe('00.01.00-A00-12-24');
  });
});

describe('running text', () => {
  it('joins words hyphenated across lines but keeps real hyphens', () => {
    expect(joinLines(['en økono-', 'misk adfærd'])).toBe('en økonomisk adfærd');
    expect(joinLines(['Børne-', 'og Ungdomsudvalget'])).toBe('Børne- og Ungdomsudvalget');
    expect(joinLines(['et elektronisk it-', 'system'])).toBe('et elektronisk it-system');
    expect(joinLines(['decentrale enheder -', 'skabelonerne'])).toBe('decentrale enheder - skabelonerne');
  });
});
