// Cases of the API variants shared by api-variants.test.ts (one) and the exhaustive suite (the rest):
// each holds an answer past the fetch timeout, so it takes seconds.

import { batch, expectExactlyOnce } from "./probes";
import { runOk, world } from "./world";

/** Created-then-500 and created-then-timeout in one batch, then re-runs: every offer exactly once. */
export async function createdThen500ThenReruns(
  listOrder: "asc" | "desc",
  honourPerPage: boolean,
): Promise<void> {
  const w = await world({ ...batch(6), config: { listOrder, honourPerPage } });
  await w.api.seedOffers(Array.from({ length: 40 }, (_, i) => ({ offerNumber: `OLD-${i}` })));
  await w.api.injectFaults([
    { match: { offerNumber: "A-0003" }, times: 1, fault: { kind: "created-then-status", status: 500 } },
    { match: { offerNumber: "A-0005" }, times: 1, fault: { kind: "created-then-timeout", holdMs: 3000 } },
  ]);
  runOk(w, "createPendingOffers");
  runOk(w, "createPendingOffers");
  runOk(w, "createPendingOffers");
  await expectExactlyOnce(w, ["A-0001", "A-0002", "A-0003", "A-0004", "A-0005", "A-0006"]);
}
