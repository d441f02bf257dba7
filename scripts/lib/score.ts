import type { MeetingDocument } from '#domain/meeting.ts';

/** The gold annotation schema of the corpus (test/fixtures/corpus/README.md). */
export interface GoldDocument {
  readonly fragment?: boolean;
  readonly meeting: Record<string, unknown> & { members?: string[] };
  readonly items: readonly GoldItem[];
}

interface GoldItem {
  readonly number: number | null;
  readonly title: string;
  readonly access: 'open' | 'closed';
  readonly sections: readonly string[];
  readonly decision: { date: string; text: string } | null;
}

export const METRICS = [
  'itemF1',
  'title',
  'access',
  'decision',
  'decisionText',
  'decisionDate',
  'sections',
  'date',
  'body',
  'start',
  'end',
  'location',
  'members',
  'municipality',
] as const;
export type Metric = (typeof METRICS)[number];
export type Scores = Partial<Record<Metric, number>>;

const mean = (values: readonly number[]) =>
  values.length ? values.reduce((a, b) => a + b, 0) / values.length : 1;

function tokens(text: string): string[] {
  return text.toLocaleLowerCase('da').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Token F1 with multiset overlap, as the corpus README defines it. */
export function tokenF1(predicted: string, gold: string): number {
  const p = tokens(predicted);
  const g = tokens(gold);
  if (p.length === 0 && g.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const t of g) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of p) {
    const left = counts.get(t) ?? 0;
    if (left > 0) {
      overlap++;
      counts.set(t, left - 1);
    }
  }
  if (overlap === 0) return 0;
  const precision = overlap / p.length;
  const recall = overlap / g.length;
  return (2 * precision * recall) / (precision + recall);
}

function setF1(predicted: readonly string[], gold: readonly string[]): number {
  if (predicted.length === 0 && gold.length === 0) return 1;
  const g = new Set(gold);
  const hits = predicted.filter((p) => g.has(p)).length;
  return hits === 0 ? 0 : (2 * hits) / (predicted.length + gold.length);
}

/** Scores one extraction against its gold annotation. */
export function score(doc: MeetingDocument, gold: GoldDocument): Scores {
  const pairs: [MeetingDocument['items'][number], GoldItem][] = [];
  const unmatched = [...doc.items];
  for (const g of gold.items) {
    const index = unmatched.findIndex((p) =>
      g.number !== null ? p.number === g.number : p.title === g.title,
    );
    const fallback = index >= 0 ? index : unmatched.findIndex((p) => p.title === g.title);
    if (fallback >= 0) pairs.push([unmatched.splice(fallback, 1)[0] as MeetingDocument['items'][number], g]);
  }
  const precision = doc.items.length ? pairs.length / doc.items.length : 1;
  const recall = gold.items.length ? pairs.length / gold.items.length : 1;
  const withDecision = pairs.filter(([, g]) => g.decision);
  const scores: Scores = {
    itemF1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    title: mean(pairs.map(([p, g]) => Number(p.title === g.title))),
    access: mean(pairs.map(([p, g]) => Number(p.access === g.access))),
    decision: mean(pairs.map(([p, g]) => Number((p.decision === null) === (g.decision === null)))),
    decisionText: mean(withDecision.map(([p, g]) => tokenF1(p.decision?.text ?? '', g.decision?.text ?? ''))),
    decisionDate: mean(withDecision.map(([p, g]) => Number(p.decision?.date === g.decision?.date))),
    sections: mean(
      pairs.map(([p, g]) => Number(p.sections.map((s) => s.heading).join('|') === g.sections.join('|'))),
    ),
  };
  const meeting = doc.meeting as Record<string, unknown>;
  for (const key of ['date', 'body', 'start', 'end', 'location', 'municipality'] as const) {
    if (key in gold.meeting && gold.meeting[key] !== null)
      scores[key] = Number(meeting[key] === gold.meeting[key]);
  }
  if (gold.meeting.members) scores.members = setF1(doc.meeting.members, gold.meeting.members);
  return scores;
}
