// The seeded fuzz walk (issue 11) over more seeds, rates and sizes than npm test has time for: each
// walk 600 requests or more. A failure names its seed (FUZZ_SEED=… reruns it in the fast file).

import { afterAll, expect, test } from "@jest/globals";
import type { DoubleConfig } from "../../tools/mkp-double/types";
import { fuzzWalk } from "./fuzz-walk";
import { stopDouble } from "./world";

afterAll(stopDouble);

const WALKS: { seed: number; rate: number; offers: number; api?: Partial<DoubleConfig> }[] = [
  { seed: 1, rate: 0.5, offers: 40 },
  { seed: 2, rate: 0.3, offers: 60 },
  { seed: 3, rate: 0.7, offers: 30 },
  { seed: 4, rate: 0.5, offers: 80 },
  { seed: 5, rate: 0.9, offers: 20 },
  { seed: 6, rate: 0.2, offers: 100 },
  { seed: 7, rate: 0.5, offers: 40 },
  { seed: 8, rate: 0.6, offers: 50 },
  // The ways the docs leave open: a 404 past the end of the list (an odd 404 must not end a walk
  // early), the resource envelope newest first, per_page refused.
  { seed: 100, rate: 0.3, offers: 20, api: { listOrder: "asc", pastEndStatus: 404 } },
  {
    seed: 101,
    rate: 0.5,
    offers: 40,
    api: { listOrder: "desc", pastEndStatus: 404, listEnvelope: "resource" },
  },
  {
    seed: 103,
    rate: 0.3,
    offers: 40,
    api: { listOrder: "asc", perPageMode: "refuse", listEnvelope: "resource" },
  },
];

test.each(WALKS)(
  "seed $seed, rate $rate, $offers offers, api $api: 600+ requests, every check holds",
  async (walk) => {
    const report = await fuzzWalk(walk.seed, {
      offers: walk.offers,
      minRequests: 600,
      rate: walk.rate,
      ...(walk.api ? { api: walk.api } : {}),
    });
    expect(report.requests).toBeGreaterThanOrEqual(600);
  },
  180_000,
);
