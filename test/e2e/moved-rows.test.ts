// Rows sorted, moved or deleted by people while a run waits on the network: results land on the rows
// of their own offers, and every offer is created exactly once.

import { afterAll, describe, expect, test } from "@jest/globals";
import type { SpreadsheetModel } from "../../tools/gas-runtime";
import {
  expectExactlyOnce,
  isFetch,
  killAtWriteBackAfterSend,
  messageOf,
  onCall,
  rowOf,
  statusOf,
} from "./probes";
import { warmPacing } from "./warm-pacing";
import {
  cellText,
  postedNumbers,
  runLogMessages,
  runOk,
  sheetColumn,
  stopDouble,
  type World,
  world,
} from "./world";

afterAll(stopDouble);

/** Each offer's row shows the ID MijnKlantportaal gave that offer number (and no other row shows it). */
async function expectRowsMatchApi(w: World): Promise<void> {
  const stored = await w.api.offers();
  const byId = new Map(stored.map((o) => [o.id, o.offerNumber]));
  const nums = sheetColumn(w.ss, "Offers", "Offer number");
  const ids = sheetColumn(w.ss, "Offers", "Offer ID");
  nums.forEach((n, i) => {
    const id = ids[i] ?? "";
    if (id !== "") expect({ row: i + 2, id, n: byId.get(id) }).toEqual({ row: i + 2, id, n });
  });
  expect(new Set(ids.filter((id) => id !== "")).size).toBe(ids.filter((id) => id !== "").length);
}

describe("rows moved by people while a run is busy", () => {
  /** Six offers; MV-3 is `skip`, MV-5 was created earlier (it exists in MijnKlantportaal). */
  async function movedWorld(): Promise<World> {
    const w = await world({
      offers: [
        ["MV-1", "cst_demo0001", "2025-04-14"],
        ["MV-2", "cst_demo0002", "2025-04-14"],
        ["MV-3", "cst_demo0001", "2025-04-14", "", "", "skip", "", "", "keep me"],
        ["MV-4", "cst_demo0003", "2025-04-14"],
        ["MV-5", "cst_demo0001", "2025-04-14", "", "", "created", "", "1.00"],
        ["MV-6", "cst_demo0002", "2025-04-14"],
      ],
      lines: ["MV-1", "MV-2", "MV-3", "MV-4", "MV-5", "MV-6"].map((n) => [n, `Work ${n}`, 1, 21]),
    });
    const [mv5] = await w.api.seedOffers([{ offerNumber: "MV-5", customerId: "cst_demo0001" }]);
    w.ss.setCell("Offers", 6, 7, mv5?.id ?? "");
    return w;
  }

  const mv5Id = async (w: World) => (await w.api.offers()).find((o) => o.offerNumber === "MV-5")?.id;

  test.each([
    ["sorted descending", (ss: SpreadsheetModel) => ss.sortRows("Offers", 1, false)],
    ["rows inserted on top", (ss: SpreadsheetModel) => ss.insertRows("Offers", 2, 3)],
    [
      "a row above deleted and the rest sorted",
      (ss: SpreadsheetModel) => {
        ss.deleteRows("Offers", 4, 1); // MV-3, the skipped one
        ss.sortRows("Offers", 2, true);
      },
    ],
  ])(
    "while the requests are out (%s): results land on the row holding the offer number",
    async (_l, move) => {
      const w = await movedWorld();
      runOk(w, "createPendingOffers", [], { kill: onCall(isFetch, () => move(w.ss)) });
      await expectExactlyOnce(w, ["MV-1", "MV-2", "MV-4", "MV-6"]);
      await expectRowsMatchApi(w);
      if (rowOf(w, "MV-3") > 1) {
        expect(statusOf(w, "MV-3")).toBe("skip");
        expect(messageOf(w, "MV-3")).toBe("keep me");
      }
      expect(statusOf(w, "MV-5")).toBe("created");
      expect(cellText(w.ss, "Offers", rowOf(w, "MV-5"), "Offer ID")).toBe(await mv5Id(w));
    },
  );

  test("the row being sent is deleted meanwhile: nothing lands on another row, and the Run log says so", async () => {
    const w = await movedWorld();
    const before = w.ss.values("Offers").map((r) => JSON.stringify(r));
    runOk(w, "createPendingOffers", [], { kill: onCall(isFetch, () => w.ss.deleteRows("Offers", 3, 1)) });
    await expectRowsMatchApi(w);
    expect(rowOf(w, "MV-2")).toBe(1); // gone
    expect(runLogMessages(w.ss).at(-1)).toMatch(/MV-2/i);
    expect(statusOf(w, "MV-3")).toBe("skip");
    expect(before.length).toBe(7);
  });

  test("the last rows deleted while the requests are out, the sheet ending at its data: the others' results land", async () => {
    const w = await movedWorld();
    // No empty rows below the data, so the cells first read reach past the sheet's edge afterwards.
    w.ss.sheet("Offers").maxRows = 7;
    runOk(w, "createPendingOffers", [], { kill: onCall(isFetch, () => w.ss.deleteRows("Offers", 6, 2)) });
    await expectRowsMatchApi(w);
    expect(rowOf(w, "MV-6")).toBe(1); // gone
    for (const n of ["MV-1", "MV-2", "MV-4"]) expect(statusOf(w, n)).toBe("created");
    expect(runLogMessages(w.ss).at(-1)).toMatch(/MV-6/);
  });

  test("killed after the requests went out, rows sorted and moved, then re-run: exactly once, on the right rows", async () => {
    const w = await movedWorld();
    warmPacing(w);
    const killed = w.run("createPendingOffers", [], { kill: killAtWriteBackAfterSend() });
    expect(killed.killed).toBe("killed");
    expect(sheetColumn(w.ss, "Offers", "Status").filter((s) => s === "sending").length).toBe(4);
    w.ss.sortRows("Offers", 1, false);
    w.ss.insertRows("Offers", 3, 2);
    w.ss.deleteRows("Offers", rowOf(w, "MV-3"), 1);
    runOk(w, "createPendingOffers");
    runOk(w, "createPendingOffers");
    await expectExactlyOnce(w, ["MV-1", "MV-2", "MV-4", "MV-6"]);
    await expectRowsMatchApi(w);
  });

  // Was a bug: until the first request, the product wrote with the row numbers of its first read.
  // A sort between the read and the marking (here: at the progress toast, after both sheets are
  // read and before anything is written) must not put the `sending` marks on other offers' rows.
  test("sorted between the read and the marking: `sending` marks land on the right rows", async () => {
    const w = await movedWorld();
    const isToast = (c: { service: string; method: string }) =>
      c.service === "Spreadsheet" && c.method === "toast";
    runOk(w, "createPendingOffers", [], { kill: onCall(isToast, () => w.ss.sortRows("Offers", 1, false)) });
    await expectExactlyOnce(w, ["MV-1", "MV-2", "MV-4", "MV-6"]);
    await expectRowsMatchApi(w);
    const after = () => ({
      mv3: [statusOf(w, "MV-3"), messageOf(w, "MV-3")],
      mv5: [statusOf(w, "MV-5"), cellText(w.ss, "Offers", rowOf(w, "MV-5"), "Offer ID")],
    });
    const id5 = await mv5Id(w);
    const snapshot = after();
    // The next run must not send the row the user marked skip.
    runOk(w, "createPendingOffers");
    const sent = await postedNumbers(w.api);
    expect({ snapshot, sent }).toEqual({
      snapshot: { mv3: ["skip", "keep me"], mv5: ["created", id5] },
      sent: ["MV-1", "MV-2", "MV-4", "MV-6"],
    });
  });

  test("sorted between the read and the marking: every offer sent is still created exactly once", async () => {
    const w = await movedWorld();
    const isWrite = (c: { service: string; method: string }) =>
      c.service === "Range" && (c.method === "setValues" || c.method === "setNumberFormat");
    runOk(w, "createPendingOffers", [], { kill: onCall(isWrite, () => w.ss.sortRows("Offers", 1, false)) });
    await expectExactlyOnce(w, ["MV-1", "MV-2", "MV-4", "MV-6"]);
    await expectRowsMatchApi(w);
  });

  test("refreshOfferStatuses: rows sorted while the lookups are out get their own offer's status", async () => {
    const w = await world({ offers: [], lines: [] });
    const seeded = await w.api.seedOffers(
      Array.from({ length: 6 }, (_, i) => ({
        offerNumber: `RF-${i + 1}`,
        issuedAt: "2025-04-01",
        expiresAt: "2025-06-01",
        ...(i % 2 === 0 ? { acceptedAt: "2025-04-10 10:00:00" } : { rejectedAt: "2025-04-11 11:00:00" }),
      })),
    );
    seeded.forEach((o, i) => {
      const row = i + 2;
      const cells = [o.offerNumber, o.customerId, "2025-04-01", "2025-06-01", "", "created", o.id, o.amount];
      cells.forEach((v, c) => {
        w.ss.setCell("Offers", row, c + 1, v);
      });
    });
    runOk(w, "refreshOfferStatuses", [], { kill: onCall(isFetch, () => w.ss.sortRows("Offers", 1, false)) });
    const nums = sheetColumn(w.ss, "Offers", "Offer number");
    const st = sheetColumn(w.ss, "Offers", "Status");
    nums.forEach((n, i) => {
      const k = Number(n.slice(3)) - 1;
      expect({ n, status: st[i] }).toEqual({ n, status: k % 2 === 0 ? "accepted" : "rejected" });
    });
    await expectRowsMatchApi(w);
  });
});

