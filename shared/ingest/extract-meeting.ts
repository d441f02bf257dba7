import { createHash } from 'node:crypto';
import type { ExtractLimits } from '#config/limits.ts';

import type { MeetingDocument } from '#domain/meeting.ts';
import { extractLines } from '#extract/index.ts';
import { summarise } from '#summarise/summarise.ts';
import { parseMeeting } from './index.ts';

/** Bytes of a minutes document -> the validated Meeting document. Throws ExtractionError. */
export async function extractMeeting(
  bytes: Uint8Array,
  file: string,
  limits: ExtractLimits,
): Promise<MeetingDocument> {
  const extracted = await extractLines(bytes, limits);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const meeting = parseMeeting(extracted, { file, sha256 });
  return { ...meeting, items: meeting.items.map((item) => ({ ...item, summary: summarise(item) })) };
}
