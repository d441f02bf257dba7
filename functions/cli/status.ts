import type { DocumentRecord } from '#domain/document.ts';
import { allDocuments } from '#storage/registry.ts';
import { resolveDocument } from './document-ref.ts';
import type { Store } from './store.ts';

export interface StatusOptions {
  readonly json: boolean;
  /** Only the documents whose reading a person should check. */
  readonly needsReview: boolean;
}

/**
 * `status [DOC]`: every document in the registry, or one (by id, short id or key) with its
 * parse-quality report; exit code 1 when DOC names no document.
 */
export async function statusCommand(
  documentId: string | undefined,
  store: Store,
  { json, needsReview }: StatusOptions,
): Promise<number> {
  const { registry } = store.adapters;
  if (documentId !== undefined) {
    const resolved = await resolveDocument(registry, documentId);
    if ('error' in resolved) {
      process.stderr.write(`${resolved.error}\n`);
      return 1;
    }
    const { record } = resolved;
    process.stdout.write(json ? `${JSON.stringify(record, null, 2)}\n` : describeOne(record));
    return 0;
  }
  const records: DocumentRecord[] = [];
  for await (const record of allDocuments(registry)) records.push(record);
  const shown = needsReview ? records.filter((r) => r.quality?.needsReview) : records;
  process.stdout.write(json ? `${JSON.stringify(shown, null, 2)}\n` : table(shown));
  return 0;
}

function table(records: readonly DocumentRecord[]): string {
  if (records.length === 0) return 'The registry is empty.\n';
  const rows = records.map((r) => {
    const q = r.quality;
    const review = q?.needsReview ? `, needs review (confidence ${q.confidence})` : '';
    const found = q ? `${q.items} items, ${q.decisions} decisions${review}` : (r.reason ?? '');
    return `${r.status.padEnd(10)} ${r.id.slice(0, 12)}  ${String(r.pages ?? '-').padStart(4)} p.  ${r.key}  ${found}`;
  });
  const counts = Object.entries(Object.groupBy(records, (r) => r.status))
    .map(([status, list]) => `${list?.length ?? 0} ${status}`)
    .join(', ');
  const review = records.filter((r) => r.quality?.needsReview).length;
  return `${rows.join('\n')}\n\n${records.length} documents: ${counts}; ${review} to review\n`;
}

function describeOne(r: DocumentRecord): string {
  const lines = [
    `${r.key}`,
    `  id           ${r.id}`,
    `  status       ${r.status}${r.reason ? ` (${r.reason})` : ''}, ${r.attempts} attempt(s), extractor ${r.extractorVersion ?? '-'}`,
    `  size         ${r.size} bytes, ${r.pages ?? '-'} pages`,
    `  received     ${r.receivedAt}, updated ${r.updatedAt}`,
  ];
  if (r.meeting) {
    const m = r.meeting;
    lines.push(`  meeting      ${[m.body, m.municipality, m.date, m.kind].filter(Boolean).join(', ')}`);
  }
  const q = r.quality;
  if (q) {
    lines.push(`  items        ${q.items} (${q.closedItems} closed), ${q.decisions} decisions`);
    if (q.itemsWithoutDecision.length) lines.push(`  no decision  ${q.itemsWithoutDecision.join(', ')}`);
    if (q.itemsWithoutSections.length) lines.push(`  no sections  ${q.itemsWithoutSections.join(', ')}`);
    if (q.headerIncomplete) lines.push('  header       incomplete: no body or no date found');
    if (q.confidence !== null)
      lines.push(`  confidence   ${q.confidence}${q.needsReview ? ', needs review' : ''}`);
    for (const concern of q.reasons) lines.push(`  why          ${concern.message}`);
  }
  return `${lines.join('\n')}\n`;
}
