/**
 * Compares what the extractor read from a generated document with what the document says: the
 * items (numbers, titles, access, case numbers), each open item's decisions and the header.
 */
import type { MeetingDocument, Votes } from '#domain/meeting.ts';
import type { DecisionTruth, MinutesTruth } from './blocks.ts';

const same = (a: string | null | undefined, b: string | null | undefined) =>
  (a ?? '').replace(/\s+/g, ' ').trim() === (b ?? '').replace(/\s+/g, ' ').trim();

const sameBody = (a: string | null | undefined, b: string | null | undefined) =>
  (a ?? '').toLocaleLowerCase('da') === (b ?? '').toLocaleLowerCase('da');

const show = (value: unknown) => JSON.stringify(value);

/** Votes as compared: each side's count and its parties in any order. */
const votesShown = (votes: Votes | null) =>
  show(
    votes &&
      Object.fromEntries(
        (['for', 'against', 'abstained'] as const).map((side) => {
          const found = votes[side];
          return [side, found && { count: found.count, parties: [...found.parties].sort() }];
        }),
      ),
  );

function compareDecision(
  where: string,
  read: { text: string; date: string | null; votes: Votes | null } | null,
  truth: DecisionTruth | null,
): string[] {
  if (!truth) return read ? [`${where}: decision ${show(read.text)} where there is none`] : [];
  if (!read) return [`${where}: decision ${show(truth.text)} not found`];
  const failures: string[] = [];
  if (!same(read.text, truth.text))
    failures.push(`${where}: decision text ${show(read.text)} ≠ ${show(truth.text)}`);
  if (read.date !== truth.date) failures.push(`${where}: decision date ${read.date} ≠ ${truth.date}`);
  if (truth.votes !== undefined && votesShown(read.votes) !== votesShown(truth.votes))
    failures.push(`${where}: votes ${votesShown(read.votes)} ≠ ${votesShown(truth.votes)}`);
  return failures;
}

/** The differences between a reading and the truth, one line each; empty when it round-trips. */
export function roundTrip(read: MeetingDocument, truth: MinutesTruth): string[] {
  const failures: string[] = [];
  const m = read.meeting;
  const t = truth.meeting;
  for (const key of ['body', 'date', 'start', 'end', 'location', 'municipality'] as const) {
    if (!same(m[key], t[key])) failures.push(`meeting ${key}: ${show(m[key])} ≠ ${show(t[key])}`);
  }
  if (m.kind !== truth.kind) failures.push(`meeting kind: ${m.kind} ≠ ${truth.kind}`);
  for (const key of ['members', 'absent'] as const) {
    const a = [...m[key]].sort();
    const b = [...t[key]].sort();
    if (show(a) !== show(b)) failures.push(`meeting ${key}: ${show(a)} ≠ ${show(b)}`);
  }
  const unmatched = [...read.items];
  for (const item of truth.items) {
    const index = unmatched.findIndex((r) =>
      item.number !== null ? r.number === item.number : same(r.title, item.title),
    );
    const where = `item ${item.number ?? show(item.title)}`;
    if (index < 0) {
      failures.push(`${where}: not found`);
      continue;
    }
    const [found] = unmatched.splice(index, 1);
    if (!found) continue;
    if (!same(found.title, item.title))
      failures.push(`${where}: title ${show(found.title)} ≠ ${show(item.title)}`);
    if (found.access !== item.access) failures.push(`${where}: access ${found.access} ≠ ${item.access}`);
    if (!same(found.caseNumber, item.caseNumber))
      failures.push(`${where}: case number ${show(found.caseNumber)} ≠ ${show(item.caseNumber)}`);
    if (item.access === 'closed') {
      if (found.sections.length || found.decision) failures.push(`${where}: closed item shows content`);
      continue;
    }
    failures.push(...compareDecision(where, found.decision, item.decision));
    const prior = found.priorDecisions;
    if (prior.length !== item.priorDecisions.length)
      failures.push(`${where}: ${prior.length} prior decisions ≠ ${item.priorDecisions.length}`);
    else
      for (const [i, p] of item.priorDecisions.entries()) {
        const r = prior[i];
        failures.push(...compareDecision(`${where} prior ${i + 1}`, r ?? null, p));
        if (r && !sameBody(r.body, p.body))
          failures.push(`${where} prior ${i + 1}: body ${show(r.body)} ≠ ${show(p.body)}`);
      }
    const titles = found.attachments.map((a) => a.title);
    if (show(titles) !== show(item.attachments))
      failures.push(`${where}: attachments ${show(titles)} ≠ ${show(item.attachments)}`);
    if (show([...found.absent].sort()) !== show([...item.absent].sort()))
      failures.push(`${where}: absent ${show(found.absent)} ≠ ${show(item.absent)}`);
  }
  for (const extra of unmatched) failures.push(`extra item ${extra.number ?? ''} ${show(extra.title)}`);
  return failures;
}
