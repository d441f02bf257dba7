/** The agenda items of generated minutes: headings, markers, sections, decisions, with their truth. */
import type { Votes } from '#domain/meeting.ts';
import {
  between,
  chance,
  type DanishDate,
  danishDate,
  daysBefore,
  PLACES,
  paragraph,
  pick,
  sentence,
  TOPICS,
} from '../invented.ts';
import type { Random } from '../random.ts';
import type { Block, DecisionTruth, ItemTruth } from './blocks.ts';
import {
  ATTACHMENT_TITLES,
  COMMITTEES,
  DECISION_TEXTS,
  INVENTED_LABELS,
  type SectionKind,
} from './content.ts';
import { printedDate } from './header.ts';
import {
  BARE_CLOSED_TITLES,
  decisionNotes,
  EXTRA_TITLE,
  OPEN_NUMBER_TITLE,
  unanimous,
} from './later-variations.ts';
import type { HouseStyle } from './style.ts';
import { closedTail, subItemBlocks } from './variations.ts';

export interface ItemContext {
  readonly style: HouseStyle;
  readonly body: string;
  readonly date: DanishDate;
  readonly council: boolean;
  readonly people: readonly string[];
  readonly parties: readonly string[];
  /** The label no vocabulary knows, if this document has one, and where it goes. */
  readonly invented: { readonly label: string; readonly at: number } | null;
  /** The stream of the later variations (sub-items, the closed section), apart from `random`. */
  readonly variation: Random;
  /** The stream of the second batch (bordered headings, bare headings, decision notes). */
  readonly later: Random;
}

const CLOSED_TITLES = [
  'Personalesag',
  'Køb af ejendom',
  'Salg af grund i erhvervsområdet',
  'Udbud – tildeling af kontrakt',
  'Klage over afgørelse',
  'Ansættelse af direktør',
];

const STANDING_TITLES = ['Godkendelse af dagsorden', 'Meddelelser', 'Eventuelt', 'Orientering fra formanden'];

function itemTitle(random: Random, index: number, count: number): string {
  if (index === 0 && chance(random, 0.4)) return 'Godkendelse af dagsorden';
  if (index === count - 1 && chance(random, 0.4)) return pick(random, STANDING_TITLES.slice(1));
  const base = `${pick(random, TOPICS)} ${pick(random, PLACES)}`;
  const tail = chance(random, 0.25)
    ? pick(random, [
        ` ${between(random, 2024, 2027)}`,
        ' – endelig vedtagelse efter offentlig høring og behandling af indsigelser fra borgere og foreninger',
        ` (${pick(random, ['2. behandling', 'fortsat', 'opfølgning'])})`,
        ', etape 2',
      ])
    : '';
  return base + tail;
}

function caseNumber(style: HouseStyle, random: Random, year: string): string {
  switch (style.caseForm) {
    case 'slash':
      return `${year}/${between(random, 1000, 29999)}`;
    case 'emn':
      return `EMN-20${year}-${String(between(random, 1, 20000)).padStart(6, '0')}`;
    case 'kle':
      return `${pick(random, ['00.01.00', '82.02.00', '27.12.04', '01.02.05'])}-${pick(random, ['A00', 'G01', 'P16', 'S00'])}-${between(random, 1, 40)}-${year}`;
    case 'edoc':
      return `20${year}-${between(random, 1000, 39999)}`;
    case 'dash':
      return `${year}-${String(between(random, 1, 30000)).padStart(6, '0')}`;
  }
}

/** The heading's lines for a number and a title in the house style's shape. */
export function headingLines(style: HouseStyle, number: number | null, title: string): string[] {
  if (number === null) return [title];
  switch (style.heading) {
    case 'dot':
      return [`${number}. ${title}`];
    case 'space':
      return [`${number} ${title}`];
    case 'paren':
      return [`${number}) ${title}`];
    case 'tight':
      return [`${number}.${title}`];
    case 'padded':
      return [`${String(number).padStart(2, '0')}. ${title}`];
    case 'paragraph-sign':
      return [`§ ${number} ${title}`];
    case 'punkt-colon':
      return [`Punkt ${number}: ${title}`];
    case 'punkt-dash':
      return [`Punkt ${number} – ${title}`];
    case 'pkt':
      return [`Pkt. ${number} ${title}`];
    case 'pkt-colon':
      return [`Pkt. ${number}: ${title}`];
    case 'spaced-colon':
      return [`${number} : ${title}`];
    case 'bullet':
      return [`• ${number}. ${title}`];
    case 'sag-nr':
      return [`Sag nr. ${number}`, title];
    case 'dagsordenspunkt':
      return [`Dagsordenspunkt ${number}`, title];
    case 'two-lines':
      return [`${number}.`, title];
    case 'two-columns':
      return [`${number}\t${title}`];
    case 'unnumbered':
      return [title];
  }
}

