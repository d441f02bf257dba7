/**
 * A generated document as typed blocks, before any format: the PDF and HTML renderers set the
 * same blocks, and the truth records what a correct reading of them yields.
 */
import type { Votes } from '#domain/meeting.ts';

export type Block =
  /** A line of the title block; rank 1 is the largest. */
  | { readonly role: 'title'; readonly text: string; readonly rank: 1 | 2 | 3 }
  /** A labelled header field; `values` are lines (members one per line) or one value. */
  | {
      readonly role: 'field';
      readonly label: string;
      readonly values: readonly string[];
      /** Values set in two columns, two to a line. */
      readonly twoColumns?: boolean;
    }
  | { readonly role: 'toc-heading'; readonly text: string }
  | { readonly role: 'toc-entry'; readonly text: string; readonly page: number | null }
  /** An item heading: its lines, or a number and a title set in two columns. */
  | {
      readonly role: 'item-heading';
      readonly lines: readonly string[];
      readonly columns?: readonly [string, string];
      /** The columns are the cells of a bordered table, the item's body indented under the title (FirstAgenda). */
      readonly bordered?: boolean;
      /** Each item starts on a new page. */
      readonly newPage: boolean;
    }
  /** A sub-item's heading inside an item ("5.1 Status på …"): part of the item, not an item. */
  | { readonly role: 'sub-heading'; readonly text: string }
  /** A heading over a part of the agenda ("Lukkede punkter"): no item of its own. */
  | { readonly role: 'part-heading'; readonly text: string; readonly newPage: boolean }
  /** A signature page: its heading and the names to sign above, two to a row. */
  | {
      readonly role: 'signatures';
      readonly heading: string;
      readonly names: readonly string[];
      readonly newPage: boolean;
    }
  /** A short line in body type right after a heading: access marker, case number. */
  | { readonly role: 'marker'; readonly text: string }
  | { readonly role: 'label'; readonly text: string }
  /** Running text; "\n" inside forces a line break (as a hard-wrapped source has). */
  | { readonly role: 'paragraph'; readonly text: string; readonly runIn?: string }
  | {
      readonly role: 'list';
      readonly entries: readonly string[];
      readonly marker: 'number' | 'bullet' | 'dash' | 'letter';
    }
  | { readonly role: 'table'; readonly rows: readonly (readonly string[])[] }
  | { readonly role: 'page-break'; readonly landscape: boolean };

/** What a correct reading of the document yields: the round-trip's expectation. */
export interface MinutesTruth {
  readonly kind: 'minutes' | 'agenda';
  readonly meeting: {
    readonly body: string | null;
    readonly municipality: string | null;
    readonly date: string | null;
    readonly start: string | null;
    readonly end: string | null;
    readonly location: string | null;
    readonly members: readonly string[];
    readonly absent: readonly string[];
  };
  readonly items: readonly ItemTruth[];
}

export interface DecisionTruth {
  readonly body: string | null;
  readonly date: string | null;
  readonly text: string;
  /** The votes the text records (absent for prior decisions, which are not checked for votes). */
  readonly votes?: Votes | null;
}

export interface ItemTruth {
  readonly number: number | null;
  readonly title: string;
  readonly access: 'open' | 'closed';
  readonly caseNumber: string | null;
  readonly decision: DecisionTruth | null;
  readonly priorDecisions: readonly DecisionTruth[];
  readonly attachments: readonly string[];
  readonly absent: readonly string[];
}
