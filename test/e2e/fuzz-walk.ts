// The seeded fuzz walk of issue 11: the double answers creates and list reads with random statuses and
// random bodies (random JSON, truncated JSON, HTML, 1 MB, empty, binary, wrong content type, the key
// echoed in several encodings) while a team creates, refreshes and clears failed rows. After every
// execution: no unexpected error, no formula, no trace of the key; no row `sending` whose last answer
// was definite. At the end, with the API well again: no row `sending`, no offer twice.

import { expect } from "@jest/globals";
import type { ExecutionResult } from "../../tools/gas-runtime";
import type { DoubleConfig, ReceivedRequest } from "../../tools/mkp-double/types";
import { leaksOf } from "./leaks";
import { batch, formulasIn } from "./probes";
import { runLogMessages, sheetColumn, type World, world } from "./world";

/** A key with the characters JSON, URL and HTML encodings treat apart. */
export const FUZZ_KEY = "mkp_live_Fz/Qq+Ww=Ee/0123456789abc";

export interface WalkOptions {
  readonly offers: number;
  readonly minRequests: number;
  readonly rate?: number;
  /** The double's other ways where the docs leave it open (list order, envelope, the end of the list). */
  readonly api?: Partial<DoubleConfig>;
}

export interface WalkReport {
  readonly requests: number;
  readonly fuzzed: number;
  readonly executions: number;
  readonly bodyKinds: string[];
}

const CREATE = "/v1/customer-offers/manual";
/** The key, and its pieces between slashes long enough to give part of it away. */
const KEY_PIECES = [FUZZ_KEY, ...FUZZ_KEY.split("/")].filter((p) => p.length >= 12);

/** After this answer to a create the product knows for certain whether the offer exists. */
function definite(r: ReceivedRequest): boolean {
  if (r.status === null) return false;
  if (r.status >= 400 && r.status < 500) return r.status !== 408 && r.status !== 429;
  return (r.status === 200 || r.status === 201) && r.fuzz === undefined;
}

async function check(
  w: World,
  result: ExecutionResult,
  posts: () => Promise<ReceivedRequest[]>,
): Promise<void> {
  const where = `${result.fn} at ${new Date(result.startedAt).toISOString()}`;
  expect({ where, error: result.error?.message, killed: result.killed }).toEqual({ where });
  const last = runLogMessages(w.ss).at(-1) ?? "";
  expect({ where, unexpected: /unexpected error/i.test(last) ? last : null }).toEqual({
    where,
    unexpected: null,
  });
  expect(formulasIn(w.ss)).toEqual([]);
  // Checked after every execution: a later one may overwrite a cell that held the key.
  expect({ where, leaks: leaksOf(w, KEY_PIECES) }).toEqual({ where, leaks: [] });
  const numbers = sheetColumn(w.ss, "Offers", "Offer number");
  const statuses = sheetColumn(w.ss, "Offers", "Status");
  if (!statuses.includes("sending")) return;
  // The request log only when a row is `sending`: it is long, and most executions leave none.
  const lastPost = new Map<string, ReceivedRequest>();
  for (const r of await posts())
    lastPost.set(String((r.body as { offerNumber?: unknown } | null)?.offerNumber), r);
  statuses.forEach((status, i) => {
    if (status !== "sending") return;
    const r = lastPost.get(numbers[i] ?? "");
    const answer = r ? `${r.status} ${r.fuzz?.body ?? "normal"}` : "never sent";
    expect({ where, row: numbers[i], definite: r ? definite(r) : false, answer }).toEqual({
      where,
      row: numbers[i],
      definite: false,
      answer,
    });
  });
}

/** Clears Status (and Message) of the failed rows, as the Message tells the user to. */
function clearFailed(w: World): void {
  const header = w.ss.displayValues("Offers")[0] ?? [];
  const status = header.indexOf("Status") + 1;
  sheetColumn(w.ss, "Offers", "Status").forEach((s, i) => {
    if (s === "failed") w.ss.setCell("Offers", i + 2, status, "");
  });
}

export async function fuzzWalk(seed: number, opts: WalkOptions): Promise<WalkReport> {
  try {
    return await walk(seed, opts);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    e.message = `fuzz seed ${seed} (rerun with FUZZ_SEED=${seed}): ${e.message}`;
    throw e;
  }
}

async function walk(seed: number, opts: WalkOptions): Promise<WalkReport> {
  const w = await world({
    ...batch(opts.offers, "Z"),
    withKey: false,
    config: {
      ...opts.api,
      apiKeys: [FUZZ_KEY],
      fuzz: { seed, rate: opts.rate ?? 0.5, paths: ["/customer-offers"] },
    },
  });
  w.rt.properties.user().set("MKP_API_KEY", FUZZ_KEY);
  const posts = async () => (await w.api.requests()).filter((r) => r.method === "POST" && r.path === CREATE);
  const step = async (result: ExecutionResult | null) => {
    if (result) await check(w, result, posts);
  };
  let round = 0;
  while ((await w.api.stats()).requests < opts.minRequests) {
    round++;
    await step(w.run(round % 4 === 0 ? "refreshOfferStatuses" : "createPendingOffers"));
    // Continuations the runs arranged, as Apps Script would fire them.
    for (let i = 0; i < 3 && w.rt.triggers.some((t) => !t.disabled && t.type !== "hourly"); i++)
      await step(w.rt.advanceToNextTrigger());
    if (round % 3 === 0) clearFailed(w);
    w.rt.clock.advance(2 * 60_000);
    if (round > 400) throw new Error("the walk made too few requests");
  }
  const stats = await w.api.stats();
  const log = await w.api.requests();
  // The API well again: every row settles, none twice.
  await w.api.configure({ fuzz: null });
  for (
    let i = 0;
    i < 20 && sheetColumn(w.ss, "Offers", "Status").some((s) => s === "sending" || s === "");
    i++
  ) {
    clearFailed(w);
    await step(w.run("createPendingOffers"));
    w.rt.clock.advance(10 * 60_000);
  }
  await step(w.run("refreshOfferStatuses"));
  expect(sheetColumn(w.ss, "Offers", "Status").filter((s) => s === "sending")).toEqual([]);
  expect((await w.api.stats()).duplicateOfferNumbers).toEqual([]);
  const byNumber = new Map((await w.api.offers()).map((o) => [o.offerNumber, o.id]));
  const numbers = sheetColumn(w.ss, "Offers", "Offer number");
  const ids = sheetColumn(w.ss, "Offers", "Offer ID");
  numbers.forEach((n, i) => {
    expect({ n, id: ids[i] }).toEqual({ n, id: byNumber.get(n) ?? "" });
  });
  return {
    requests: stats.requests,
    fuzzed: stats.fuzzed,
    executions: w.rt.executions.length,
    bodyKinds: [...new Set(log.flatMap((r) => (r.fuzz ? [r.fuzz.body.replace(/:.*/, "")] : [])))].sort(),
  };
}
