// Small DOM helpers and the Danish words the views share. Everything is inserted as text except
// the search highlights, which the API sends as escaped HTML with <mark>: see `highlighted`.

/**
 * Creates an element. `props`: attributes (`class`, `aria-*`, `href`, …), `on<event>` handlers,
 * and `hidden`/`disabled` as booleans. Children: nodes, strings (as text), or nothing.
 * @param {string} tag
 * @param {Record<string, unknown>} [props]
 * @param {...(Node | string | null | undefined | false | Array<Node | string | null | undefined | false>)} children
 * @returns {HTMLElement}
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), /** @type {EventListener} */ (value));
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

/**
 * @param {Element} parent
 * @param {unknown[]} children
 */
function append(parent, children) {
  for (const child of children.flat(Number.POSITIVE_INFINITY)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/**
 * One highlight from the API: text with <mark>…</mark>, the rest already escaped. Parsed in an
 * inert template and kept only if it holds nothing but text and bare <mark> elements; anything
 * else is shown as plain text.
 * @param {string} html
 * @returns {DocumentFragment}
 */
export function highlighted(html) {
  const template = document.createElement('template');
  template.innerHTML = html;
  const safe = [...template.content.childNodes].every(
    (node) =>
      node.nodeType === Node.TEXT_NODE ||
      (node instanceof HTMLElement &&
        node.tagName === 'MARK' &&
        node.attributes.length === 0 &&
        [...node.childNodes].every((inner) => inner.nodeType === Node.TEXT_NODE)),
  );
  if (safe) return template.content;
  const fragment = document.createDocumentFragment();
  fragment.append(template.content.textContent ?? '');
  return fragment;
}

/** The API's outcomes in the words of the minutes. */
export const OUTCOME_LABELS = {
  approved: 'godkendt',
  rejected: 'ikke godkendt',
  postponed: 'udsat',
  noted: 'taget til efterretning',
  recommended: 'anbefalet',
  discussed: 'drøftet',
  other: 'andet',
};

/** A document's processing status, as the registry names it. */
export const STATUS_LABELS = {
  received: 'Modtaget',
  processing: 'Behandles',
  indexed: 'Indekseret',
  failed: 'Fejlede',
  'needs-ocr': 'Kræver tekstgenkendelse (OCR)',
  removed: 'Fjernet',
};

/**
 * @param {string | null | undefined} outcome
 * @returns {HTMLElement | null}
 */
export function outcomeBadge(outcome) {
  if (!outcome) return null;
  const label = OUTCOME_LABELS[/** @type {keyof typeof OUTCOME_LABELS} */ (outcome)] ?? outcome;
  return h('span', { class: `badge badge-${outcome}` }, label);
}

const DATE_FORMAT = new Intl.DateTimeFormat('da-DK', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * `2024-09-03` → `3. september 2024`.
 * @param {string | null | undefined} iso
 */
export function danishDate(iso) {
  if (!iso) return 'ukendt dato';
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : DATE_FORMAT.format(date);
}

const NUMBER_FORMAT = new Intl.NumberFormat('da-DK');

/** @param {number} n */
export const danishNumber = (n) => NUMBER_FORMAT.format(n);

/**
 * `1 beslutning`, `2 beslutninger`.
 * @param {number} n
 * @param {string} one
 * @param {string} many
 */
export const count = (n, one, many) => `${danishNumber(n)} ${n === 1 ? one : many}`;

/**
 * Where a view moves the focus when it is shown: its heading, so a screen reader announces it.
 * @param {HTMLElement | null} element
 */
export function focusHeading(element) {
  if (!element) return;
  element.setAttribute('tabindex', '-1');
  element.focus({ preventScroll: false });
}

/**
 * A status, warning or error line.
 * @param {'info' | 'warning' | 'error'} kind
 * @param {string} text
 * @param {...(Node | string | null)} extra
 */
export function notice(kind, text, ...extra) {
  return h(
    'div',
    { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : null },
    text,
    ...extra,
  );
}

/**
 * Where a quote stands in the PDF: ` (side N)`; with `href`, a link there (in a new window).
 * @param {number} page
 * @param {string | null} [href]
 */
export const pageRef = (page, href = null) =>
  href
    ? h(
        'span',
        {},
        ' ',
        h(
          'a',
          { class: 'page-ref', href, target: '_blank', rel: 'noopener' },
          h('span', { class: 'visually-hidden' }, 'Referatet som PDF, '),
          `(side ${page})`,
          h('span', { class: 'visually-hidden' }, ' (åbner i et nyt vindue)'),
        ),
      )
    : h('span', { class: 'page-ref' }, ` (side ${page})`);

/**
 * A quoted summary line citing its page.
 * @param {{ text: string, page: number | null, section?: string | null }} line
 */
const summaryLine = (line) => h('li', {}, h('q', {}, line.text), line.page ? pageRef(line.page) : null);

/**
 * An item's summary, or nothing when it has none.
 * @param {{ text: string, page: number | null }[]} summary
 */
export const summarySection = (summary) =>
  summary.length > 0
    ? h('section', {}, h('h4', {}, 'Resumé'), h('ul', { class: 'summary' }, summary.map(summaryLine)))
    : null;

const NO_DECISION = 'Ingen beslutning i referatet.';

/**
 * An item's decision as quoted in a search hit or an agenda, or a note that the minutes have none.
 * @param {{ text: string } | null | undefined} decision
 */
export const decisionSection = (decision) =>
  decision
    ? h(
        'section',
        { class: 'decision' },
        h('h4', {}, 'Beslutning'),
        h('p', { class: 'prose' }, decision.text),
      )
    : h('p', { class: 'muted' }, NO_DECISION);

const QUOTED_PARTS = {
  recommendation: { heading: 'Indstilling', missing: 'Referatet har ingen indstilling til dette punkt.' },
  decision: { heading: 'Beslutning', missing: NO_DECISION },
};

/**
 * One part of an opened item, the recommendation or the decision: its text citing its page (a link
 * to it with `pageHref`), or a note that the minutes lack it.
 * @param {'recommendation' | 'decision'} kind
 * @param {{ text: string, page: number | null } | null | undefined} part
 * @param {{ extra?: (Node | null)[], pageHref?: string | null }} [options]
 */
export function quotedPart(kind, part, { extra = [], pageHref = null } = {}) {
  const { heading, missing } = QUOTED_PARTS[kind];
  return h(
    'section',
    { class: kind },
    h('h4', {}, heading, part?.page ? pageRef(part.page, pageHref) : null),
    part ? h('p', { class: 'prose' }, part.text) : h('p', { class: 'muted' }, missing),
    ...extra,
  );
}

/**
 * A line of facts separated by middle dots; empty parts are left out.
 * @param {...(Node | string | null | undefined | false)} parts
 */
export function metaLine(...parts) {
  const kept = parts.filter((part) => part !== null && part !== undefined && part !== false && part !== '');
  return h(
    'p',
    { class: 'meta' },
    kept.flatMap((part, i) => (i === 0 ? [part] : [' · ', part])),
  );
}

/**
 * A date as a <time> element, readable and machine-readable.
 * @param {string | null | undefined} iso
 */
export const dateElement = (iso) => (iso ? h('time', { datetime: iso }, danishDate(iso)) : 'ukendt dato');
