import { describe, expect, it } from 'vitest';
import type { IndexedItem } from '#domain/search.ts';
import { analyze } from '#language/analyze.ts';
import { highlights } from '#search/highlight.ts';
import { indexedItem } from '#test/support/indexed-items.ts';

/** Highlights for a query as the search analyses it. */
const marked = (item: IndexedItem, q: string) => highlights(item, [...new Set(analyze(q))]);

/** The markup of a highlight other than <mark> and </mark>: none is allowed. */
const otherMarkup = (html: string) => html.replace(/<\/?mark>/g, '').match(/[<>]/g) ?? [];

const withRecommendation = (item: IndexedItem, text: string): IndexedItem => ({
  ...item,
  recommendation: { heading: 'Indstilling', text, page: 1 },
});

describe('highlights', () => {
  it('marks a word by its stem, and inside a compound only the part that matched', () => {
    const item = indexedItem({ title: 'Fokus på sygefraværet', text: 'Fraværet er faldet i år.' });
    expect(marked(item, 'fravær')).toEqual([
      '<mark>Fraværet</mark> er faldet i år.',
      'Fokus på syge<mark>fravær</mark>et',
    ]);
  });

  it('finds a word only the recommendation or another section holds', () => {
    const base = indexedItem({
      title: 'Budget 2026',
      decision: 'Godkendt.',
      text: 'Direktionen drøftede rammerne.',
    });
    expect(
      marked(withRecommendation(base, 'Administrationen indstiller, at rammen godkendes.'), 'indstiller'),
    ).toEqual(['Administrationen <mark>indstiller</mark>, at rammen godkendes.']);
    expect(marked(base, 'rammer')).toEqual(['Direktionen drøftede <mark>rammerne</mark>.']);
  });

  it('marks a case number whole, where the text has it and as the item’s own', () => {
    const item = indexedItem({
      title: 'Lokal beskæftigelsesplan',
      caseNumber: 'EMN-2025-01187',
      text: 'Se sag 24/16905.',
    });
    expect(marked(item, 'EMN-2025-01187')).toEqual(['Sagsnr. <mark>EMN-2025-01187</mark>']);
    expect(marked(item, '24/16905')).toEqual(['Se sag <mark>24/16905</mark>.']);
    expect(marked(indexedItem({ title: 'Personalesag', caseNumber: '24/16905' }), '24/16905')).toEqual([
      'Sagsnr. <mark>24/16905</mark>',
    ]);
  });

  it('marks the parts of a query compound, also when only its stem is given', () => {
    const item = indexedItem({
      title: 'Salg af ejendommen Skolevej 4',
      text: 'Kysten skal beskyttes mod stormflod.',
    });
    expect(marked(item, 'ejendomssalg')).toEqual(['<mark>Salg</mark> af <mark>ejendommen</mark> Skolevej 4']);
    // "kystbeskyttelse" stems to "kystbeskyt", which does not split as a word does.
    expect(marked(item, 'kystbeskyttelse')).toEqual([
      '<mark>Kysten</mark> skal <mark>beskyttes</mark> mod stormflod.',
    ]);
    const lokal = indexedItem({ title: 'Lokal beskæftigelsesplan 2026' });
    expect(marked(lokal, 'lokalplan')).toEqual(['<mark>Lokal</mark> beskæftigelses<mark>plan</mark> 2026']);
  });

  it('ranks full matches ahead of parts', () => {
    const item = indexedItem({
      title: 'Lokal beskæftigelsesplan',
      text: 'Forslag til lokalplan nr. 112 sendes i høring.',
    });
    expect(marked(item, 'lokalplan')[0]).toBe('Forslag til <mark>lokalplan</mark> nr. 112 sendes i høring.');
  });

  it('marks prefixes and phrases passed beside the terms', () => {
    const item = indexedItem({
      title: 'Klimatilpasning i Vesterlund',
      text: 'Planen for skolen og skolens plan er vedtaget.',
    });
    expect(highlights(item, [], { prefixes: ['vesterl'] })).toEqual([
      'Klimatilpasning i <mark>Vesterlund</mark>',
    ]);
    expect(highlights(item, [], { prefixes: ['tilpas'] })).toEqual([
      'Klima<mark>tilpasning</mark> i Vesterlund',
    ]);
    expect(highlights(item, ['plan', 'skol'], { phrases: [['planen', 'for', 'skolen']] })).toEqual([
      '<mark>Planen for skolen</mark> og <mark>skolens</mark> <mark>plan</mark> er vedtaget.',
    ]);
  });

  it('cuts a long passage to about 30 words around its matches', () => {
    const filler = Array.from({ length: 60 }, (_, i) => `ord${i}`).join(' ');
    const [fragment] = marked(
      indexedItem({ title: 'Budget', text: `${filler} sygefravær ${filler}.` }),
      'sygefravær',
    );
    expect(fragment).toMatch(/^… ord55 ord56 ord57 ord58 ord59 <mark>sygefravær<\/mark> ord0 .* …$/);
    expect(fragment?.split(' ').filter((w) => w !== '…')).toHaveLength(30);
  });

  it('escapes everything but its own marks, from a hostile text', () => {
    const item = withRecommendation(
      indexedItem({
        title: '<script>alert(1)</script> havn',
        caseNumber: '<b>24/1</b>',
        decision: 'Havnen <img src=x onerror=alert(1)> & "byen".',
      }),
      "<mark>havn</mark> '<iframe>'",
    );
    const all = marked(item, 'havn 24/1');
    expect(all).toEqual([
      '&lt;script&gt;alert(1)&lt;/script&gt; <mark>havn</mark>',
      'Sagsnr. &lt;b&gt;<mark>24/1</mark>&lt;/b&gt;',
      '<mark>Havnen</mark> &lt;img src=x onerror=alert(1)&gt; &amp; &quot;byen&quot;.',
    ]);
    expect(marked(item, 'iframe')).toEqual([
      '&lt;mark&gt;havn&lt;/mark&gt; &#39;&lt;<mark>iframe</mark>&gt;&#39;',
    ]);
    for (const html of all) expect(otherMarkup(html)).toEqual([]);
  });

  it('never shows a closed item’s content, whatever the item holds', () => {
    const afskedigelse = 'Afskedigelse af medarbejder.';
    const spec = {
      title: 'Personalesag',
      caseNumber: '24/16905',
      decision: afskedigelse,
      text: afskedigelse,
    };
    const open = withRecommendation(indexedItem(spec), afskedigelse);
    const closed: IndexedItem = { ...open, item: { ...open.item, access: 'closed' } };
    expect(marked(open, 'afskedigelse').length).toBeGreaterThan(0);
    expect(marked(closed, 'afskedigelse')).toEqual([]);
    expect(marked(closed, 'personalesag 24/16905')).toEqual([
      '<mark>Personalesag</mark>',
      'Sagsnr. <mark>24/16905</mark>',
    ]);
  });

  it('gives nothing without terms', () => {
    expect(highlights(indexedItem({ title: 'Budget' }), [])).toEqual([]);
  });
});