/** The decision heading for a body and date in the house style's form. */
function decisionLabel(style: HouseStyle, body: string, date: DanishDate, number: number | null): string {
  const when =
    style.dateForm === 'dotted' || style.dateForm === 'dashed' ? printedDate(style, date) : date.text;
  switch (style.decision) {
    case 'in-body':
      return `Beslutning i ${body} den ${when}`;
    case 'body-no-i':
      return `Beslutning ${body} den ${date.dashed}`;
    case 'genitive':
      return `${body}s beslutning den ${date.dotted}${number === null ? '' : ` Punkt ${number}`}`;
    case 'body-date':
      return `${body} den ${date.dotted}`;
    case 'plain':
      return 'Beslutning';
    case 'first':
      return 'Beslutninger';
    case 'afgoerelse':
      return 'Afgørelse';
    case 'udvalgets':
      return 'Udvalgets beslutning';
    case 'run-in':
      return 'Beslutning';
    case 'konklusion':
      return 'Konklusion';
    case 'referat':
      return 'Referat';
  }
}

/** Forms that name a body and a date, and so can record an earlier body's decision. */
function namesBodies(style: HouseStyle): boolean {
  return ['in-body', 'body-no-i', 'genitive', 'body-date'].includes(style.decision);
}

function presentation(random: Random, style: HouseStyle, kind: SectionKind, year: number): Block[] {
  const blocks: Block[] = [];
  const count = kind === 'money' ? 1 : between(random, 1, 2);
  for (let i = 0; i < count; i++) blocks.push({ role: 'paragraph', text: paragraph(random, 2, 5) });
  if (!style.traps) return blocks;
  // Lines that look like item headings and are not: a year, a postcode, an amount opening a line.
  if (kind === 'presentation' && chance(random, 0.4)) {
    blocks.push({
      role: 'paragraph',
      text: `Arbejdet forventes at gå i gang i\n${year}. Der følges op i udvalget, når de første erfaringer foreligger.`,
    });
  }
  if (kind === 'presentation' && chance(random, 0.2)) {
    blocks.push({
      role: 'paragraph',
      text: `Henvendelser sendes til Rådhuset, Torvet 1,\n${between(random, 1000, 9990)} ${pick(random, PLACES)}, att. sekretariatet.`,
    });
  }
  if (kind === 'money' && chance(random, 0.4)) {
    blocks.push({
      role: 'paragraph',
      text: `Den samlede udgift udgør\n${between(random, 1, 9)}.${between(random, 100, 999)}.000 kr. og afholdes inden for rammen.`,
    });
  }
  if (kind === 'presentation' && chance(random, 0.3)) {
    blocks.push({
      role: 'list',
      marker: pick(random, ['bullet', 'dash', 'letter'] as const),
      entries: [sentence(random), sentence(random), sentence(random)],
    });
  }
  if (kind === 'money' && style.tables) {
    blocks.push({
      role: 'table',
      rows: [
        ['Beløb i 1.000 kr.', String(year), String(year + 1), String(year + 2)],
        ['Drift', `${between(random, 1, 9)}.${between(random, 100, 999)}`, '850', '-120'],
        ['Anlæg', '2.400', `${between(random, 100, 999)}`, '0'],
      ],
    });
  }
  return blocks;
}

function recommendation(random: Random, style: HouseStyle, body: string): Block[] {
  if (style.traps && chance(random, 0.5)) {
    return [
      { role: 'paragraph', text: `Forvaltningen indstiller, at ${body}` },
      {
        role: 'list',
        marker: 'number',
        entries: [
          'at sagen tages til efterretning,',
          'at den videre proces igangsættes som beskrevet, og',
          'at der gives en status på næste møde.',
        ],
      },
    ];
  }
  return [
    {
      role: 'paragraph',
      text: `Det indstilles, at ${body} godkender ${pick(random, ['forslaget', 'planen', 'indstillingen'])}.`,
    },
  ];
}

