/** One generated minutes document: a house style, its blocks, and the truth of what they say. */
import { between, chance, danishDate, PARTIES, pick, randomIsoDate } from '../invented.ts';
import { seededRandom } from '../random.ts';
import type { Block, MinutesTruth } from './blocks.ts';
import {
  ADMINISTRATIVE_BODIES,
  COMMITTEES,
  COUNCILS,
  MORE_FIRST_NAMES,
  MORE_LAST_NAMES,
  MORE_MUNICIPALITIES,
} from './content.ts';
import { composeHeader, drawPeople, type MeetingFacts } from './header.ts';
import { composeItems, inventedLabel } from './items.ts';
import { drawLaterVariations, laterVariationRandom } from './later-variations.ts';
import { drawStyle, type HouseStyle } from './style.ts';
import { drawVariations, signatureBlock, variationRandom } from './variations.ts';

export interface GeneratedDocument {
  readonly seed: number;
  readonly style: HouseStyle;
  readonly blocks: readonly Block[];
  readonly truth: MinutesTruth;
  /** What the running header and footer print, by page number and page count. */
  readonly running: {
    readonly header: (page: number, pages: number) => string[];
    readonly footer: (page: number, pages: number) => string | null;
  };
}

function bodyFor(
  style: HouseStyle,
  random: () => number,
): { body: string; council: boolean; administrative: boolean } {
  if (style.decision === 'konklusion' || style.decision === 'referat' || chance(random, 0.15)) {
    const body =
      style.decision === 'konklusion'
        ? pick(random, ['Ledermøde, Teknik og Miljø', 'Ledermøde i Kultur og Fritid'])
        : pick(random, ADMINISTRATIVE_BODIES);
    return { body, council: false, administrative: true };
  }
  if (chance(random, 0.35)) return { body: pick(random, COUNCILS), council: true, administrative: false };
  return { body: pick(random, COMMITTEES), council: true, administrative: false };
}

function allNames(): string[] {
  return MORE_FIRST_NAMES.flatMap((first, i) => {
    const last = MORE_LAST_NAMES[(i * 7) % MORE_LAST_NAMES.length];
    const other = MORE_LAST_NAMES[(i * 3 + 1) % MORE_LAST_NAMES.length];
    return [`${first} ${last}`, `${first} ${other}`];
  }).filter((name, i, list) => list.indexOf(name) === i);
}

/** The table of contents: titles with or without their numbers, with page numbers. */
function tableOfContents(style: HouseStyle, truth: MinutesTruth, random: () => number): Block[] {
  if (style.toc === 'none' || style.perItem) return [];
  const withNumbers = chance(random, 0.7);
  let page = 2;
  const entries = truth.items.map((item): Block => {
    page += between(random, 0, 2);
    const title =
      item.access === 'closed' && style.access === 'prefix' ? `Lukket: ${item.title}` : item.title;
    const text = withNumbers && item.number !== null ? `${item.number}. ${title}` : title;
    return { role: 'toc-entry', text, page: style.toc === 'leaders' ? page : null };
  });
  return [
    { role: 'toc-heading', text: pick(random, ['Indholdsfortegnelse', 'Indhold', 'Punkter på dagsordenen']) },
    ...entries,
  ];
}

export function generateDocument(seed: number): GeneratedDocument {
  const random = seededRandom(seed);
  const variation = variationRandom(seed);
  const drawn = drawStyle(random);
  const later = laterVariationRandom(seed);
  const style: HouseStyle = {
    ...drawn,
    ...drawVariations(variation, drawn),
    ...drawLaterVariations(later, drawn),
  };
  const { body, council, administrative } = bodyFor(style, random);
  const municipality = pick(random, MORE_MUNICIPALITIES);
  const date = danishDate(randomIsoDate(random));
  const start = between(random, 16, 38) * 30;
  const facts: MeetingFacts = {
    body,
    municipality,
    date,
    start,
    end: start + between(random, 3, 10) * 15,
    ...drawPeople(random, allNames(), PARTIES),
    administrative,
  };
  const header = style.perItem ? null : composeHeader(style, facts, random);
  const itemCount = style.perItem ? 1 : between(random, 2, 9);
  const { blocks: itemBlocks, items } = composeItems(
    random,
    {
      style,
      body,
      date,
      council,
      people: facts.members,
      parties: facts.parties,
      invented: inventedLabel(random, style),
      variation,
      later,
    },
    itemCount,
  );
  const meeting: MinutesTruth['meeting'] = header?.meeting ?? {
    body,
    municipality: null,
    date: date.iso,
    start: null,
    end: null,
    location: null,
    members: [],
    absent: [],
  };
  // A running header or footer may name the municipality though the title does not.
  const paged = style.format === 'pdf' && !style.perItem;
  const named = paged && (style.runningHeader === 'municipality' || style.footer === 'municipality-side');
  const truth: MinutesTruth = {
    kind: style.kind,
    meeting: named ? { ...meeting, municipality: `${municipality} Kommune` } : meeting,
    items,
  };
  const closing: Block[] = header?.adjourned
    ? [{ role: 'paragraph', text: `Mødet hævet kl. ${header.adjourned.printed}.` }]
    : [];
  const blocks = [
    ...(header?.blocks ?? []),
    ...tableOfContents(style, truth, random),
    ...itemBlocks,
    ...closing,
    ...signatureBlock(style, facts.members, variation),
  ];
  return { seed, style, blocks, truth, running: runningLines(style, facts) };
}

function runningLines(style: HouseStyle, facts: MeetingFacts): GeneratedDocument['running'] {
  const municipality = `${facts.municipality} Kommune`;
  const header = (page: number): string[] => {
    switch (style.runningHeader) {
      case 'none':
        return style.municipality === 'running' ? [municipality] : [];
      case 'body-date':
        return [`${facts.body} ${facts.date.dashed}`];
      case 'municipality':
        return [municipality];
      case 'edoc':
        return ['Åbent referat', `Dato: ${facts.date.dotted}`, `Side ${page}`];
      case 'title':
        return [`Referat – ${facts.body} – ${facts.date.text}`];
    }
  };
  const withMunicipality = (lines: string[]) =>
    style.municipality === 'running' && !lines.includes(municipality) ? [municipality, ...lines] : lines;
  return {
    // A per-item export prints nothing around its item; a web page has no pages.
    header: (page) => (style.perItem || style.format === 'html' ? [] : withMunicipality(header(page))),
    footer: (page, pages) => {
      if (style.perItem || style.format === 'html') return null;
      switch (style.footer) {
        case 'none':
          return null;
        case 'side-af':
          return `Side ${page} af ${pages}`;
        case 'number':
          return String(page);
        case 'dashes':
          return `- ${page} -`;
        case 'slash':
          return `${page}/${pages}`;
        case 'municipality-side':
          return `${municipality} · Side ${page}`;
      }
    },
  };
}
