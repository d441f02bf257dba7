/** Entries a reader remembers: a long document's distinct lines, not more. */
const MAX_ENTRIES = 50_000;

const memories: Map<string, unknown>[] = [];

/**
 * A pure reader of a line's text that remembers its answers: the passes ask about the same lines
 * many times (is it a label, a decision heading?). Bounded, and forgotten between documents
 * (`forgetAnswers`), so a long-running process never grows and a measurement never flatters.
 */
export function remembered<T>(read: (text: string) => T): (text: string) => T {
  const answers = new Map<string, T>();
  memories.push(answers);
  return (text) => {
    const known = answers.get(text);
    if (known !== undefined || answers.has(text)) return known as T;
    if (answers.size >= MAX_ENTRIES) answers.clear();
    const answer = read(text);
    answers.set(text, answer);
    return answer;
  };
}

/** Forgets every remembered answer: a new document begins. */
export function forgetAnswers(): void {
  for (const answers of memories) answers.clear();
}
