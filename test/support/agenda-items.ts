import type { AgendaItem, Decision, Section } from '#domain/meeting.ts';

export const decided: Decision = {
  date: '2025-02-05',
  text: 'Godkendt.',
  outcome: 'approved',
  votes: null,
  page: 2,
};

export const background: Section = {
  heading: 'Baggrund',
  kind: 'presentation',
  text: 'Forvaltningen foreslår en ny plan.',
  page: 1,
  pages: [1],
};

/** An open, decided agenda item with one section, changed by `overrides`. */
export function agendaItem(overrides: Partial<AgendaItem>): AgendaItem {
  return {
    number: 1,
    title: 'Godkendelse af dagsorden',
    access: 'open',
    caseNumber: null,
    responsible: null,
    pages: { first: 1, last: 1 },
    lead: '',
    sections: [background],
    decision: decided,
    priorDecisions: [],
    absent: [],
    protocolNote: null,
    attachments: [],
    summary: [],
    ...overrides,
  };
}