/** A decision's own words (a short form, a longer sentence, sometimes votes) and the votes they record. */
function decisionText(random: Random, ctx: ItemContext): { lines: string[]; votes: Votes | null } {
  const text = pick(random, DECISION_TEXTS);
  if (!ctx.style.votes || !ctx.council || ctx.style.decision === 'first' || ctx.style.decision === 'run-in')
    return { lines: [text], votes: null };
  const parties = [...new Set(ctx.parties)];
  const forParties = parties.slice(0, Math.max(1, parties.length - 1));
  const against = parties.at(-1) ?? 'Ø';
  const [forCount, againstCount] = [between(random, 9, 21), between(random, 1, 5)];
  const side = (count: number | null, named: readonly string[]) => ({ count, parties: [...named] });
  const listed = (named: readonly string[]) =>
    named.length > 1 && chance(random, 0.5)
      ? `${named.slice(0, -1).join(', ')} og ${named.at(-1)}`
      : named.join(', ');
  // The vote forms of CONVENTIONS.md, each with what it records.
  const form = pick(random, ['listed', 'tally', 'labelled', 'abstained', 'majority'] as const);
  const none = { for: null, against: null, abstained: null };
  switch (form) {
    case 'listed':
      return {
        lines: [
          text,
          `For stemte: ${listed(forParties)} (${forCount})`,
          `Imod stemte: ${against} (${againstCount})`,
        ],
        votes: { ...none, for: side(forCount, forParties), against: side(againstCount, [against]) },
      };
    case 'tally':
      return {
        lines: [`${text.replace(/\.$/, '')} med ${forCount} stemmer for og ${againstCount} imod.`],
        votes: { ...none, for: side(forCount, []), against: side(againstCount, []) },
      };
    case 'labelled':
      return { lines: [text, `Imod: ${against}`], votes: { ...none, against: side(null, [against]) } };
    case 'abstained':
      return {
        lines: [text, `Undlod at stemme: ${against}`],
        votes: { ...none, abstained: side(null, [against]) },
      };
    case 'majority':
      return {
        lines: [
          text,
          `Et flertal bestående af ${listed(forParties)} godkendte indstillingen. Et mindretal (${against}) kunne ikke tiltræde.`,
        ],
        votes: { ...none, for: side(null, forParties), against: side(null, [against]) },
      };
  }
}

interface ItemParts {
  readonly blocks: Block[];
  readonly decision: DecisionTruth | null;
  readonly prior: DecisionTruth[];
  readonly absent: string[];
  readonly attachments: string[];
}

/** One decision: its heading (or run-in label), its text, and the lines after it that are not its text. */
function decisionBlocks(
  random: Random,
  ctx: ItemContext,
  body: string,
  date: DanishDate,
  number: number | null,
  text: readonly string[],
  trailing: boolean,
): { blocks: Block[]; absent: string[] } {
  const style = ctx.style;
  const label = decisionLabel(style, body, date, number);
  const blocks: Block[] = [];
  const runIn =
    style.decision === 'run-in' || style.decision === 'konklusion' || style.labelLook === 'run-in';
  if (text.length === 0) blocks.push({ role: 'label', text: label });
  else if (runIn) {
    blocks.push({ role: 'paragraph', runIn: label, text: text[0] ?? '' });
    for (const line of text.slice(1)) blocks.push({ role: 'paragraph', text: line });
  } else {
    blocks.push({ role: 'label', text: label });
    for (const line of text) blocks.push({ role: 'paragraph', text: line });
  }
  const absent: string[] = [];
  if (!trailing || text.length === 0) return { blocks, absent };
  const away = pick(random, ctx.people);
  if (style.decisionNotes) {
    const notes = decisionNotes(ctx.later, ctx.people, ctx.parties, [away]);
    blocks.push(...notes.blocks);
    absent.push(...notes.absent);
  }
  switch (style.attendanceLines) {
    case 'absent':
      if (chance(random, 0.5)) {
        blocks.push({ role: 'paragraph', text: `${pick(random, ['Fraværende', 'Afbud'])}: ${away}` });
        absent.push(away);
      }
      break;
    case 'edoc':
      blocks.push({ role: 'paragraph', text: 'Følgende deltog ikke i behandlingen af punktet:' });
      if (chance(random, 0.3)) {
        blocks.push({ role: 'paragraph', text: away });
        absent.push(away);
      }
      break;
    case 'protocol':
      if (chance(random, 0.4))
        blocks.push({
          role: 'paragraph',
          text: `Protokoltilførsel: ${away} ønskede følgende ført til protokol: ${sentence(random)}`,
        });
      break;
    case 'none':
      break;
  }
  return { blocks, absent };
}

