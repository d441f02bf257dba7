import { z } from 'zod';

/** Limits on what one document may cost to read. Exceeding one refuses the file as too-large. */
export const ExtractLimitsSchema = z.object({
  maxBytes: z.number().int().positive(),
  maxPages: z.number().int().positive(),
  timeoutMs: z.number().int().positive(),
});
export type ExtractLimits = z.infer<typeof ExtractLimitsSchema>;

export const defaultLimits: ExtractLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxPages: 1000,
  timeoutMs: 120_000,
};

const EnvSchema = z.object({
  EXTRACT_MAX_BYTES: z.coerce.number().int().positive().default(defaultLimits.maxBytes),
  EXTRACT_MAX_PAGES: z.coerce.number().int().positive().default(defaultLimits.maxPages),
  EXTRACT_TIMEOUT_SECONDS: z.coerce
    .number()
    .positive()
    .default(defaultLimits.timeoutMs / 1000),
});

export type ConfigResult = { ok: true; limits: ExtractLimits } | { ok: false; error: string };

/** Reads the extraction limits from the environment (composition roots only). */
export function limitsFromEnv(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    return {
      ok: false,
      error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    };
  }
  return {
    ok: true,
    limits: {
      maxBytes: parsed.data.EXTRACT_MAX_BYTES,
      maxPages: parsed.data.EXTRACT_MAX_PAGES,
      timeoutMs: Math.round(parsed.data.EXTRACT_TIMEOUT_SECONDS * 1000),
    },
  };
}
