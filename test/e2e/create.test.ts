import { afterAll, describe, expect, test } from "@jest/globals";
import { expectOk, stopDouble, world } from "./world";

afterAll(stopDouble);

describe("creating offers", () => {
  test("offers with one to many lines become exactly the bodies the API expects", async () => {
    const w = await world({
      offers: [
        ["2025-001", "cst_abc12345def678", { date: "2025-04-14" }, "", { v: true, checkbox: true }],
        [{ v: 2024001, f: "0" }, "cst_demo0001", "2025-04-15", "2025-05-01", "nee"],
        [
          { v: 7, f: "000" },
          " cst_demo0002 ",
          { date: "2025-04-16", f: "d mmmm yyyy" },
          { date: "2025-06-30" },
          "",
        ],
      ],
      lines: [
        ["2025-001", "Website template", 12.95, 21],
        ["2024001", "Workshop", { v: 1234.5, f: "#,##0.00" }, { v: 0.09, f: "0%" }],
        ["2024001", "Discount", -10, 0],
        ["2025-001", "Hosting", 120, "21"],
        ["007", "Support", "0.10", 21],
        ["007", "Extra", 0.2, 21],
      ],
    });
    const result = w.run("createPendingOffers");
    expectOk(result);
    const received = (await w.api.requests()).filter((r) => r.method === "POST").map((r) => r.body);
    expect(received).toEqual([
      {
        customerId: "cst_abc12345def678",
        offerNumber: "2025-001",
        issuedAt: "2025-04-14",
        expiresAt: "2025-05-14",
        lines: [
          { description: "Website template", amountExclVat: "12.95", vatRate: 21 },
          { description: "Hosting", amountExclVat: "120.00", vatRate: 21 },
        ],
        sendNotification: true,
      },
      {
        customerId: "cst_demo0001",
        offerNumber: "2024001",
        issuedAt: "2025-04-15",
        expiresAt: "2025-05-01",
        lines: [
          { description: "Workshop", amountExclVat: "1234.50", vatRate: 9 },
          { description: "Discount", amountExclVat: "-10.00", vatRate: 0 },
        ],
        sendNotification: false,
      },
      {
        customerId: "cst_demo0002",
        offerNumber: "007",
        issuedAt: "2025-04-16",
        expiresAt: "2025-06-30",
        lines: [
          { description: "Support", amountExclVat: "0.10", vatRate: 21 },
          { description: "Extra", amountExclVat: "0.20", vatRate: 21 },
        ],
      },
    ]);
    const stored = await w.api.offers();
    expect(w.column("Status")).toEqual(["created", "created", "created"]);
    expect(w.column("Offer ID")).toEqual(stored.map((o) => o.id));
    expect(w.column("Offer ID").every((id) => /^off_[a-z0-9]+$/.test(id))).toBe(true);
    expect(w.column("Amount")).toEqual(["132.95", "1224.50", "0.30"]);
    expect(w.column("Message")).toEqual(["", "", ""]);
    // createdAt as the user reads it: the API's time, in the spreadsheet's zone (Amsterdam here).
    expect(w.column("Created at")).toEqual(stored.map((o) => o.createdAt.slice(0, 19).replace("T", " ")));
    expect(stored[0]?.createdAt).toMatch(/\+02:00$/);
    const log = w.ss.displayValues("Run log");
    expect(log[1]?.slice(1, 8)).toEqual(["create", "menu", "3", "0", "0", "0", "0"]);
  });
});

test("timestamps are written in the spreadsheet's zone; one without an offset is shown as the API gives it", async () => {
  const w = await world({
    timeZone: "America/New_York",
    offers: [
      ["T-1", "cst_demo0001", "2025-04-14"],
      ["T-2", "cst_demo0001", "2025-04-14"],
    ],
    lines: [
      ["T-1", "x", 1, 21],
      ["T-2", "y", 1, 21],
    ],
  });
  await w.api.injectFaults([
    {
      match: { offerNumber: "T-2" },
      fault: {
        kind: "status",
        status: 201,
        body: {
          id: "off_plain",
          offerNumber: "T-2",
          customerId: "cst_demo0001",
          amount: "1.00",
          createdAt: "2025-04-14 10:00:00",
        },
      },
    },
  ]);
  expectOk(w.run("createPendingOffers"));
  const stored = (await w.api.offers())[0];
  // T-1: the API's Amsterdam time (+02:00, the runtime's virtual clock starts at 08:00 UTC) shown in
  // New York time (six hours earlier).
  // The seconds depend on the runtime's cost model (how long the run took to send): the hours do not.
  const seconds = /^2025-04-14T10:00:(\d\d)\+02:00$/.exec(stored?.createdAt ?? "")?.[1];
  expect(seconds).toBeDefined();
  expect(w.column("Created at")[0]).toBe(`2025-04-14 04:00:${seconds}`);
  expect(w.column("Created at")[1]).toBe("2025-04-14 10:00:00");
});
