import { describe, expect, it } from 'vitest';
import { defaultLimits } from '#config/limits.ts';
import type { AgendaItem } from '#domain/meeting.ts';
import { FirstAgendaPoint } from '#extract/firstagenda.ts';
import { extractMeeting } from '#ingest/extract-meeting.ts';
import { readItemAccess } from '#parse/firstagenda/access.ts';
import { attachmentLink, readPortalAttachments } from '#parse/firstagenda/attachments.ts';
import { historyEntry, readDecisionText, readHistory } from '#parse/firstagenda/decisions.ts';
import { htmlLines, plainText } from '#parse/firstagenda/html-text.ts';
import { itemNumber, readPortalItem } from '#parse/firstagenda/item.ts';
import { isSectionHeading, splitSections } from '#parse/firstagenda/sections.ts';
import { agenda, bytesOf, itemHtml, PORTAL, type PointSpec, point } from '#test/support/firstagenda.ts';

const MEETING = { body: 'Byråd 2022-2025', date: '2025-03-27' };

/** A whole meeting of these items, read as a document. */
const extract = (items: readonly PointSpec[]) =>
  extractMeeting(bytesOf(agenda({ items })), 'a.json', defaultLimits);

/** One item read from its portal entry, as the document reader reads it. */
function read(spec: PointSpec): AgendaItem {
  const item = readPortalItem(FirstAgendaPoint.parse(point(spec, 1)), {
    origin: PORTAL,
    meeting: MEETING,
  })?.item;
  if (!item) throw new Error('no item');
  return item;
}

describe('closed items: title only, by their closing marker', () => {
  it.each([
    ['Lukket: Salg af grund ved Havnevej', 'Salg af grund ved Havnevej'],
    ['Lukket punkt: Personalesag', 'Personalesag'],
    ['Lukket sag - Køb af ejendom', 'Køb af ejendom'],
    ['Fortroligt: Forhandling med entreprenør', 'Forhandling med entreprenør'],
    ['Personalesag (lukket)', 'Personalesag'],
    ['Erstatningssag - lukket', 'Erstatningssag'],
    ['LUKKET: Udbud af rengøring', 'Udbud af rengøring'],
    ['Sagen behandles for lukkede døre', 'Sagen behandles for lukkede døre'],
  ])('"%s" is closed, titled "%s"', (title, shown) => {
    const item = read({
      title,
      html: itemHtml({
        decision: 'Byrådet godkendte købet for 3,1 mio. kr.',
        sections: [['Resume', 'Hemmeligt.']],
      }),
      attachments: [{ name: 'Købstilbud' }],
      attendees: [['Ole Lund', 'Fraværende']],
      isOpen: true,
    });
    expect(item).toMatchObject({ access: 'closed', title: shown, number: 1, caseNumber: '25-000001' });
    expect(item).toMatchObject({
      sections: [],
      decision: null,
      priorDecisions: [],
      lead: '',
      absent: [],
      attachments: [],
      protocolNote: null,
      summary: [],
    });
  });

  it('whatever the portal’s IsOpen says, and by a marker opening its text', () => {
    expect(
      read({ title: 'Budget 2026', html: itemHtml({ decision: 'Godkendt.' }), isOpen: false }).access,
    ).toBe('open');
    const marked = read({ title: 'Personalesag', html: '<p>Lukket punkt</p><p>Sagen drøftedes.</p>' });
    expect(marked).toMatchObject({ access: 'closed', sections: [], lead: '' });
  });

  it('when nothing stands under its title (in doubt, closed), unless it is a standing item', () => {
    expect(readItemAccess('Køb af jord', undefined, false)).toMatchObject({
      access: 'closed',
      inDoubt: true,
    });
    expect(readItemAccess('Eventuelt', undefined, false)).toMatchObject({ access: 'open' });
    expect(read({ title: 'Køb af jord', html: '<div><p>&nbsp;</p></div>' }).access).toBe('closed');
  });

  it('keeps a closed item’s decision out of the meeting’s kind', async () => {
    const doc = await extract([{ title: 'Lukket: Køb af jord', html: '<p>Godkendt.</p>' }]);
    expect(doc.meeting.kind).toBe('agenda');
    expect(doc.items[0]).toMatchObject({ access: 'closed', decision: null, summary: [] });
  });
});

