import type { ParseQuality } from '#domain/document.ts';
import type { AgendaItem, MeetingDocument } from '#domain/meeting.ts';

/**
 * How well the parser understood a document, for the registry, so a secretariat can see which
 * minutes to check: the counts, and the parser's own confidence with its reasons. An agenda (dagsorden) has no decisions yet: its open items are still listed
 * as without a decision, which is expected there and a warning sign only in minutes.
 */
export function parseQuality(doc: MeetingDocument): ParseQuality {
  const open = doc.items.filter((item) => item.access === 'open');
  return {
    items: doc.items.length,
    closedItems: doc.items.length - open.length,
    decisions: open.filter((item) => item.decision !== null).length,
    itemsWithoutDecision: open.filter((item) => item.decision === null).map(itemLabel),
    itemsWithoutSections: open.filter((item) => !hasSectionText(item)).map(itemLabel),
    headerIncomplete: doc.meeting.body === null || doc.meeting.date === null,
    confidence: doc.quality.confidence,
    needsReview: doc.quality.needsReview,
    reasons: doc.quality.reasons,
  };
}

/** How a person finds the item in the PDF: its number, or its title when it has none. */
function itemLabel(item: AgendaItem): string {
  return item.number === null ? item.title : String(item.number);
}

function hasSectionText(item: AgendaItem): boolean {
  return item.lead.trim().length > 0 || item.sections.some((section) => section.text.trim().length > 0);
}
