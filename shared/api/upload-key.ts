import { randomUUID } from 'node:crypto';

const MAX_NAME_LENGTH = 200;
const MAX_EXTENSION_LENGTH = 10;
/**
 * Path separators, control characters, invisible format characters (bidi overrides, zero widths)
 * and lone surrogates (half an emoji: no URL or object key can encode one).
 */
const UNSAFE = /[/\\\p{Cc}\p{Cf}\p{Cs}]/gu;
/** The name when nothing usable is left of the given one: `upload` with its extension (requestUpload checked it), else a PDF's. */
const FALLBACK_STEM = 'upload';

/**
 * A file name safe as the last segment of an object key: Danish letters and spaces stay (people
 * recognise their file), separators and control characters become `_`, leading dots go (no `..`)
 * from the name before its extension; the extension stays.
 */
export function sanitiseFilename(filename: string): string {
  const cleaned = filename.normalize('NFC').replace(UNSAFE, '_').trim();
  const dot = cleaned.lastIndexOf('.');
  const extension = dot === -1 ? '' : cleaned.slice(dot);
  const stem = (dot === -1 ? cleaned : cleaned.slice(0, dot)).replace(/^[.\s]+/, '');
  if (stem === '')
    return FALLBACK_STEM + (/^\.[a-z0-9]+$/i.test(extension) ? extension.toLowerCase() : '.pdf');
  const name = stem + extension;
  if ([...name].length <= MAX_NAME_LENGTH) return name;
  // Too long: shorten the name before its extension, so it still ends in `.pdf`.
  const kept = [...extension].slice(0, MAX_EXTENSION_LENGTH);
  return [...stem].slice(0, MAX_NAME_LENGTH - kept.length).join('') + kept.join('');
}

/** `uploads/<yyyy-mm-dd>/<random id>/<file name>`: the date for people, the id so names never collide. */
export function uploadKey(filename: string, now: Date, id: string = randomUUID()): string {
  return `uploads/${now.toISOString().slice(0, 10)}/${id}/${sanitiseFilename(filename)}`;
}
