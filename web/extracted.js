// What the extractor reads beside the decision, as text: votes, who was absent, attachments, and
// the meeting's time and place. Each part is shown only when the API sends it; an API from before
// these fields (or an item without them) shows nothing.
import { h, metaLine } from './dom.js';

/** @typedef {{ count: number | null, parties: string[] } | null} VoteSide */
/** @typedef {{ for: VoteSide, against: VoteSide, abstained: VoteSide }} Votes */
/** @typedef {{ number: number | null, title: string, access?: string, reference?: string | null, link?: string | null }} Attachment */

/**
 * One side of a vote: `A, V (12)`, `A, V`, `12`, or `–` when the minutes record nobody.
 * @param {VoteSide | undefined} side
 */
function sideText(side) {
  const parties = side?.parties?.join(', ') ?? '';
  const count = typeof side?.count === 'number' ? side.count : null;
  if (parties && count !== null) return `${parties} (${count})`;
  return parties || (count !== null ? String(count) : '–');
}

/**
 * A recorded vote as one line: `For: A, V (12) · Imod: Ø (1) · Undlod: –`.
 * @param {Votes | null | undefined} votes
 * @returns {string | null} null when there was no vote
 */
export function votesText(votes) {
  if (!votes || typeof votes !== 'object') return null;
  if (!votes.for && !votes.against && !votes.abstained) return null;
  return `For: ${sideText(votes.for)} · Imod: ${sideText(votes.against)} · Undlod: ${sideText(votes.abstained)}`;
}

/**
 * The vote under a decision, or nothing.
 * @param {Votes | null | undefined} votes
 */
export function votesLine(votes) {
  const text = votesText(votes);
  return text ? h('p', { class: 'votes' }, h('span', { class: 'label' }, 'Afstemning: '), text) : null;
}

/**
 * A field of the item in an API answer, wherever the answer puts it: on the answer (ItemView,
 * MeetingItem), on its `item`, or on the item's own `item` part. Never the meeting's.
 * @param {any} source
 * @param {string} key
 * @returns {any}
 */
export const itemField = (source, key) => firstOf([source, source?.item, source?.item?.item], key);

/**
 * A field of the meeting in an API answer (MeetingView): on the answer or on its `meeting`.
 * @param {any} source
 * @param {string} key
 * @returns {any}
 */
export const meetingField = (source, key) => firstOf([source, source?.meeting], key);

/**
 * @param {any[]} places
 * @param {string} key
 */
function firstOf(places, key) {
  for (const place of places) {
    if (place && typeof place === 'object' && place[key] !== undefined && place[key] !== null)
      return place[key];
  }
  return undefined;
}

/**
 * Who was absent (from the meeting, or from one item): `Fraværende: Anna Holm, Per Berg`.
 * @param {unknown} names
 * @param {string} [label]
 */
export function absentLine(names, label = 'Fraværende') {
  if (!Array.isArray(names) || names.length === 0) return null;
  return h('p', { class: 'absent' }, h('span', { class: 'label' }, `${label}: `), names.join(', '));
}

/**
 * The item's attachments by title; a link where the source gives one.
 * @param {unknown} attachments
 */
export function attachmentList(attachments) {
  if (!Array.isArray(attachments) || attachments.length === 0) return null;
  return h(
    'section',
    { class: 'attachments' },
    h('h4', {}, 'Bilag'),
    h(
      'ul',
      {},
      attachments.map((/** @type {Attachment} */ a) =>
        h(
          'li',
          {},
          a.link && /^https?:\/\//.test(a.link)
            ? h('a', { href: a.link, rel: 'noopener noreferrer' }, a.title)
            : a.title,
          a.access === 'closed' ? h('span', { class: 'muted-inline' }, ' (lukket bilag)') : null,
        ),
      ),
    ),
  );
}

/**
 * `16:00` → `16.00`, the Danish way of writing a time.
 * @param {unknown} time
 */
const clock = (time) => (typeof time === 'string' && time ? time.replace(':', '.') : null);

/**
 * When and where a meeting was held: `kl. 16.00–18.30 · Rådhuset, mødelokale 1`; null when the
 * minutes say neither.
 * @param {any} meeting the API's meeting view
 */
export function timeAndPlace(meeting) {
  const start = clock(meetingField(meeting, 'start'));
  const end = clock(meetingField(meeting, 'end'));
  const location = meetingField(meeting, 'location');
  const time = start ? `kl. ${start}${end ? `–${end}` : ''}` : null;
  if (!time && !location) return null;
  const line = metaLine(time, typeof location === 'string' ? location : null);
  line.classList.add('time-place');
  return line;
}