function sectionLabels(random: Random, ctx: ItemContext): (readonly [string, SectionKind])[] {
  const family = ctx.style.family;
  const labels: (readonly [string, SectionKind])[] = [...family.labels];
  for (const optional of family.optional) {
    if (chance(random, 0.5)) labels.splice(Math.max(1, labels.length - 1), 0, optional);
  }
  if (ctx.invented && chance(random, 0.85)) {
    labels.splice(Math.min(ctx.invented.at, labels.length), 0, [ctx.invented.label, 'other']);
  }
  return labels;
}

function openItem(random: Random, ctx: ItemContext, number: number | null, year: number): ItemParts {
  const style = ctx.style;
  const blocks: Block[] = [];
  const sections: Block[] = [];
  // Sub-items 5.1, 5.2 … stand in the item's first section, after its text.
  const subItems =
    number !== null && chance(ctx.variation, style.subItemShare) ? subItemBlocks(ctx.variation, number) : [];
  for (const [index, [label, kind]] of sectionLabels(random, ctx).entries()) {
    const drawn =
      kind === 'recommendation'
        ? recommendation(random, style, ctx.body)
        : presentation(random, style, kind, year);
    const content = index === 0 ? [...drawn, ...subItems] : drawn;
    if (style.labelLook === 'run-in' && content[0]?.role === 'paragraph') {
      sections.push({ role: 'paragraph', runIn: label, text: content[0].text }, ...content.slice(1));
    } else sections.push({ role: 'label', text: label }, ...content);
  }
  const attachments: string[] = [];
  const attachmentBlocks: Block[] = [];
  if (style.attachments !== 'none' && chance(random, 0.6)) {
    const titles = [
      ...new Set(Array.from({ length: between(random, 1, 3) }, () => pick(random, ATTACHMENT_TITLES))),
    ];
    attachmentBlocks.push({ role: 'label', text: pick(random, ['Bilag', 'Bilag:', 'Bilagsfortegnelse']) });
    titles.forEach((title, i) => {
      const entry =
        style.attachments === 'numbered'
          ? pick(random, [`${i + 1}. ${title}`, `Bilag ${i + 1}: ${title}`])
          : style.attachments === 'edoc'
            ? `20${year % 100}-${between(random, 100000, 299999)} - ${title}`
            : title;
      attachmentBlocks.push({ role: 'paragraph', text: entry });
    });
    attachments.push(...titles);
  }
  if (style.kind === 'agenda') {
    blocks.push(...sections, ...attachmentBlocks);
    if (chance(random, 0.6) && style.decision !== 'run-in' && style.decision !== 'konklusion')
      blocks.push({ role: 'label', text: decisionLabel(style, ctx.body, ctx.date, number) });
    return { blocks, decision: null, prior: [], absent: [], attachments };
  }
  const prior: DecisionTruth[] = [];
  const priorBlocks: Block[] = [];
  if (namesBodies(style) && chance(random, style.priorShare)) {
    const sameBody = chance(random, 0.3);
    const priorBody = sameBody
      ? ctx.body
      : pick(
          random,
          COMMITTEES.filter((c) => c !== ctx.body),
        );
    const priorDate = danishDate(daysBefore(ctx.date.iso, between(random, 7, 40)));
    const text = sameBody
      ? ['Udsat.']
      : [pick(random, ['Anbefales.', 'Anbefales over for Byrådet.', 'Indstillingen anbefales.'])];
    priorBlocks.push(...decisionBlocks(random, ctx, priorBody, priorDate, null, text, false).blocks);
    prior.push({ body: priorBody, date: priorDate.iso, text: text.join(' ') });
  }
  const drawnText = decisionText(random, ctx);
  const { votes } = drawnText;
  // "enstemmigt" records no votes to count: the text keeps it and the votes stay as drawn.
  const text =
    style.decisionNotes && votes === null && chance(ctx.later, 0.3)
      ? unanimous(ctx.later, drawnText.lines)
      : drawnText.lines;
  const own = decisionBlocks(random, ctx, ctx.body, ctx.date, number, text, true);
  const decision: DecisionTruth = { body: ctx.body, date: ctx.date.iso, text: text.join(' '), votes };
  if (style.decision === 'first') blocks.push(...own.blocks, ...sections, ...attachmentBlocks);
  else if (style.attachments === 'edoc')
    blocks.push(...sections, ...attachmentBlocks, ...priorBlocks, ...own.blocks);
  else blocks.push(...sections, ...priorBlocks, ...own.blocks, ...attachmentBlocks);
  return { blocks, decision, prior, absent: own.absent, attachments };
}

