// Values from the API and refusal reasons that look like formulas (=, +, -, @) are written as text,
// on the user's own sheets and after setupSheets.

import { afterAll, describe, expect, test } from "@jest/globals";
import { batch, formulasIn, isFetch, messageOf, onCall } from "./probes";
import { runOk, sheetColumn, stopDouble, world } from "./world";

afterAll(stopDouble);

describe("nothing written is a formula", () => {
  test.each([
    ["on the user's own sheet", false],
    ["after setupSheets", true],
  ])("API values like off_=x, =1+1, +1, @x and -1 stay text (%s)", async (_l, setup) => {
    const w = await world(batch(3, "FX"));
    if (setup) runOk(w, "setupSheets");
    const offer = (id: string, amount: string, createdAt: string) => ({
      id,
      customerId: "cst_demo0001",
      offerNumber: "x",
      issuedAt: "2025-04-14",
      expiresAt: "2025-05-14",
      currency: "EUR",
      amount,
      acceptedAt: null,
      rejectedAt: null,
      createdAt,
    });
    await w.api.injectFaults([
      {
        match: { offerNumber: "FX-0001" },
        fault: { kind: "status", status: 201, body: { id: "off_=x", amount: "=1+1", createdAt: "+1" } },
      },
      {
        match: { offerNumber: "FX-0002" },
        fault: { kind: "status", status: 201, body: offer("off_@x", "@SUM(A1)", "=NOW()") },
      },
      {
        match: { offerNumber: "FX-0003" },
        fault: { kind: "status", status: 200, body: offer("off_-1", "-1+2", "-1") },
      },
    ]);
    runOk(w, "createPendingOffers");
    expect(formulasIn(w.ss)).toEqual([]);
    for (const sheet of w.ss.sheets) {
      expect(
        w.ss
          .formulas(sheet.name)
          .flat()
          .filter((f) => f !== ""),
      ).toEqual([]);
    }
    expect(sheetColumn(w.ss, "Offers", "Offer ID")).toEqual(["off_=x", "off_@x", "off_-1"]);
    expect(sheetColumn(w.ss, "Offers", "Amount")).toEqual(["=1+1", "@SUM(A1)", "-1+2"]);
    expect(
      w.ss
        .values("Offers")
        .slice(1)
        .map((r) => typeof r[7]),
    ).toEqual(["string", "string", "string"]);
    // Created at holds what the API said, not a formula's result.
    expect(sheetColumn(w.ss, "Offers", "Created at")[1]).toBe("=NOW()");
  });

  test("a refusal whose reason starts with = or + stays text in Message, also on rows sorted meanwhile", async () => {
    const w = await world(batch(3, "FR"));
    await w.api.injectFaults([
      {
        match: { offerNumber: "FR-0002" },
        fault: { kind: "status", status: 422, body: { message: '=HYPERLINK("http://x","y")', errors: {} } },
      },
      {
        match: { offerNumber: "FR-0003" },
        fault: { kind: "status", status: 422, body: { errors: ["+31 not allowed"] } },
      },
    ]);
    runOk(w, "createPendingOffers", [], { kill: onCall(isFetch, () => w.ss.sortRows("Offers", 1, false)) });
    expect(formulasIn(w.ss)).toEqual([]);
    // The API's words, as text, inside the Message that says what to do.
    expect(messageOf(w, "FR-0002")).toContain(': =HYPERLINK("http://x","y") (HTTP 422)');
    expect(messageOf(w, "FR-0003")).toContain(": +31 not allowed (HTTP 422)");
  });
});