describe('number, title and case number', () => {
  it('come from Punktnummer, Navn and SagsNummer, else Number, Caption and CaseNumber', () => {
    expect(read({ title: 'Budget', number: '12', caseNumber: '24/16905' })).toMatchObject({
      number: 12,
      title: 'Budget',
      caseNumber: '24/16905',
    });
    expect(read({ title: 'Budget', number: '3a', caseNumber: null })).toMatchObject({
      number: null,
      caseNumber: null,
    });
    expect(itemNumber(7)).toBe(7);
    expect(itemNumber('12.')).toBe(12);
    expect(itemNumber(null)).toBeNull();
  });

  it('leave an entry without a title out, and keep the others in the portal’s order', async () => {
    const doc = await extract([
      { title: 'Andet', html: itemHtml({ decision: 'Godkendt.' }) },
      { title: '   ', html: itemHtml({ decision: 'Godkendt.' }) },
      { title: 'Første', number: '1', html: itemHtml({ decision: 'Godkendt.' }) },
    ]);
    expect(doc.items.map((i) => [i.number, i.title])).toEqual([
      [1, 'Andet'],
      [1, 'Første'],
    ]);
  });
});

describe('sections from the HTML headings', () => {
  it.each(['h2', 'h3', 'h4'] as const)('at level %s, kinds from the label vocabulary', (level) => {
    const item = read({
      title: 'Lokalplan',
      html: itemHtml({
        decision: 'Godkendt.',
        level,
        sections: [
          ['Sagsprocedure', 'Økonomiudvalget, Byrådet.'],
          ['Indstilling', 'Teknik og Miljø indstiller, at planen vedtages.'],
          ['Økonomiske  konsekvenser', 'Ingen.'],
          ['Øvrige forhold', 'Planen er screenet for miljøvurdering.'],
        ],
      }),
    });
    expect(item.sections.map((s) => [s.heading, s.kind, s.text])).toEqual([
      ['Beslutning', 'decision', 'Godkendt.'],
      ['Sagsprocedure', 'presentation', 'Økonomiudvalget, Byrådet.'],
      ['Indstilling', 'recommendation', 'Teknik og Miljø indstiller, at planen vedtages.'],
      ['Økonomiske konsekvenser', 'money', 'Ingen.'],
      ['Øvrige forhold', 'other', 'Planen er screenet for miljøvurdering.'],
    ]);
    expect(item.sections.every((s) => s.page === null && s.pages.length === 0)).toBe(true);
  });

  it('skips container and empty headings, and reads a heading broken by <br> as one', () => {
    const split = splitSections(
      htmlLines(
        '<h3>Fremstilling</h3><span><h2>Resume</h2><p>Kort.</p><h2></h2><h2><div>&nbsp;</div></h2><h3><i><br> </i></h3><h2>Økonomiske<br>konsekvenser</h2><p>Ingen.</p><h3>Tidsplan</h3></span>',
      ),
    );
    expect(split.sections.map((s) => [s.heading, s.lines])).toEqual([
      ['Resume', ['Kort.']],
      ['Økonomiske konsekvenser', ['Ingen.']],
    ]);
    expect(split.empty.map((s) => s.heading)).toEqual(['Fremstilling', 'Tidsplan']);
  });

  it('reads a table or a sentence set in a heading element as text, and text before any heading as the lead', () => {
    const item = read({
      title: 'Renovering',
      html:
        '<p>Sagen genoptages.</p><h2>Sagsbeskrivelse</h2><p>Der er afsat midler.</p>' +
        '<h3><table><tr><td><p>Projekt</p></td><td><p>Budget i t. kr.</p></td></tr><tr><td>Skolen, tag</td><td>1.000</td></tr></table></h3>' +
        '<h2>I sagen gives et overblik over udvalgets møder.</h2><h2>Lovgrundlag</h2><p>Kommunestyrelsesloven.</p>',
    });
    expect(item.lead).toBe('Sagen genoptages.');
    expect(item.sections.map((s) => [s.heading, s.text])).toEqual([
      [
        'Sagsbeskrivelse',
        'Der er afsat midler.\nProjekt\nBudget i t. kr.\nSkolen, tag\t1.000\nI sagen gives et overblik over udvalgets møder.',
      ],
      ['Lovgrundlag', 'Kommunestyrelsesloven.'],
    ]);
    expect(isSectionHeading({ text: 'Projekt\tBudget', level: 3 })).toBe(false);
    expect(isSectionHeading({ text: 'Sagsbeskrivelse', level: 0 })).toBe(false);
    expect(isSectionHeading({ text: 'Tabel 1: høringssvar', level: 3 })).toBe(true);
  });

  it('reads a field’s plain text, under the field’s name when it has one', () => {
    const item = read({
      title: 'Budget',
      html: null,
      fieldName: 'Beslutning',
      text: 'Godkendt.\nFraværende: Ole Lund',
    });
    expect(item.decision?.text).toBe('Godkendt.');
    expect(item.absent).toEqual(['Ole Lund']);
  });
});

