import { randomUUID } from 'node:crypto';

const MAX_NAME_LENGTH = 200;
/** Path separators, control characters and invisible format characters (bidi overrides, zero widths). */
const UNSAFE = /[/\\\p{Cc}\p{Cf}]/gu;

/**
 * A file name safe as the last segment of an object key: Danish letters and spaces stay (people
 * recognise their file), separators and control characters become `_`, leading dots go (no `..`).
 */
export function sanitiseFilename(filename: string): string {
  const cleaned = filename.normalize('NFC').replace(UNSAFE, '_').trim().replace(/^\.+/, '');
  const chars = [...cleaned];
  if (chars.length === 0) return 'upload.pdf';
  if (chars.length <= MAX_NAME_LENGTH) return cleaned;
  // Too long: shorten the name before its extension, so it still ends in `.pdf`.
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? [...cleaned.slice(dot)].slice(0, 10).join('') : '';
  return chars.slice(0, MAX_NAME_LENGTH - extension.length).join('') + extension;
}

/** `uploads/<yyyy-mm-dd>/<random id>/<file name>`: the date for people, the id so names never collide. */
export function uploadKey(filename: string, now: Date, id: string = randomUUID()): string {
  return `uploads/${now.toISOString().slice(0, 10)}/${id}/${sanitiseFilename(filename)}`;
}
