import { ExtractionError } from './errors.ts';
import { isFirstAgendaJson } from './firstagenda.ts';

export type DetectedFormat = 'pdf' | 'firstagenda-json' | 'text';

const PDF_MAGIC = '%PDF-';
/** Signatures of formats we recognise but do not read. */
const OTHER_FORMATS: readonly [string, number[]][] = [
  ['a ZIP container (DOCX, XLSX, ODT)', [0x50, 0x4b, 0x03, 0x04]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a TIFF image', [0x49, 0x49, 0x2a, 0x00]],
  ['a TIFF image', [0x4d, 0x4d, 0x00, 0x2a]],
  ['an OLE document (DOC, XLS, MSG)', [0xd0, 0xcf, 0x11, 0xe0]],
  ['an RTF document', [0x7b, 0x5c, 0x72, 0x74, 0x66]],
];

/** Tells PDF, a FirstAgenda portal's agenda JSON and text apart by the bytes, never by the file name. */
export function detectFormat(bytes: Uint8Array): DetectedFormat {
  if (bytes.length === 0) throw new ExtractionError('not-a-pdf', 'the file is empty');
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes(PDF_MAGIC)) return 'pdf';
  for (const [name, signature] of OTHER_FORMATS) {
    if (signature.every((byte, i) => bytes[i] === byte)) {
      throw new ExtractionError('unsupported-format', `the file is ${name}, not a PDF or text`);
    }
  }
  if (looksLikeText(bytes)) {
    // Only a text that opens a JSON object is decoded whole to look for the portal's items.
    const opening = /^(?:\uFEFF)?\s*\{/.test(new TextDecoder('utf-8').decode(bytes.subarray(0, 64)));
    return opening && isFirstAgendaJson(new TextDecoder('utf-8').decode(bytes)) ? 'firstagenda-json' : 'text';
  }
  throw new ExtractionError('not-a-pdf', 'the file is neither a PDF nor text');
}

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  if (sample.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(
      sample.length < bytes.length ? trimPartial(sample) : sample,
    );
    return true;
  } catch {
    return false;
  }
}

/** Drops a UTF-8 sequence cut off at the end of a sample. */
function trimPartial(sample: Uint8Array): Uint8Array {
  let end = sample.length;
  while (end > 0 && end > sample.length - 4 && ((sample[end - 1] ?? 0) & 0xc0) === 0x80) end--;
  if (end > 0 && ((sample[end - 1] ?? 0) & 0xc0) === 0xc0) end--;
  return sample.subarray(0, end);
}
