// The cases of large-account.test.ts that take a few seconds each: a fast one of each kind runs in
// `npm test`, the others in large-account-cases.exhaustive.test.ts.

import { expect } from "@jest/globals";
import { runOk, type World, world } from "./world";

const START = Date.UTC(2025, 3, 14, 8, 0, 0);
const DAY = 86_400_000;

export function sheet(n: number, prefix: string) {
  const offers = Array.from({ length: n }, (_, i) => [
    `${prefix}-${String(i + 1).padStart(4, "0")}`,
    "cst_demo0001",
    "2025-04-14",
  ]);
  const lines = offers.map((o) => [o[0], "Work", 10, 21]);
  return { offers, lines };
}

/** Runs createPendingOffers killed just after its first round trip went out: rows stay `sending`. */
export function killAfterSend(w: World): void {
  let sent = false;
  const r = w.run("createPendingOffers", [], {
    kill: (call) => {
      if (sent) return true;
      if (call.service === "UrlFetchApp") sent = true;
      return false;
    },
  });
  expect(r.killed).toBe("killed");
}

/** K-0007 made by hand last year (`who`: same or other customer), killed before, after, or not. */
export async function numberUsedBefore(who: "same" | "other"): Promise<void> {
  for (const when of ["before", "after", "never"] as const) {
    const w = await world({
      offers: [["K-0007", "cst_demo0001", "2025-04-14"]],
      lines: [["K-0007", "Work", 10, 21]],
    });
    const [old] = await w.api.seedOffers([
      {
        offerNumber: "K-0007",
        customerId: who === "same" ? "cst_demo0001" : "cst_demo0002",
        createdAt: START - 300 * DAY,
      },
    ]);
    if (when === "before") {
      const r = w.run("createPendingOffers", [], { kill: (c) => c.service === "UrlFetchApp" });
      expect(r.killed).toBe("killed");
    } else if (when === "after") {
      await w.api.injectFaults([{ times: 1, fault: { kind: "created-then-timeout", holdMs: 2000 } }]);
      killAfterSend(w);
      await w.api.clearFaults();
    }
    runOk(w, "createPendingOffers");
    runOk(w, "createPendingOffers");
    const mine = (await w.api.offers()).filter((o) => o.offerNumber === "K-0007" && o.id !== old?.id);
    expect(mine.length).toBe(1);
    expect(w.column("Offer ID")).toEqual([mine[0]?.id]);
    expect(w.column("Status")).toEqual(["created"]);
  }
}

/** An old offer deleted before page `page` of a lookup of an oldest-first list. */
export async function deletedDuringLookup(page: number): Promise<void> {
  const w = await world({ ...sheet(5, "D"), config: { listOrder: "asc" } });
  await w.api.seedGenerated({ count: 2000, createdFrom: START - 400 * DAY, createdTo: START - DAY });
  await w.api.injectFaults([{ times: 5, fault: { kind: "created-then-timeout", holdMs: 2000 } }]);
  killAfterSend(w);
  await w.api.clearFaults();
  await w.api.addListHooks([
    { path: "/customer-offers", request: page, action: { kind: "delete-offer", target: "oldest" } },
  ]);
  runOk(w, "createPendingOffers");
  runOk(w, "createPendingOffers");
  expect((await w.api.stats()).duplicateOfferNumbers).toEqual([]);
  expect(w.column("Status")).toEqual(["created", "created", "created", "created", "created"]);
}