const CLOSED_LINES = [
  'Lukket punkt',
  'Lukket sag',
  'Fortroligt',
  'Lukket punkt.',
  'Sagen behandles for lukkede døre',
  'Lukket punkt, jf. forvaltningslovens § 15',
];

/** Heading and marker lines for an item in the house style. */
function itemHead(
  style: HouseStyle,
  random: Random,
  number: number | null,
  title: string,
  closed: boolean,
  newPage: boolean,
): Block[] {
  // A title that is only a bare label or the access marker takes no access word besides.
  const bare = [EXTRA_TITLE, OPEN_NUMBER_TITLE, ...BARE_CLOSED_TITLES].includes(title);
  let printed = title;
  if (closed && !bare && style.access === 'prefix') printed = `Lukket: ${title}`;
  if (closed && !bare && style.access === 'suffix') printed = `${title} (lukket)`;
  const lines =
    title === OPEN_NUMBER_TITLE && number !== null
      ? [`${OPEN_NUMBER_TITLE} ${number}`]
      : headingLines(style, number, printed);
  const heading: Block =
    style.headingTable && number !== null
      ? {
          role: 'item-heading',
          lines,
          columns: [`${number}${style.headingTable.numberDot ? '.' : ''}`, printed],
          bordered: true,
          newPage,
        }
      : style.heading === 'two-columns' && number !== null && title !== OPEN_NUMBER_TITLE
        ? { role: 'item-heading', lines, columns: [String(number), printed], newPage }
        : { role: 'item-heading', lines, newPage };
  const markers: Block[] = [];
  if (style.access === 'line-all')
    markers.push({
      role: 'marker',
      text: closed ? pick(random, ['Lukket sag', 'Lukket punkt']) : pick(random, ['Åben sag', 'Åbent punkt']),
    });
  if (style.access === 'line-closed' && closed)
    markers.push({ role: 'marker', text: pick(random, CLOSED_LINES) });
  return [heading, ...markers];
}

/** One item's blocks (heading, markers, case number, content) and its truth. */
function composeItem(
  random: Random,
  ctx: ItemContext,
  numbered: number | null,
  title: string,
  closed: boolean,
  newPage: boolean,
): { blocks: Block[]; item: ItemTruth } {
  const style = ctx.style;
  const year = Number(ctx.date.iso.slice(0, 4));
  const blocks = itemHead(style, random, numbered, title, closed, newPage);
  const headLength = blocks.length;
  const caseNo = style.caseStyle === 'none' ? null : caseNumber(style, random, ctx.date.yearShort);
  if (caseNo) {
    const line: Block = {
      role: 'marker',
      text: style.caseStyle === 'labelled' ? `${style.caseLabel} ${caseNo}` : caseNo,
    };
    // Before the heading and its markers, however many the item has (a closed one may have one more).
    if (style.caseStyle === 'bare-before') blocks.splice(blocks.length - headLength, 0, line);
    else blocks.push(line);
    if (style.caseForm === 'edoc' && style.caseStyle === 'labelled')
      blocks.push({
        role: 'marker',
        text: `Dok.nr.: 20${ctx.date.yearShort}-${between(random, 100000, 299999)}`,
      });
  }
  const none = { decision: null, priorDecisions: [], attachments: [], absent: [] };
  if (closed) {
    // A closed item may print a short decision: it must never be read.
    const marked = style.access !== 'none';
    if (marked && chance(random, 0.3) && style.kind === 'minutes')
      blocks.push({ role: 'paragraph', text: 'Godkendt.' });
    return { blocks, item: { number: numbered, title, access: 'closed', caseNumber: caseNo, ...none } };
  }
  const parts = openItem(random, ctx, numbered, year);
  blocks.push(...parts.blocks);
  return {
    blocks,
    item: {
      number: numbered,
      title,
      access: 'open',
      caseNumber: caseNo,
      decision: parts.decision,
      priorDecisions: parts.prior,
      attachments: parts.attachments,
      absent: parts.absent,
    },
  };
}