describe('the decision', () => {
  it('is the text under the decision heading; "Afbud:" and "Fraværende:" lines are the item’s absent', () => {
    const item = read({
      title: 'Budget',
      html: itemHtml({
        decision:
          '<p class="xsltFirstParagraph">Godkendt med den ændring, at puljen hæves.</p><p>Puljen fordeles i juni.</p><br><br>Afbud: Anne Bak, Ole Lund',
        sections: [['Resume', 'Budgettet for 2026.']],
      }),
      attendees: [
        ['Ida Holm', 'Fraværende'],
        ['Kim Sørensen', 'Deltager'],
      ],
    });
    expect(item.decision).toEqual({
      date: '2025-03-27',
      text: 'Godkendt med den ændring, at puljen hæves.\nPuljen fordeles i juni.',
      outcome: 'approved',
      votes: null,
      page: null,
    });
    expect(item.absent).toEqual(['Anne Bak', 'Ole Lund', 'Ida Holm']);
    expect(item.sections[0]).toMatchObject({ heading: 'Beslutning', text: item.decision?.text });
  });

  it('splits an attendance line run on after the decision’s sentence, and keeps protocol notes apart', () => {
    expect(
      readDecisionText([
        'Anbefales. Fraværende: Ida Holm',
        'Følgende deltog ikke i behandlingen af punktet:',
        'Kim Sørensen',
        'Protokoltilførsel: Ole Lund ønskede ført til protokol, at han er imod.',
      ]),
    ).toEqual({
      text: 'Anbefales.',
      absent: ['Ida Holm', 'Kim Sørensen'],
      protocol: ['Ole Lund ønskede ført til protokol, at han er imod.'],
    });
  });

  it.each([
    [
      'For stemte: (A), (V) og Poul Erik Vang (F).\nImod stemte: (Ø) med bemærkning om, at området bør forblive grønt.',
      {
        for: { count: null, parties: ['A', 'V', 'F'] },
        against: { count: null, parties: ['Ø'] },
        abstained: null,
      },
    ],
    ['Godkendt.\nImod: Ø', { for: null, against: { count: null, parties: ['Ø'] }, abstained: null }],
    [
      'Godkendt.\n(Ø) og (F) stemte imod indstillingen.\n(C) undlod at stemme.',
      {
        for: null,
        against: { count: null, parties: ['Ø', 'F'] },
        abstained: { count: null, parties: ['C'] },
      },
    ],
    [
      'Med stemmerne 19 for og 2 imod godkendte Byrådet indstillingen.\nFor stemte: (A), (V).\nImod stemte: (Ø).',
      { for: { count: 19, parties: ['A', 'V'] }, against: { count: 2, parties: ['Ø'] }, abstained: null },
    ],
  ])('reads the votes of %j as in PDFs', (decision, votes) => {
    const html = itemHtml({ decision: decision.split('\n').join('<br>') });
    expect(read({ title: 'Lokalplan', html }).decision?.votes).toEqual(votes);
  });

  it('is null under an empty decision heading ("." alone), which lowers the confidence of minutes', async () => {
    const doc = await extract([
      { title: 'Budget', html: itemHtml({ decision: 'Godkendt.' }) },
      {
        title: 'Underskriftsark',
        html: itemHtml({ decision: '.', sections: [['Resume', 'Underskrifter.']] }),
      },
    ]);
    expect(doc.items[1]?.decision).toBeNull();
    expect(doc.quality.reasons.map((r) => r.code)).toEqual(['decisions-without-text']);
  });

  it('of another body on another date, under a dated decision heading, is a prior decision', () => {
    const item = read({
      title: 'Lokalplan',
      html: '<h3>Beslutning i Økonomiudvalget den 18. marts 2025</h3><p>Anbefales.</p><h3>Beslutning i Byrådet den 27. marts 2025</h3><p>Godkendt.</p>',
    });
    expect(item.decision).toMatchObject({ text: 'Godkendt.', date: '2025-03-27', outcome: 'approved' });
    expect(item.priorDecisions).toEqual([
      expect.objectContaining({ body: 'Økonomiudvalget', date: '2025-03-18', text: 'Anbefales.' }),
    ]);
  });
});

