import type { CaseSummary, CaseTreatment } from './schema.ts';
import type { CaseSpread } from './umbrella.ts';

/** The longest decision text the line quotes; the treatment below it has the whole. */
const QUOTE_CHARS = 160;

const where = (t: { meeting: { body: string | null; date: string | null } }) =>
  [t.meeting.body ?? 'ukendt udvalg', t.meeting.date].filter(Boolean).join(' ');

/** Where, and for an item that names the case in its text, that it does. */
const listedAs = (t: CaseTreatment) => (t.via === 'reference' ? `${where(t)} (nævner sagen)` : where(t));

function quoted(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= QUOTE_CHARS ? flat : `${flat.slice(0, QUOTE_CHARS - 1).trimEnd()}…`;
}

/**
 * The case's summary: the latest public decision of an item with its number first, in its own
 * words (its outcome is in `latest`; an item naming the case decides a case of its own), then
 * where it was treated, oldest first, the items naming it among them ("Senest: Byrådet
 * 2022-12-12: Byrådet godkendte indstillingen. Behandlet 2 gange: Økonomiudvalget 2022-12-05,
 * Byrådet 2022-12-12.").
 */
export function caseSummary(treatments: readonly CaseTreatment[]): CaseSummary {
  const latest = treatments.findLast((t) => t.decision !== null && t.via === 'number');
  const decision = latest?.decision;
  const head =
    latest && decision
      ? `Senest: ${where(latest)}: ${quoted(decision.text)}`
      : 'Ingen offentlig beslutning i sagen.';
  const times = treatments.length === 1 ? '1 gang' : `${treatments.length} gange`;
  return {
    latest:
      latest && decision
        ? {
            id: latest.id,
            body: latest.meeting.body,
            date: decision.date ?? latest.meeting.date,
            outcome: decision.outcome,
            text: decision.text,
          }
        : null,
    line: `${head} Behandlet ${times}: ${treatments.map(listedAs).join(', ')}.`,
  };
}

/** An umbrella number's summary: what it is, and that its items are not one case. */
export function umbrellaSummary(caseNumber: string, spread: CaseSpread): CaseSummary {
  return {
    latest: null,
    line:
      `Sagsnummer ${caseNumber} bruges til mange emner (${spread.items} punkter med ` +
      `${spread.distinctTitles} forskellige titler på ${spread.meetings} møder), så punkterne vises ikke som én sag.`,
  };
}
