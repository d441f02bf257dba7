import { z } from 'zod';
import { describeIssues } from '#config/service.ts';
import type { Outcome } from '#domain/meeting.ts';
import { SearchQuery, type SearchResult } from '#domain/search.ts';
import { SearchTooBroadError } from '#search/errors.ts';
import type { SearchIndex } from '#search/port.ts';
import { withCases } from '../../shared/cases/hit-cases.ts';

export interface SearchOptions {
  readonly from?: string;
  readonly to?: string;
  readonly body?: string;
  readonly municipality?: string;
  readonly outcome?: string;
  readonly sort?: string;
  readonly page?: string;
  readonly size?: string;
  readonly json?: boolean;
}

export type SearchSource = { readonly index: SearchIndex } | { readonly api: string };

/** `search QUERY`: the API's JSON with --json, else readable hits. Bad options: exit 2, the reason on stderr. */
export async function searchCommand(
  q: string,
  options: SearchOptions,
  source: SearchSource,
): Promise<number> {
  const { json, ...params } = options;
  const parsed = SearchQuery.safeParse({ q, ...params });
  if (!parsed.success) {
    process.stderr.write(`invalid search: ${describeIssues(parsed.error)}\n`);
    return 2;
  }
  const answer =
    'index' in source ? await fromIndex(source.index, parsed.data) : await fromApi(source.api, parsed.data);
  if (!answer.ok) {
    process.stderr.write(`invalid search: ${answer.refused}\n`);
    return 2;
  }
  process.stdout.write(json ? `${JSON.stringify(answer.result, null, 2)}\n` : readable(answer.result));
  return 0;
}

/** A search's hits, or why it was refused as the caller's to change (too broad). */
type Answer =
  | { readonly ok: true; readonly result: SearchResult }
  | { readonly ok: false; readonly refused: string };

/** On the index itself, each hit's case as the API adds it: the same JSON either way. */
async function fromIndex(index: SearchIndex, query: SearchQuery): Promise<Answer> {
  try {
    return { ok: true, result: await withCases(index, await index.search(query)) };
  } catch (error) {
    if (!(error instanceof SearchTooBroadError)) throw error;
    return { ok: false, refused: error.message };
  }
}

/** What the CLI reads of the API's problem document (shared/api/problem.ts). */
const RefusalProblem = z.object({ detail: z.string() });

/** The API's answer; its 400 problem (a search too broad for its engine) as a refusal. */
async function fromApi(api: string, query: SearchQuery): Promise<Answer> {
  const params = new URLSearchParams(
    Object.entries(query)
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([key, value]): [string, string] => [key, String(value)]),
  );
  const response = await fetch(`${api.replace(/\/$/, '')}/search?${params}`);
  if (response.status === 400) {
    // Its problem document's detail; any other 400 (a proxy's page) as it came.
    const text = await response.text();
    const problem = RefusalProblem.safeParse(jsonOrNull(text));
    return { ok: false, refused: problem.success ? problem.data.detail : `${api} answered 400: ${text}` };
  }
  if (!response.ok) throw new Error(`${api} answered ${response.status}: ${await response.text()}`);
  return { ok: true, result: (await response.json()) as SearchResult };
}

function jsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The outcomes in the words of the minutes (the web page's OUTCOME_LABELS say the same). */
export const OUTCOMES = {
  approved: 'godkendt',
  rejected: 'ikke godkendt',
  postponed: 'udsat',
  noted: 'taget til efterretning',
  recommended: 'anbefalet',
  discussed: 'drøftet',
  other: 'andet',
} satisfies Record<Outcome, string>;

/** Highlights are HTML (the API's); a terminal gets their text back. */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** Hits for a terminal: matched words in bold, each summary sentence with its page. */
function readable(result: SearchResult): string {
  const marked = (html: string) => {
    const text = html.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name] ?? '');
    return process.stdout.isTTY
      ? text.replace(/<mark>(.*?)<\/mark>/g, '\x1b[1m$1\x1b[22m')
      : text.replace(/<\/?mark>/g, '');
  };
  const first = (result.page - 1) * result.size;
  const lines = [
    `${result.total} hits${result.total > result.size ? `, ${first + 1}–${first + result.results.length} shown` : ''}\n`,
  ];
  result.results.forEach((hit, n) => {
    const where = [hit.meeting.body, hit.meeting.municipality, hit.meeting.date].filter(Boolean).join(', ');
    const number = hit.item.number === null ? '' : ` (punkt ${hit.item.number})`;
    lines.push(`${first + n + 1}. ${hit.item.title}${number}`);
    lines.push(`   ${where}${hit.item.access === 'closed' ? '  [lukket sag]' : ''}`);
    if (hit.decision) lines.push(`   Beslutning (${OUTCOMES[hit.decision.outcome]}): ${hit.decision.text}`);
    for (const sentence of hit.summary)
      lines.push(`   · ${sentence.text}${sentence.page ? ` (s. ${sentence.page})` : ''}`);
    for (const highlight of hit.highlights.slice(0, 2)) lines.push(`   » ${marked(highlight)}`);
    lines.push(`   ${hit.source.key}${hit.source.page ? `, side ${hit.source.page}` : ''}\n`);
  });
  return `${lines.join('\n')}\n`;
}
