import { Feed } from 'feed';
import { escapeToBuffer, type StringBuffer } from 'hono/utils/html';
import type { SearchHit, SearchQuery } from '#domain/search.ts';
import { idInUrl } from '../export/record.ts';

/** Entries a feed holds: the newest matches, as a reader polls often and keeps what it saw. */
export const FEED_ENTRIES = 50;

/** The permanent page of an item, where the feed's links go (the web page opens it). */
export const itemPageUrl = (origin: string, id: string) => `${origin}/?item=${idInUrl(id)}`;

export interface FeedInput {
  /** The feed's own URL, absolute: its id and its self link. */
  readonly self: string;
  readonly origin: string;
  readonly query: SearchQuery;
  /** The newest matches, newest first. */
  readonly hits: readonly SearchHit[];
  /** When the index last changed: the feed's updated, and an undated entry's. */
  readonly updated: Date;
}

/**
 * An Atom feed of a search's newest matching decisions (the `feed` library writes it): each entry
 * the item's title, its permanent page, its meeting date and, for an open item, the decision as
 * summary. A closed item has its title only. Atom's text is HTML here (the library marks it so),
 * so titles and summaries are escaped: "&" and "<" stay what the minutes wrote.
 */
export function atomFeed(input: FeedInput): string {
  const feed = new Feed({
    id: input.self,
    title: feedTitle(input.query),
    description: 'Nye afgørelser i kommunale referater, der matcher søgningen',
    link: `${input.origin}/`,
    feed: input.self,
    updated: input.updated,
    language: 'da',
    author: { name: 'minutes-search' },
    generator: 'minutes-search',
    copyright: 'Referaterne er offentlige dokumenter fra kommunerne',
  });
  for (const hit of input.hits) {
    const link = itemPageUrl(input.origin, hit.id);
    const open = hit.item.access === 'open';
    feed.addItem({
      id: link,
      link,
      title: html(entryTitle(hit)),
      date: hit.meeting.date ? new Date(`${hit.meeting.date}T00:00:00Z`) : input.updated,
      ...(open && hit.decision && { description: html(hit.decision.text) }),
    });
  }
  return feed.atom1();
}

/** "Sygefravær · Direktionen · Norddjurs Kommune": what was asked, in words a reader shows. */
export function feedTitle(query: SearchQuery): string {
  const parts = [query.q && `»${query.q}«`, query.body, query.municipality, query.caseNumber].filter(
    (part): part is string => Boolean(part),
  );
  return parts.length === 0 ? 'Afgørelser i kommunale referater' : `Afgørelser: ${parts.join(' · ')}`;
}

function entryTitle(hit: SearchHit): string {
  const where = [hit.meeting.body, hit.meeting.date].filter(Boolean).join(', ');
  return where ? `${hit.item.title} (${where})` : hit.item.title;
}

function html(text: string): string {
  const buffer: StringBuffer = [''];
  escapeToBuffer(text, buffer);
  return buffer.join('');
}
