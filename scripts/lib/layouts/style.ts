/**
 * A house style: how one municipality's template prints minutes. Each field is one of the ways
 * ../shared/corpus/CONVENTIONS.md lists; a generated document combines one draw of each.
 */
import { chance, pick } from '../invented.ts';
import type { Random } from '../random.ts';
import { CASE_LABELS, LABEL_FAMILIES, type LabelFamily } from './content.ts';
import type { LaterVariations } from './later-variations.ts';
import type { Variations } from './variations.ts';

export type HeadingShape =
  | 'dot' // 1. Title
  | 'space' // 1 Title
  | 'paren' // 1) Title
  | 'tight' // 1.Title
  | 'padded' // 01. Title
  | 'paragraph-sign' // § 1 Title
  | 'punkt-colon' // Punkt 1: Title
  | 'punkt-dash' // Punkt 1 – Title
  | 'pkt' // Pkt. 42 Title
  | 'pkt-colon' // Pkt. 42: Title
  | 'spaced-colon' // 1 : Title
  | 'bullet' // • 301. Title
  | 'sag-nr' // Sag nr. 129 (title on the next line)
  | 'dagsordenspunkt' // Dagsordenspunkt 3 (title on the next line)
  | 'two-lines' // 1. (title on the next line)
  | 'two-columns' // 1 <wide gap> Title
  | 'unnumbered'; // Title only

export type AccessStyle =
  | 'none' // closed items carry "Lukket" in their title only
  | 'line-all' // "Åben sag" / "Lukket sag" under every heading
  | 'prefix' // "Lukket: Title"
  | 'suffix' // "Title (lukket)"
  | 'line-closed'; // only closed items get a line: "Lukket punkt", "Fortroligt", ...

export type DecisionForm =
  | 'plain' // Beslutning
  | 'first' // Beslutninger, first in the item (FirstAgenda)
  | 'in-body' // Beslutning i Økonomiudvalget den 5. februar 2025
  | 'body-no-i' // Beslutning Direktionen den 05-02-2025
  | 'genitive' // Økonomiudvalgets beslutning den 05.02.2025 Punkt 3 (eDoc)
  | 'body-date' // Økonomiudvalget den 05.02.2025
  | 'afgoerelse' // Afgørelse
  | 'udvalgets' // Udvalgets beslutning
  | 'run-in' // Beslutning: Godkendt.
  | 'konklusion' // Konklusion: ... (ledermøde)
  | 'referat'; // Referat: on its own line (working groups)

export type LabelLook = 'bold' | 'bold-large' | 'caps' | 'italic' | 'colon' | 'run-in';

export type TitleLayout =
  | 'municipality-body-kind' // Egholt Kommune / Økonomiudvalget / Referat
  | 'kind-body-when-where' // Referat / Økonomiudvalget / tirsdag den …, kl. 13:00 / i Mødelokale 2
  | 'kind-body-date' // REFERAT Økonomiudvalget d. 27-08-2025
  | 'kind-dash-body' // Referat – Økonomiudvalget
  | 'labelled-body' // Referat / Udvalg: Økonomiudvalget
  | 'organisation-kind-body'; // IT og Digitalisering / Referat / Styregruppen

export type FieldLayout = 'inline' | 'columns' | 'stacked';
export type DateForm = 'long' | 'text' | 'dashed' | 'dotted' | 'slashed' | 'abbreviated' | 'iso';
export type TimeForm = 'kl' | 'range' | 'from-to' | 'start-end' | 'adjourned' | 'none';
export type MembersForm = 'lines' | 'comma' | 'bullets' | 'columns';
export type PersonForm = 'party' | 'party-role' | 'comma-role' | 'title' | 'plain';
export type CaseStyle = 'labelled' | 'bare-after' | 'bare-before' | 'none';
export type CaseForm = 'slash' | 'emn' | 'kle' | 'edoc' | 'dash';

export interface Typeface {
  readonly regular: string;
  readonly bold: string;
  readonly italic: string;
}

