/**
 * PDFs built to exhaust whoever reads them, written object by object in the test (no committed
 * binaries): they are small on disk and enormous to read.
 */
import { deflateSync } from 'node:zlib';

/** A PDF object's body: a dictionary, or a stream with its dictionary (Length is added). */
type PdfObject = string | { readonly dict: string; readonly stream: Uint8Array };

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/**
 * A one-page PDF whose page draws a form XObject that draws the next one `fanout` times, `depth`
 * levels deep, the last drawing a letter: fanout^depth text runs (10^9 by default) from 2 KB.
 */
export function nestedFormsPdf(depth = 9, fanout = 10): Uint8Array {
  const firstForm = 5;
  const forms: PdfObject[] = [];
  for (let level = 0; level < depth; level++) {
    const last = level === depth - 1;
    const draw = last
      ? 'BT /F1 12 Tf 10 10 Td (a) Tj ET'
      : Array(fanout)
          .fill(`/X${level + 1} Do`)
          .join(' ');
    const resources = last
      ? `/Font << /F1 ${FONT} >>`
      : `/XObject << /X${level + 1} ${firstForm + level + 1} 0 R >>`;
    forms.push({
      dict: `/Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources << ${resources} >>`,
      stream: ascii(draw),
    });
  }
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R /Resources << /XObject << /X0 ${firstForm} 0 R >> >> >>`,
    { dict: '', stream: ascii('/X0 Do') },
    ...forms,
  ]);
}

/**
 * A one-page PDF whose content stream inflates from a few hundred KB to `megabytes` MB of text
 * runs (a Flate bomb): each run a text item for the reader to hold.
 */
export function flateBombPdf(megabytes = 150): Uint8Array {
  const run = '(a) Tj ';
  const body = Buffer.alloc(megabytes * 1024 * 1024, run);
  const content = Buffer.concat([ascii('BT /F1 12 Tf 10 10 Td '), body, ascii(' ET')]);
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R /Resources << /Font << /F1 ${FONT} >> >> >>`,
    { dict: '/Filter /FlateDecode', stream: new Uint8Array(deflateSync(content, { level: 9 })) },
  ]);
}

/** Objects numbered from 1, the first the catalog, with a correct cross-reference table. */
function pdfOf(objects: readonly PdfObject[]): Uint8Array {
  const parts: Uint8Array[] = [ascii('%PDF-1.7\n')];
  let length = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  for (const [i, object] of objects.entries()) {
    offsets.push(length);
    const body =
      typeof object === 'string'
        ? [ascii(`${i + 1} 0 obj\n${object}\nendobj\n`)]
        : [
            ascii(`${i + 1} 0 obj\n<< ${object.dict} /Length ${object.stream.length} >>\nstream\n`),
            object.stream,
            ascii('\nendstream\nendobj\n'),
          ];
    for (const part of body) {
      parts.push(part);
      length += part.length;
    }
  }
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`),
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`,
  ].join('');
  parts.push(ascii(xref));
  return new Uint8Array(Buffer.concat(parts));
}

function ascii(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'latin1'));
}
