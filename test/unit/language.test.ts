import { describe, expect, it } from 'vitest';
import { analyze, analyzeParts, isName, stem, tokenize } from '#language/analyze.ts';
import { compoundParts, vocabularyWords } from '#language/compounds.ts';
import { splitSentences } from '#language/sentences.ts';

describe('Danish analysis', () => {
  it('keeps æ, ø, å, lower-cases and drops stop words', () => {
    expect(analyze('Økonomiudvalget og Børne- og Ungdomsudvalget')).toEqual([
      'økonomiudvalg',
      'børn',
      'ungdomsudvalg',
    ]);
  });

  it('keeps dates, case numbers and numbers as tokens', () => {
    expect(tokenize('Sag 24/16905 den 05-02-2025: 4,5 mio. kr. i 2024').map((t) => t.term)).toEqual([
      'sag',
      '24/16905',
      'den',
      '05-02-2025',
      '4',
      '5',
      'mio',
      'kr',
      'i',
      '2024',
    ]);
  });

  it('stems with Snowball Danish, as OpenSearch does', () => {
    expect(['politikker', 'ledere', 'ungegarantien', 'verdensmålene'].map(stem)).toEqual([
      'politik',
      'led',
      'ungegaranti',
      'verdensmål',
    ]);
  });

  it('stems a word to a beginning of it, which phrase counting relies on', () => {
    const words = vocabularyWords();
    const inflected = words.flatMap((w) => [w, `${w}erne`, `${w}ets`, `${w}igst`]);
    expect(inflected.filter((w) => !w.startsWith(stem(w)))).toEqual([]);
  });

  it('finds the vocabulary words inside compounds', () => {
    expect(compoundParts('sygefraværet')).toEqual(expect.arrayContaining(['syge', 'sygefravær', 'fravær']));
    expect(compoundParts('stressforebyggende')).toEqual(expect.arrayContaining(['stress', 'forebyggende']));
    expect(compoundParts('databeskyttelsesrådgiverens')).toEqual(
      expect.arrayContaining(['databeskyttelse', 'beskyttelse', 'rådgiver']),
    );
    expect(compoundParts('fravær')).toEqual([]);
  });

  it('lets a query for a part match the compound through the parts analysis only', () => {
    const [query] = analyze('fravær');
    expect(analyze('sygefraværsprojektet')).not.toContain(query);
    expect(analyzeParts('sygefraværsprojektet')).toContain(query);
    expect(analyzeParts('Databeskyttelsesrådgiverens årsrapport')).toContain(analyze('databeskyttelse')[0]);
    expect(analyzeParts('stressforebyggende samtaleforløb')).toContain(analyze('stress')[0]);
  });

  it('takes a capitalised word inside a sentence for a name, and a name whole', () => {
    const names = (text: string) =>
      tokenize(text)
        .filter((token) => isName(text, token))
        .map((t) => t.term);
    expect(names('Borgmester Ole Vesterlund, Karlslundevej og Ishøjvejen')).toEqual([
      'vesterlund',
      'karlslundevej',
      'ishøjvejen',
    ]);
    // At the start of the text, a sentence or a line, after a number, or in lower case: words.
    expect(names('Klimatilpasningen. Kystsikringen\nVejbelysningen 3 Lokalplanen i kystsikringen')).toEqual(
      [],
    );
    // Short words have no parts to keep out.
    expect(names('mødte Hanne Lund')).toEqual([]);
    expect(analyzeParts('om Vesterlund')).toEqual([stem('vesterlund')]);
    expect(analyzeParts('Vesterlund')).toContain('lund');
  });
});

describe('Danish sentences', () => {
  it('does not split after abbreviations and ordinals', () => {
    const text =
      'Der blev afsat 4 mio. kr. til bl.a. lederkurser, jf. budgetaftalen d. 5. februar. Direktionen drøftede sagen, f.eks. pkt. 3. Sagen udsættes!';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'Der blev afsat 4 mio. kr. til bl.a. lederkurser, jf. budgetaftalen d. 5. februar.',
      'Direktionen drøftede sagen, f.eks. pkt. 3.',
      'Sagen udsættes!',
    ]);
  });

  it('ends sentences at line breaks (list items) and keeps offsets into the text', () => {
    const text = 'Tre indsatser:\n- Kurser i sygefravær\n- Stressforebyggelse';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual([
      'Tre indsatser:',
      '- Kurser i sygefravær',
      '- Stressforebyggelse',
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