describe('the history ("Sagens forløb")', () => {
  it('gives the earlier bodies’ decisions, not the meeting’s own entry nor an unreleased one', () => {
    const history = readHistory(
      [
        '03-03-2025 Plan- og Teknikudvalget 2022',
        'Taget til efterretning.',
        '18-03-2025 Økonomiudvalget',
        'Anbefales. (Ø) stemte imod.',
        'Fraværende: Ida Holm',
        '20-03-2025 Social- og Sundhedsudvalget',
        'Beslutning ikke frigivet',
        '27-03-2025 Byråd 2022-2025',
        'Beslutning ikke frigivet',
      ],
      MEETING,
    );
    expect(history.decisions).toEqual([
      expect.objectContaining({ body: 'Plan- og Teknikudvalget', date: '2025-03-03', outcome: 'noted' }),
      expect.objectContaining({
        body: 'Økonomiudvalget',
        date: '2025-03-18',
        text: 'Anbefales. (Ø) stemte imod.',
        outcome: 'recommended',
        votes: { for: null, against: { count: null, parties: ['Ø'] }, abstained: null },
      }),
    ]);
    expect(history.text).toBe(
      '03-03-2025 Plan- og Teknikudvalget 2022\nTaget til efterretning.\n18-03-2025 Økonomiudvalget\nAnbefales. (Ø) stemte imod.',
    );
    expect(historyEntry('18-03-2025 blev sagen sendt i høring')).toBeNull();
  });

  it('is a decision section of the item, its entries prior decisions', () => {
    const item = read({
      title: 'Lokalplan',
      html: itemHtml({
        decision: 'Godkendt.',
        history:
          '<u>18-03-2025 Økonomiudvalget</u><br> <div>Anbefales.</div><br>  <u>27-03-2025 Byråd 2022-2025</u><br> Beslutning ikke frigivet<br>',
      }),
    });
    expect(item.priorDecisions.map((d) => [d.body, d.date, d.text])).toEqual([
      ['Økonomiudvalget', '2025-03-18', 'Anbefales.'],
    ]);
    expect(item.sections.at(-1)).toMatchObject({ heading: 'Sagens forløb', kind: 'decision' });
  });
});

