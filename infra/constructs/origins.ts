/** Scheme and host (and port) as a browser sends them in `Origin`: no path, no wildcard. */
const ORIGIN = /^https?:\/\/[^/*\s]+$/;

/**
 * Throws unless every entry is an origin like `https://search.example.dk`. A CORS allow-list
 * names sites: a path never matches what a browser sends, and a wildcard would admit any site.
 */
export function assertOrigins(propName: string, origins: readonly string[]): void {
  for (const origin of origins) {
    if (!ORIGIN.test(origin)) {
      throw new Error(
        `${propName}: '${origin}' is not an origin like https://search.example.dk (no path, no wildcard)`,
      );
    }
  }
}
