/**
 * The page-side loader of the build's trained digit network (written by src/pages/data/digit-weights.bin.ts
 * from the run the chapter's saved figures show): fetched under the site's base path only when the reader
 * first draws on the pad or picks a test digit. Every failure becomes one sentence naming the address.
 */
import { joinBase } from "../site/base";

/** Where the trained weights live inside the site. */
export const DIGIT_WEIGHTS_PATH = "data/digit-weights.bin";

/** The file's bytes; rejects with a message naming the address and what went wrong. */
export async function fetchDigitWeights(url = joinBase(import.meta.env.BASE_URL, DIGIT_WEIGHTS_PATH), fetchFn: typeof fetch = globalThis.fetch.bind(globalThis)): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (error) {
    throw new Error(`Could not load ${url}: ${(error as Error).message}.`);
  }
  if (!response.ok) throw new Error(`Could not load ${url}: the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}.`);
  try {
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw new Error(`Could not load ${url}: the download broke off (${(error as Error).message}).`);
  }
}
