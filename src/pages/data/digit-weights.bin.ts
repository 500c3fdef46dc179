/**
 * The build's trained digit network as a static file (data/digit-weights.bin under the base path), written
 * from the default run that chapter 7's saved figures and <DigitAccuracy /> come from; the digit pad
 * loads it on the reader's first touch (components/real-data/digitRuntime.ts).
 */
import type { APIRoute } from "astro";
import { encodeDefaultWeights } from "../../../components/real-data/digitBuildRun";

/** The file's bytes, made once when the site is built. */
export const GET: APIRoute = () => new Response(encodeDefaultWeights() as Uint8Array<ArrayBuffer>, { headers: { "Content-Type": "application/octet-stream" } });
