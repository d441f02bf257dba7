import type { Votes } from '#domain/meeting.ts';

const PARTY = /^[A-ZÆØÅ]{1,2}$/;

function parties(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .replace(/[()]/g, ' ')
    .split(/,|\bog\b|\s+/)
    .map((p) => p.trim())
    .filter((p) => PARTY.test(p));
}

function side(count: string | undefined, partyText: string | undefined) {
  return { count: count ? Number(count) : null, parties: parties(partyText) };
}

/** Votes as minutes record them, or null when the text records none. */
export function readVotes(text: string): Votes | null {
  const forVote =
    /for\s+stemte\s*:?\s*(\d+)?\s*(?:\(([^)]*)\))?/i.exec(text) ??
    /(\d+)\s+stemmer?\s+for\s*(?:\(([^)]*)\))?/i.exec(text) ??
    /\bfor\s*:\s*(\d+)\s*(?:\(([^)]*)\))?/i.exec(text);
  const majority =
    /flertal(?:et)?\s+(?:bestående\s+)?af\s+([A-ZÆØÅ, og]+?)\s+(?:godkendte|stemte|vedtog|anbefalede|tiltrådte)/.exec(
      text,
    );
  const against =
    /imod\s+stemte\s*:?\s*(\d+)?\s*(?:\(([^)]*)\))?/i.exec(text) ??
    /(\d+)\s+stemmer?\s+imod\s*(?:\(([^)]*)\))?/i.exec(text) ??
    /\bimod\s*:\s*(\d+)\s*(?:\(([^)]*)\))?/i.exec(text);
  const minority =
    /mindretal(?:let)?\s*(?:bestående\s+af\s+)?(\([^)]*\)|[A-ZÆØÅ, og]+?)\s+stemte\s+imod/.exec(text);
  const abstained =
    /undlod\s+at\s+stemme\s*:?\s*(\d+)?\s*(?:\(([^)]*)\))?/i.exec(text) ??
    /(\d+)\s+(?:undlod|hverken for eller imod)\s*(?:\(([^)]*)\))?/i.exec(text);
  const abstainedBefore = /([A-ZÆØÅ]{1,2}(?:\s*(?:,|og)\s*[A-ZÆØÅ]{1,2})*)\s+undlod\s+at\s+stemme/.exec(text);
  const votes: Votes = {
    for: forVote ? side(forVote[1], forVote[2]) : majority ? side(undefined, majority[1]) : null,
    against: against ? side(against[1], against[2]) : minority ? side(undefined, minority[1]) : null,
    abstained: abstainedBefore
      ? side(abstained?.[1], abstainedBefore[1])
      : abstained
        ? side(abstained[1], abstained[2])
        : null,
  };
  return votes.for || votes.against || votes.abstained ? votes : null;
}