/** The title an item is printed with when the style's heading holds only a bare label or access marker. */
function bareTitle(ctx: ItemContext, drawn: string, closed: boolean, openNumber: boolean): string {
  if (closed && ctx.style.bareHeading === 'closed') return pick(ctx.later, BARE_CLOSED_TITLES);
  if (!closed && openNumber) return OPEN_NUMBER_TITLE;
  return drawn;
}

/** Every item of the meeting, numbered as the house style numbers them. */
export function composeItems(
  random: Random,
  ctx: ItemContext,
  count: number,
): { blocks: Block[]; items: ItemTruth[] } {
  const style = ctx.style;
  const blocks: Block[] = [];
  const items: ItemTruth[] = [];
  const numbering = style.heading !== 'unnumbered';
  let number = style.firstNumber;
  // With a closed section, the last items are the closed ones, gathered under its heading.
  const firstClosed = style.closedSection ? count - closedTail(ctx.variation, count) : count;
  const openNumberAt = style.bareHeading === 'open-number' ? between(ctx.later, 0, firstClosed - 1) : -1;
  // An extra item ("Ekstra punkt") after the open items, numbered on or not numbered at all.
  const extraNumbered = style.bareHeading === 'extra' && numbering && chance(ctx.later, 0.5);
  const addExtra = () => {
    const composed = composeItem(
      random,
      ctx,
      extraNumbered ? number : null,
      EXTRA_TITLE,
      false,
      style.newPagePerItem,
    );
    blocks.push(...composed.blocks);
    items.push(composed.item);
    if (extraNumbered) number++;
  };
  for (let index = 0; index < count; index++) {
    const drawnClosed = index > 0 && chance(random, 0.12);
    const closed = style.closedSection ? index >= firstClosed : drawnClosed;
    if (style.bareHeading === 'extra' && index === firstClosed) addExtra();
    // Closed items are sometimes left out of the open minutes altogether: a gap in the numbers.
    if (closed && !style.closedSection && numbering && chance(random, 0.3)) {
      number++;
      continue;
    }
    const numbered = numbering ? number : null;
    const drawn = closed ? pick(random, CLOSED_TITLES) : itemTitle(random, index, count);
    const title = style.bareHeading ? bareTitle(ctx, drawn, closed, index === openNumberAt) : drawn;
    let newPage = style.newPagePerItem || (index > 0 && chance(random, style.landscapeShare));
    if (index > 0 && chance(random, style.landscapeShare))
      blocks.push({ role: 'page-break', landscape: true });
    if (style.closedSection && index === firstClosed) {
      // The section heading takes the new page; its first item follows it on that page.
      blocks.push({ role: 'part-heading', text: style.closedSection, newPage });
      newPage = false;
    }
    const composed = composeItem(random, ctx, numbered, title, closed, newPage && index > 0);
    blocks.push(...composed.blocks);
    items.push(composed.item);
    number += chance(random, 0.05) ? 2 : 1;
  }
  if (style.bareHeading === 'extra' && firstClosed === count) addExtra();
  return { blocks, items };
}

export function inventedLabel(random: Random, style: HouseStyle): ItemContext['invented'] {
  if (!style.inventedLabel) return null;
  return { label: pick(random, INVENTED_LABELS), at: between(random, 0, style.family.labels.length) };
}
