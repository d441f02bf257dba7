/** Why a file could not be read. The CLI prints the kind; the registry records it. */
export const EXTRACTION_ERROR_KINDS = [
  'not-a-pdf',
  'encrypted',
  'corrupt',
  'needs-ocr',
  'too-large',
  'timeout',
  'unsupported-format',
  'not-minutes',
] as const;
export type ExtractionErrorKind = (typeof EXTRACTION_ERROR_KINDS)[number];

export class ExtractionError extends Error {
  override readonly name = 'ExtractionError';
  readonly kind: ExtractionErrorKind;

  constructor(kind: ExtractionErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
  }
}
