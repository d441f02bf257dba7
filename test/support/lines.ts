import type { Line } from '#extract/line.ts';
import { inferStyles, type StyledLine } from '#parse/passes/styles.ts';

export interface LineSpec {
  readonly text: string;
  readonly size?: number;
  readonly bold?: boolean;
  readonly x?: number;
  /** Extra points above the line (a paragraph gap). */
  readonly gap?: number;
  readonly page?: number;
}

const PITCH = 1.2;

/**
 * Positioned lines as a PDF would give them, top to bottom: each a pitch below the one before
 * (plus its gap), a new page starting at the top. Sizes default to 10 points.
 */
export function pdfLines(specs: readonly (LineSpec | string)[]): Line[] {
  let y = 800;
  let page = 1;
  return specs.map((raw) => {
    const spec = typeof raw === 'string' ? { text: raw } : raw;
    const size = spec.size ?? 10;
    if (spec.page && spec.page !== page) {
      page = spec.page;
      y = 800;
    } else y -= size * PITCH + (spec.gap ?? 0);
    return {
      text: spec.text,
      page,
      x: spec.x ?? 70,
      y,
      width: spec.text.length * size * 0.5,
      size,
      bold: spec.bold ?? false,
      italic: false,
      level: 0,
      breakBefore: false,
    };
  });
}

/** The same lines after the styles pass, as the later passes take them. */
export function styled(lines: readonly Line[]): StyledLine[] {
  return [
    ...inferStyles(
      lines,
      lines.map((_, i) => i),
    ).lines,
  ];
}