describe("the Status header changed by people while a run is busy", () => {
  test("the run stops in plain words, and once it is back the next run settles the rows without sending again", async () => {
    const w = await world({
      offers: [
        ["HC-1", "cst_demo0001", "2025-04-14"],
        ["HC-2", "cst_demo0002", "2025-04-14"],
      ],
      lines: [
        ["HC-1", "Work", 1, 21],
        ["HC-2", "Work", 1, 21],
      ],
    });
    const r = w.run("createPendingOffers", [], {
      kill: onCall(isFetch, () => w.ss.setCell("Offers", 1, 6, "State")),
    });
    expect(r.error).toBeUndefined();
    const said = runLogMessages(w.ss).at(-1) ?? "";
    expect(said).toMatch(
      /^The column Offer number or Status disappeared from the sheet Offers during the run/,
    );
    expect(said).not.toMatch(/COLUMNS_CHANGED|unexpected/);
    expect(w.ss.toasts.at(-1)?.message ?? w.ss.alerts.at(-1) ?? "").not.toMatch(/COLUMNS_CHANGED/);
    // The first request was out when the header changed; nothing more went out after it.
    expect(await postedNumbers(w.api)).toEqual(["HC-1"]);

    w.ss.setCell("Offers", 1, 6, "Status");
    runOk(w, "createPendingOffers");
    await expectExactlyOnce(w, ["HC-1", "HC-2"]);
    expect(sheetColumn(w.ss, "Offers", "Status")).toEqual(["created", "created"]);
    await expectRowsMatchApi(w);
  });
});
