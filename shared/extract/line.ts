/**
 * One line of text as the reader saw it. PDF lines carry geometry and font; text lines carry
 * what their markup says (markdown emphasis, indentation) and page 1 unless form feeds say more.
 */
export interface Line {
  readonly text: string;
  /** 1-based page number. */
  readonly page: number;
  /** Left edge in points (PDF) or indentation in characters (text). */
  readonly x: number;
  /** Baseline height in points from the page's bottom (PDF); the line's index (text). */
  readonly y: number;
  /** Points from the line's left edge to its right edge (PDF); unknown for text. */
  readonly width?: number;
  /** Font size in points; 0 when unknown (text input). */
  readonly size: number;
  readonly bold: boolean;
  readonly italic: boolean;
  /** Markup heading level (markdown `#`), 0 if none. */
  readonly level: number;
  /** True when a blank line or a paragraph-sized gap precedes this line. */
  readonly breakBefore: boolean;
}

export interface ExtractedText {
  readonly format: 'pdf' | 'text' | 'markdown' | 'html';
  readonly pages: number;
  readonly lines: readonly Line[];
  /** Each page's height in points (PDF), so a line's distance from the top can be told; empty for text. */
  readonly pageHeights?: readonly number[];
}
