// Adversarial API cases that take a second or more each (an answer held past the fetch timeout):
// one runs in adversarial-api-create.exhaustive.test.ts, the others in adversarial-api-answers.exhaustive.test.ts.

import { expect } from "@jest/globals";
import type { DoubleConfig } from "../../tools/mkp-double/types";
import { killAfterSend } from "./large-account-cases";
import { statusOf } from "./probes";
import { runOk, world } from "./world";

const START = Date.UTC(2025, 3, 14, 8, 0);
const DAY = 86_400_000;

/**
 * K-0007 made by hand last year for the same customer, the API serving timestamps as `format`; the row
 * is left `sending`, killed before or after its request: it ends with its own offer, never last year's.
 */
export async function lastYearsNumber(format: DoubleConfig["timestampFormat"]): Promise<void> {
  for (const when of ["before", "after"] as const) {
    const w = await world({
      offers: [["K-0007", "cst_demo0001", "2025-04-14"]],
      lines: [["K-0007", "Work", 10, 21]],
      config: { timestampFormat: format },
    });
    const [old] = await w.api.seedOffers([
      { offerNumber: "K-0007", customerId: "cst_demo0001", createdAt: START - 300 * DAY },
    ]);
    if (when === "before") {
      expect(w.run("createPendingOffers", [], { kill: (c) => c.service === "UrlFetchApp" }).killed).toBe(
        "killed",
      );
    } else {
      await w.api.injectFaults([{ times: 1, fault: { kind: "created-then-timeout", holdMs: 2000 } }]);
      killAfterSend(w);
      await w.api.clearFaults();
    }
    expect(statusOf(w, "K-0007")).toBe("sending");
    runOk(w, "createPendingOffers");
    runOk(w, "createPendingOffers");
    const mine = (await w.api.offers()).filter((o) => o.offerNumber === "K-0007" && o.id !== old?.id);
    expect({ when, mine: mine.length }).toEqual({ when, mine: 1 });
    expect({ when, id: w.column("Offer ID")[0] }).toEqual({ when, id: mine[0]?.id });
  }
}
