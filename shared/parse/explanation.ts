import type { Line } from '#extract/line.ts';

/** What the parser took a line for. */
export type Role =
  | 'furniture'
  | 'contents'
  | 'header'
  | 'header-field'
  | 'item-heading'
  | 'item-title'
  | 'access'
  | 'case-number'
  | 'section-label'
  | 'decision-heading'
  | 'decision'
  | 'attendance'
  | 'attachment'
  | 'text'
  | 'closed-content'
  | 'trailer';

export interface Note {
  readonly role: Role;
  readonly reason: string;
}

/** Notes by line index; a pass notes only the lines it decided about. */
export type Notes = Map<number, Note>;

export function note(notes: Notes, index: number, role: Role, reason: string): void {
  notes.set(index, { role, reason });
}

/** Later notes win: a pass that looks closer knows better. */
export function mergeNotes(...all: readonly Notes[]): Notes {
  const merged: Notes = new Map();
  for (const notes of all) for (const [index, value] of notes) merged.set(index, value);
  return merged;
}

/** One line per input line: page, role, text, and why. */
export function formatExplanation(lines: readonly Line[], notes: Notes, summary: readonly string[]): string {
  const rows = lines.map((line, index) => {
    const n = notes.get(index) ?? { role: 'text', reason: '' };
    const text = line.text.length > 70 ? `${line.text.slice(0, 69)}…` : line.text;
    const style = line.size
      ? `${line.size}${line.bold ? 'b' : ''}${line.italic ? 'i' : ''}`
      : line.bold
        ? 'b'
        : '';
    const reason = n.reason ? `  ← ${n.reason}` : '';
    return `p${String(line.page).padEnd(3)} ${style.padEnd(6)} ${n.role.padEnd(16)} ${text.replace(/\t/g, ' ⇥ ')}${reason}`;
  });
  return [...summary.map((s) => `# ${s}`), ...rows].join('\n');
}