export const TYPEFACES: readonly Typeface[] = [
  { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' },
  { regular: 'Times-Roman', bold: 'Times-Bold', italic: 'Times-Italic' },
  { regular: 'Courier', bold: 'Courier-Bold', italic: 'Courier-Oblique' },
];

export interface HouseStyle extends Variations, LaterVariations {
  readonly format: 'pdf' | 'html';
  readonly kind: 'minutes' | 'agenda';
  /** eDoc's per-item export: one item, no header. */
  readonly perItem: boolean;
  readonly title: TitleLayout;
  /** Where the municipality's name stands. */
  readonly municipality: 'title' | 'spaced' | 'running' | 'none';
  readonly fields: FieldLayout;
  readonly dateForm: DateForm;
  readonly timeForm: TimeForm;
  readonly placeLines: 0 | 1 | 2;
  readonly membersLabel: string;
  readonly membersForm: MembersForm;
  readonly personForm: PersonForm;
  readonly absentLabel: string | null;
  readonly referent: boolean;
  readonly toc: 'none' | 'leaders' | 'numbers';
  readonly heading: HeadingShape;
  /** The first item's number: 1, or carried on from earlier meetings of the year. */
  readonly firstNumber: number;
  readonly headingBold: boolean;
  /** Points the item heading is set above the body text. */
  readonly headingStep: number;
  /** Points the item heading stands left of the body text (hanging numbers). */
  readonly headingOutdent: number;
  readonly newPagePerItem: boolean;
  readonly access: AccessStyle;
  readonly caseStyle: CaseStyle;
  readonly caseForm: CaseForm;
  readonly caseLabel: string;
  readonly family: LabelFamily;
  readonly inventedLabel: boolean;
  readonly labelLook: LabelLook;
  readonly decision: DecisionForm;
  /** Items whose decision names an earlier body's decision too. */
  readonly priorShare: number;
  readonly votes: boolean;
  readonly attendanceLines: 'none' | 'absent' | 'edoc' | 'protocol';
  readonly attachments: 'none' | 'numbered' | 'edoc' | 'plain';
  readonly typeface: Typeface;
  readonly bodySize: number;
  /** Baseline distance as a multiple of the font size. */
  readonly leading: number;
  /** Extra space between paragraphs, as a multiple of the leading (0.35 is barely visible). */
  readonly paragraphGap: number;
  readonly justify: boolean;
  readonly hyphenate: boolean;
  readonly marginLeft: number;
  readonly runningHeader: 'none' | 'body-date' | 'municipality' | 'edoc' | 'title';
  readonly runningHeaderTop: number;
  readonly footer: 'none' | 'side-af' | 'number' | 'dashes' | 'slash' | 'municipality-side';
  readonly footerBottom: number;
  readonly landscapeShare: number;
  readonly tables: boolean;
  readonly traps: boolean;
  readonly tagged: boolean;
  /** HTML: items as headings or as table rows, and web chrome after each item. */
  readonly htmlItems: 'headings' | 'rows';
  readonly chrome: boolean;
}

function weighted<T>(random: Random, options: readonly (readonly [T, number])[]): T {
  const total = options.reduce((sum, [, w]) => sum + w, 0);
  let roll = random() * total;
  for (const [value, weight] of options) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return options.at(-1)?.[0] as T;
}

const HEADINGS: readonly (readonly [HeadingShape, number])[] = [
  ['dot', 6],
  ['space', 3],
  ['paren', 2],
  ['tight', 2],
  ['padded', 1],
  ['paragraph-sign', 1],
  ['punkt-colon', 4],
  ['punkt-dash', 2],
  ['pkt', 2],
  ['pkt-colon', 1],
  ['spaced-colon', 1],
  ['bullet', 1],
  ['sag-nr', 1],
  ['dagsordenspunkt', 1],
  ['two-lines', 1],
  ['two-columns', 2],
  ['unnumbered', 1],
];

const DECISIONS: readonly (readonly [DecisionForm, number])[] = [
  ['plain', 4],
  ['first', 2],
  ['in-body', 4],
  ['body-no-i', 1],
  ['genitive', 2],
  ['body-date', 1],
  ['afgoerelse', 1],
  ['udvalgets', 1],
  ['run-in', 2],
  ['konklusion', 1],
  ['referat', 1],
];

/** Draws one house style but its later variations; the choices hang together as real templates do. */
export function drawStyle(random: Random): Omit<HouseStyle, keyof Variations | keyof LaterVariations> {
  const format = chance(random, 0.15) ? 'html' : 'pdf';
  const perItem = format === 'pdf' && chance(random, 0.06);
  const kind = !perItem && chance(random, 0.1) ? 'agenda' : 'minutes';
  let decision = weighted(random, DECISIONS);
  // A per-item export names the body and date in its decision heading: nothing else does.
  if (perItem) decision = pick(random, ['in-body', 'genitive'] as const);
  const heading = perItem && random() < 0.9 ? 'dot' : weighted(random, HEADINGS);
  const labelLook: LabelLook =
    decision === 'konklusion'
      ? 'run-in'
      : decision === 'referat'
        ? 'colon'
        : weighted(random, [
            ['bold', 6],
            ['bold-large', 2],
            ['caps', 1],
            ['italic', 1],
            ['colon', 1],
            ['run-in', 1],
          ] as const);
  const family = pick(random, LABEL_FAMILIES);
  // Unnumbered headings are set apart by weight, as real ones are; numbered ones need not be.
  const headingBold = heading === 'unnumbered' || chance(random, 0.85);
  const pdf = format === 'pdf';
  return {
    format,
    kind,
    perItem,
    title: weighted(random, [
      ['municipality-body-kind', 3],
      ['kind-body-when-where', 2],
      ['kind-body-date', 2],
      ['kind-dash-body', 2],
      ['labelled-body', 2],
      ['organisation-kind-body', 1],
    ] as const),
    municipality: weighted(random, [
      ['title', 4],
      ['spaced', 1],
      ['running', pdf ? 2 : 0],
      ['none', 1],
    ] as const),
    fields: weighted(random, [
      ['inline', 4],
      ['columns', 3],
      ['stacked', 1],
    ] as const),
    dateForm: weighted(random, [
      ['long', 4],
      ['text', 2],
      ['dashed', 2],
      ['dotted', 2],
      ['slashed', 1],
      ['abbreviated', 1],
      ['iso', 1],
    ] as const),
    timeForm: weighted(random, [
      ['kl', 3],
      ['range', 3],
      ['from-to', 1],
      ['start-end', 2],
      ['adjourned', 1],
      ['none', 1],
    ] as const),
    placeLines: weighted(random, [
      [1, 6],
      [2, 2],
      [0, 1],
    ] as const),
    membersLabel: pick(random, [
      'Medlemmer',
      'Deltagere',
      'Til stede',
      'Tilstede',
      'Fremmødte',
      'Mødedeltagere',
    ]),
    membersForm: weighted(random, [
      ['lines', 4],
      ['comma', 3],
      ['bullets', 2],
      ['columns', pdf ? 2 : 0],
    ] as const),
    personForm: weighted(random, [
      ['party', 4],
      ['party-role', 2],
      ['comma-role', 1],
      ['title', 1],
      ['plain', 2],
    ] as const),
    absentLabel: chance(random, 0.75)
      ? pick(random, ['Fraværende', 'Afbud', 'Afbud/Fraværende', 'Forfald', 'Meddelt forfald'])
      : null,
    referent: chance(random, 0.4),
    toc: weighted(random, [
      ['none', 5],
      ['leaders', pdf ? 3 : 0],
      ['numbers', 1],
    ] as const),
    heading,
    firstNumber: chance(random, 0.25) ? 20 + Math.floor(random() * 300) : 1,
    headingBold,
    // Unnumbered headings outrank the section labels, whose largest look is 1.5 points up.
    headingStep: Math.max(
      heading === 'unnumbered' ? 2 : 0,
      weighted(random, [
        [0, headingBold ? 3 : 1],
        [1, 2],
        [2, 3],
        [4, 2],
        [6, 1],
      ] as const),
    ),
    headingOutdent: chance(random, 0.2) ? 20 + Math.floor(random() * 10) : 0,
    newPagePerItem: chance(random, 0.25),
    access: weighted(random, [
      ['none', 3],
      ['line-all', 2],
      ['prefix', 2],
      ['suffix', 1],
      ['line-closed', 2],
    ] as const),
    caseStyle: weighted(random, [
      ['labelled', 5],
      ['bare-after', 2],
      ['bare-before', 1],
      ['none', 2],
    ] as const),
    caseForm: weighted(random, [
      ['slash', 4],
      ['emn', 2],
      ['kle', 2],
      ['edoc', 1],
      ['dash', 1],
    ] as const),
    caseLabel: pick(random, CASE_LABELS),
    family,
    inventedLabel: chance(random, 0.4),
    labelLook,
    decision,
    priorShare: chance(random, 0.4) ? 0.35 : 0,
    votes: chance(random, 0.3),
    attendanceLines: weighted(random, [
      ['none', 4],
      ['absent', 2],
      ['edoc', decision === 'genitive' ? 4 : 1],
      ['protocol', 1],
    ] as const),
    attachments: weighted(random, [
      ['none', 3],
      ['numbered', 2],
      ['edoc', 1],
      ['plain', 1],
    ] as const),
    typeface: pick(random, TYPEFACES),
    bodySize: pick(random, [9, 9.5, 10, 10, 11, 11, 12]),
    leading: pick(random, [1.15, 1.2, 1.25, 1.3, 1.4]),
    paragraphGap: pick(random, [0.35, 0.5, 0.8, 1, 1]),
    justify: chance(random, 0.4),
    hyphenate: chance(random, 0.4),
    marginLeft: 50 + Math.floor(random() * 40),
    runningHeader: weighted(random, [
      ['none', 2],
      ['body-date', 3],
      ['municipality', 1],
      ['edoc', 1],
      ['title', 1],
    ] as const),
    runningHeaderTop: 18 + Math.floor(random() * 40),
    footer: weighted(random, [
      ['none', 1],
      ['side-af', 3],
      ['number', 2],
      ['dashes', 1],
      ['slash', 1],
      ['municipality-side', 1],
    ] as const),
    footerBottom: 14 + Math.floor(random() * 36),
    landscapeShare: chance(random, 0.15) ? 0.3 : 0,
    tables: chance(random, 0.35),
    traps: chance(random, 0.6),
    tagged: chance(random, 0.2),
    // Portals set numbered items as table rows (number, title); unnumbered ones as headings.
    htmlItems: heading !== 'unnumbered' && chance(random, 0.3) ? 'rows' : 'headings',
    chrome: chance(random, 0.7),
  };
}
