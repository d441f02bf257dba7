// The JSON API on this page's own origin. Paths are relative, so the page also works behind a
// stage or path prefix.

/** A failed request, with a message a user can read. */
export class ApiError extends Error {
  /**
   * @param {string} message
   * @param {number} status 0 when the network failed
   */
  constructor(message, status) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

/**
 * @param {string} path e.g. `search?q=…`
 * @param {RequestInit} [init]
 * @returns {Promise<any>}
 */
export async function api(path, init) {
  let response;
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('Der er ingen forbindelse til tjenesten. Tjek netværket og prøv igen.', 0);
  }
  if (response.ok) return response.json();
  throw new ApiError(await problemMessage(response), response.status);
}

/**
 * A search the engine refused as too broad (the problem's `errors` say so by their code).
 * @param {Response} response
 */
async function tooBroad(response) {
  const problem = await response.json().catch(() => null);
  return (
    Array.isArray(problem?.errors) && problem.errors.some((/** @type {any} */ e) => e?.code === 'too_broad')
  );
}

/** @param {Response} response */
async function problemMessage(response) {
  switch (response.status) {
    case 400:
      return (await tooBroad(response))
        ? 'Søgningen er for bred: dens ord står for mange steder i arkivet. Brug færre eller sjældnere ord.'
        : 'Søgningen kunne ikke forstås. Tjek datoerne og filtrene.';
    case 401:
    case 403:
      return 'Du skal logge ind (igen) for at uploade.';
    case 404:
      return 'Det findes ikke (længere). Linket kan være forældet.';
    case 413:
      return 'Filen er for stor til at blive uploadet.';
    case 415:
      return 'Kun PDF-referater og dagsordener fra FirstAgenda (.json) kan uploades.';
    case 429:
      return 'Der er for mange forespørgsler lige nu. Vent et øjeblik og prøv igen.';
    default:
      return 'Noget gik galt hos os. Prøv igen om lidt.';
  }
}

/** @param {string} id */
export const getItem = (id) => api(`items/${encodeURIComponent(id)}`);
/** @param {string} id */
export const getMeeting = (id) => api(`meetings/${encodeURIComponent(id)}`);
