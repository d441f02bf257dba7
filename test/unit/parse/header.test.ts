import { describe, expect, it } from 'vitest';
import type { Line } from '#extract/line.ts';
import { readHeader } from '#parse/passes/header.ts';
import { headerLabel } from '#parse/read/vocabulary.ts';
import { type LineSpec, pdfLines, styled } from '#test/support/lines.ts';

const header = (specs: readonly (LineSpec | string)[], furniture: readonly Line[] = []) => {
  const lines = styled(pdfLines(specs));
  return readHeader(lines, furniture, lines).info;
};

describe('the meeting header', () => {
  it('reads labelled fields in two columns, with members one per line under the value column', () => {
    expect(
      header([
        { text: 'Referat', size: 20, bold: true },
        { text: 'Udvalg\tØkonomiudvalget', gap: 10 },
        'Dato\tTirsdag den 5. februar 2025',
        'Tid\tKl. 16.00 – 18.40',
        'Sted\tByrådssalen',
        { text: 'Rådhuset, Torvet 3, 8410 Egholt', x: 180 },
        'Medlemmer\tAnne Kjærgaard (A) - formand',
        { text: 'Kommunaldirektør Jonas Kroustrup', x: 180 },
        { text: 'Bo Holm (V)\tIda Lund (C)', x: 180 },
        'Afbud\tIngen',
      ]),
    ).toMatchObject({
      body: 'Økonomiudvalget',
      kind: 'minutes',
      date: '2025-02-05',
      start: '16:00',
      end: '18:40',
      location: 'Byrådssalen, Rådhuset, Torvet 3, 8410 Egholt',
      members: ['Anne Kjærgaard', 'Jonas Kroustrup', 'Bo Holm', 'Ida Lund'],
      absent: [],
    });
  });

  it('reads a title block: the body after the kind word, a date and time line, an "i <place>" line', () => {
    expect(
      header([
        { text: 'IT og Digitalisering', size: 13 },
        { text: 'Referat', size: 20, bold: true },
        { text: 'Sundheds- og Forebyggelsesudvalget', size: 14, bold: true },
        { text: 'tirsdag den 4. december 2012, kl. 13:00', size: 11, bold: true },
        { text: 'i Mødecenter C, Lokale 32 på Ballerup Rådhus', size: 11, bold: true },
      ]),
    ).toMatchObject({
      body: 'Sundheds- og Forebyggelsesudvalget',
      date: '2012-12-04',
      start: '13:00',
      end: null,
      location: 'Mødecenter C, Lokale 32 på Ballerup Rådhus',
    });
  });

  it('takes the kind of document from its most prominent title, not a small running header over it', () => {
    const title = (kind: string) => [
      { text: 'Referat – Chefforum – 24. juni 2025', size: 8 },
      { text: `${kind} Chefforum d. 24-06-2025`, size: 18, bold: true },
      'Dato: Tirsdag den 24. juni 2025',
    ];
    expect(header(title('DAGSORDEN')).kind).toBe('agenda');
    expect(header(title('REFERAT')).kind).toBe('minutes');
  });

  it('reads the body from "REFERAT <body> d. <date>" wrapped over two lines, and never a date as a time', () => {
    expect(
      header([
        { text: 'REFERAT Social- og Sundhedsudvalget d.', size: 18, bold: true },
        { text: '13-03-2025', size: 18, bold: true },
        { text: 'Mødedato: 04.12.2012', gap: 10 },
      ]),
    ).toMatchObject({ body: 'Social- og Sundhedsudvalget', date: '2012-12-04', start: null });
  });

  it('reads a time or date field whose value, in lower case, stands a space after its label', () => {
    expect(
      header([
        { text: 'Referat', size: 20, bold: true },
        { text: 'Mødeforum\tKommunalbestyrelsen', gap: 10 },
        'Mødedato onsdag den 5. marts 2025',
        'Mødetidspunkt fra kl. 10.00 til kl. 11.30',
        'Medlemmer\tAnne Kjærgaard (A)',
      ]),
    ).toMatchObject({ body: 'Kommunalbestyrelsen', date: '2025-03-05', start: '10:00', end: '11:30' });
    expect(header(['Dato\t05-02-2025', 'Tidspunkt kl. 16.00']).start).toBe('16:00');
  });

  it('reads a list of people whose first bullet stands a space after its label', () => {
    expect(
      header(['Dato\t05-02-2025', 'Mødedeltagere • Rasmus Kjeldsen (B) - formand', '• Bente Skov (O)'])
        .members,
    ).toEqual(['Rasmus Kjeldsen', 'Bente Skov']);
  });

  it('takes no label from prose that opens with a label word and runs on in lower case', () => {
    expect(headerLabel('Tid til at drøfte budgettet 2025')).toBeNull();
    expect(headerLabel('Deltagere fra forvaltningen')).toBeNull();
    expect(headerLabel('Dato for næste møde fastsættes senere')).toBeNull();
    expect(headerLabel('Mødetidspunkt kl. 13.30')).toMatchObject({ field: 'time', value: 'kl. 13.30' });
  });

  it('finds the municipality on a letter-spaced wordmark, in a running line, or from the body', () => {
    expect(header([{ text: '■ V E S T E R L U N D KO M M U N E', size: 15 }, 'Referat']).municipality).toBe(
      'Vesterlund Kommune',
    );
    const footer = pdfLines(['Bækmose Kommune · Teknik og Miljø']);
    expect(header(['Referat', 'Ledermøde'], footer).municipality).toBe('Bækmose Kommune');
    expect(header([{ text: 'REFERAT Aarhus Byråd d. 27-08-2025', size: 20 }]).municipality).toBe(
      'Aarhus Kommune',
    );
  });
});