describe('attachments', () => {
  it('with their names, numbers and the portal’s links', () => {
    const attachments = readPortalAttachments(
      [
        {
          Id: '7c1d2e3f-4a5b-4c6d-8e7f-8a9b0c1d2e01',
          Navn: 'Bilag 1 - Lokalplanforslag',
          HarPdfVersion: 'true',
        },
        {
          Id: '7c1d2e3f-4a5b-4c6d-8e7f-8a9b0c1d2e02',
          Navn: 'Bilag 4.3-Reference fra klagesagen',
          HarPdfVersion: true,
        },
        {
          Id: '7c1d2e3f-4a5b-4c6d-8e7f-8a9b0c1d2e03',
          Navn: 'Høringssvar &amp; notat',
          HarPdfVersion: 'false',
        },
        { Id: 'not-a-guid', Navn: 'Lukket: Tilbud' },
        { Id: '7c1d2e3f-4a5b-4c6d-8e7f-8a9b0c1d2e05', Navn: '  ' },
      ],
      PORTAL,
    );
    expect(attachments).toEqual([
      {
        number: 1,
        title: 'Lokalplanforslag',
        access: 'open',
        reference: null,
        link: `${PORTAL}/Vis/Pdf/bilag/7c1d2e3f-4a5b-4c6d-8e7f-8a9b0c1d2e01`,
      },
      {
        number: null,
        title: 'Bilag 4.3-Reference fra klagesagen',
        access: 'open',
        reference: null,
        link: `${PORTAL}/Vis/Pdf/bilag/7c1d2e3f-4a5b-4c6d-8e7f-8a9b0c1d2e02`,
      },
      { number: null, title: 'Høringssvar & notat', access: 'open', reference: null, link: null },
      { number: null, title: 'Tilbud', access: 'closed', reference: null, link: null },
    ]);
    expect(
      attachmentLink(null, { Id: '7c1d2e3f-4a5b-4c6d-8e7f-8a9b0c1d2e01', HarPdfVersion: true }),
    ).toBeNull();
  });

  it('on an open item', () => {
    const item = read({
      title: 'Budget',
      html: itemHtml({ decision: 'Godkendt.' }),
      attachments: [{ name: 'Budgetnotat' }],
    });
    expect(item.attachments).toEqual([
      expect.objectContaining({
        title: 'Budgetnotat',
        link: expect.stringMatching(/^https:\/\/dagsordener\.egholt\.dk\/Vis\/Pdf\/bilag\//),
      }),
    ]);
  });
});

describe('the HTML is sanitised into text', () => {
  const hostile =
    '<h3 onclick="alert(1)">Beslutning</h3><span style="color:red" onmouseover="steal()">Godkendt &amp; sendt videre &lt;script&gt;.</span>' +
    '<script>document.write("indsprøjtet")</script><style>p { display:none }</style><!-- kommentar med hemmelighed -->' +
    '<h3>Resume</h3><p>Se <a href="javascript:alert(2)">planen</a> og <img src=x onerror="alert(3)"> kortet&nbsp;her.</p>' +
    '<iframe src="https://ondt.example/"></iframe><form><input value="skjult"><button>Send</button></form>' +
    '<noscript>slå script til</noscript><svg><text>tegning</text></svg><p>&#198;ble &#x00F8; &aring;</p>';

  it('keeps the words and decodes entities; no script, style, comment, attribute or tag survives', () => {
    const item = read({ title: 'Budget', html: hostile });
    const everything = JSON.stringify(item);
    expect(item.decision?.text).toBe('Godkendt & sendt videre <script>.');
    expect(item.sections.find((s) => s.heading === 'Resume')?.text).toBe(
      'Se planen og kortet her.\nÆble ø å',
    );
    for (const gone of [
      'alert',
      'steal',
      'indsprøjtet',
      'display',
      'hemmelighed',
      'onclick',
      'javascript',
      'ondt.example',
      'skjult',
      'Send',
      'slå script',
      'tegning',
      'color',
    ])
      expect(everything).not.toContain(gone);
  });

  it('takes markup out of titles, names and places too', () => {
    expect(plainText('Budget <b>2026</b> &amp; <script>alert(1)</script>overslagsår')).toBe(
      'Budget 2026 & overslagsår',
    );
    expect(plainText('Tilskud < 5.000 kr. & moms')).toBe('Tilskud < 5.000 kr. & moms');
    expect(read({ title: 'Lukket: <i>Køb</i> af jord', html: '<p>x</p>' })).toMatchObject({
      access: 'closed',
      title: 'Køb af jord',
    });
  });
});
