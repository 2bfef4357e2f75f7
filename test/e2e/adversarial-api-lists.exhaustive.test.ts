// Adversarial list answers the docs leave open (mkp-api.md §2 documents only Laravel's simple paginator):
// other envelopes, 404 for a page past the end, a next page after a full last page, the page size
// changing in the middle of a walk. Each against CONTRACT §6: a `sending` row is settled by a lookup that
// is certain, and no offer number is created twice.

import { afterAll, describe, expect, test } from "@jest/globals";
import { expectExactlyOnce, lostSending, settleSending as settle } from "./probes";
import { postedNumbers, stopDouble } from "./world";

afterAll(stopDouble);

const START = Date.UTC(2025, 3, 14, 8, 0);

describe("list envelopes other than the documented one", () => {
  test.each([
    ["length-aware (total, last_page, links[])", "length-aware", "asc"],
    ["length-aware, newest first", "length-aware", "desc"],
    ["API resource (data, links{}, meta{}), oldest first", "resource", "asc"],
    ["API resource, newest first", "resource", "desc"],
  ] as const)("%s: `sending` rows are settled once, nothing twice", async (_l, listEnvelope, listOrder) => {
    const { w, numbers } = await lostSending(3, 200, { listEnvelope, listOrder });
    expect(settle(w, numbers)).toBeLessThanOrEqual(2);
    await expectExactlyOnce(w, numbers);
  });
});

describe("the end of the list", () => {
  // Laravel answers a page past the end with 200 and empty data; another server (or a proxy in front of
  // it) may answer 404. The product finds the last page by probing past it (findLastPage), so a 404 there
  // must mean "past the end", not "cannot read the list" — else the rows stay `sending` for ever.
  test.each(["asc", "desc"] as const)(
    "a page past the end answers 404 (list %s): `sending` rows are still settled, nothing twice",
    async (listOrder) => {
      const { w, numbers } = await lostSending(3, 200, { pastEndStatus: 404, listOrder });
      await w.api.clearRequests();
      expect(settle(w, numbers)).toBeLessThanOrEqual(2);
      await expectExactlyOnce(w, numbers);
      // A 404 for a list page is asked once more (one odd 404 must not hide the pages after it; see
      // the fuzz walks), then taken as the end: each page past the end at most twice per run.
      const pastEnd = (await w.api.requests()).filter((r) => r.status === 404).map((r) => r.query.page);
      const times = new Map<unknown, number>();
      for (const p of pastEnd) times.set(p, (times.get(p) ?? 0) + 1);
      // (settle runs at most twice here)
      expect([...times.values()].every((n) => n <= 2 * 2)).toBe(true);
    },
  );

  test.each(["asc", "desc"] as const)(
    "a full last page still points to a next (empty) one (list %s): settled, nothing twice",
    async (listOrder) => {
      // 3 sent + 27 old = 30 offers: two full pages of 15.
      const { w, numbers } = await lostSending(3, 27, { nextOnFullLastPage: true, listOrder });
      expect(settle(w, numbers)).toBeLessThanOrEqual(2);
      await expectExactlyOnce(w, numbers);
    },
  );
});

describe("the page size changes in the middle of a walk", () => {
  // A deploy between two page reads changes the server's page size: page N no longer starts where the
  // walk thinks it does, and offers can fall between two pages read. A "not found" must stay certain.
  test.each([
    ["newest first, 15 → 20 before page 2", "desc", 20],
    ["newest first, 15 → 10 before page 2", "desc", 10],
    ["oldest first, 15 → 20 before page 2", "asc", 20],
    ["oldest first, 15 → 10 before page 2", "asc", 10],
  ] as const)("%s: no offer created twice", async (_l, listOrder, perPage) => {
    // Other offers made after ours push them off the newest page: 40 made by someone else meanwhile.
    const { w, numbers } = await lostSending(10, 60, { listOrder }, [
      { page: 2, action: { kind: "configure", config: { perPage } } },
    ]);
    for (let i = 0; i < 40; i++)
      await w.api.seedOffers([{ offerNumber: `OTHER-${i}`, createdAt: START + 1000 }]);
    settle(w, numbers);
    const sent = await postedNumbers(w.api);
    expect(sent.filter((n, i) => sent.indexOf(n) !== i)).toEqual([]);
    await expectExactlyOnce(w, numbers);
  });
});
