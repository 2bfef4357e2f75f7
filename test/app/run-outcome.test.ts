// What a use case hands back (src/app/run-outcome.ts): a stop the user must act on.

import { describe, expect, test } from "@jest/globals";
import { stopped } from "../../src/app/run-outcome";

describe("stopped", () => {
  test("carries the message, marks the run stopped, and counts nothing unless told", () => {
    expect(stopped("No API key.")).toEqual({
      counts: { created: 0, failed: 0, invalid: 0, skipped: 0, pending: 0 },
      message: "No API key.",
      stopped: true,
    });
  });

  test("keeps the counts of what the run did before it stopped, and schedules no continuation", () => {
    const counts = { created: 3, failed: 1, invalid: 0, skipped: 2, pending: 4 };
    const o = stopped("Key refused.", counts);
    expect(o.counts).toEqual(counts);
    expect(o.stopped).toBe(true);
    expect(o.continueAt).toBeUndefined();
  });

  test("each stop gets counts of its own", () => {
    const a = stopped("a");
    a.counts.created = 5;
    expect(stopped("b").counts.created).toBe(0);
  });
});
