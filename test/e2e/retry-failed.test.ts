// retryFailedOffers (CONTRACT §3) over the built bundle: says how many rows are `failed`, asks first,
// then clears their Status and creates exactly those again; "No" or nothing failed changes nothing.
import { afterAll, describe, expect, test } from "@jest/globals";
import { batch, expectExactlyOnce } from "./batches";
import { cellText, postedNumbers, runLogRows, runOk, stopDouble, type World, world } from "./world";

afterAll(stopDouble);

const refuse = (offerNumber: string) => ({
  match: { method: "POST", path: "/customer-offers/manual", offerNumber },
  times: 1,
  fault: { kind: "status" as const, status: 422, body: { message: "Customer is blocked" } },
});

/** Five offers, two of which MijnKlantportaal refused once (`failed`), and one left pending. */
async function withTwoFailed(): Promise<World> {
  const w = await world(batch(5, "RF"));
  await w.api.injectFaults([refuse("RF-00002"), refuse("RF-00004")]);
  runOk(w, "createPendingOffers");
  expect(w.column("Status")).toEqual(["created", "failed", "created", "failed", "created"]);
  // A row typed in afterwards: pending, and not part of a retry.
  for (const [col, v] of ["RF-00006", "cst_demo0001", "2025-04-14"].entries())
    w.ss.setCell("Offers", 7, col + 1, v);
  for (const [col, v] of ["RF-00006", "Licence", "100.00", 21].entries())
    w.ss.setCell("Offer lines", 12, col + 1, v);
  return w;
}

describe("retryFailedOffers", () => {
  test("asks with the number of failed rows; on Yes clears and creates exactly those, once each", async () => {
    const w = await withTwoFailed();
    const posted = (await postedNumbers(w.api)).length;
    w.ss.alertReplies.push("YES");
    const result = runOk(w, "retryFailedOffers");
    const question = w.ss.alerts.at(-1);
    expect(question?.title).toBe("Retry failed offers?");
    expect(question?.message).toBe(
      "2 rows are marked failed. Clear their Status and create them again in MijnKlantportaal?",
    );
    expect(question?.buttons).toBe("YES_NO");
    expect((await postedNumbers(w.api)).slice(posted)).toEqual(["RF-00002", "RF-00004"]);
    expect(w.column("Status")).toEqual(["created", "created", "created", "created", "created", ""]);
    expect(cellText(w.ss, "Offers", 3, "Message")).toBe("");
    expect(String(result.returned)).toMatch(/^2 created/);
    expect(runLogRows(w.ss)).toHaveLength(2);
    // The ask came before the lock: nobody waits on the document lock while the question is open.
    const lockAt = result.calls.findIndex((c) => c.service === "Lock" || c.method === "getDocumentLock");
    const askAt = result.calls.findIndex((c) => c.service === "Ui" && c.method === "alert");
    expect(askAt).toBeGreaterThanOrEqual(0);
    expect(lockAt).toBeGreaterThan(askAt);
    runOk(w, "createPendingOffers");
    await expectExactlyOnce(w, 6);
  });

  test("on No nothing changes and nothing is sent", async () => {
    const w = await withTwoFailed();
    const before = w.offers();
    const posted = (await postedNumbers(w.api)).length;
    w.ss.alertReplies.push("NO");
    const result = runOk(w, "retryFailedOffers");
    expect(String(result.returned)).toBe("Nothing was changed: the failed rows stay as they are.");
    expect(w.offers()).toEqual(before);
    expect((await postedNumbers(w.api)).length).toBe(posted);
    expect(result.counts["LockService.getDocumentLock"] ?? 0).toBe(0);
  });

  test("with no failed row it says so and asks nothing", async () => {
    const w = await world(batch(2, "RN"));
    runOk(w, "createPendingOffers");
    const alerts = w.ss.alerts.length;
    const result = runOk(w, "retryFailedOffers");
    expect(String(result.returned)).toBe("No row in Offers is marked failed: there is nothing to retry.");
    expect(w.ss.alerts.length).toBe(alerts);
    expect(w.ss.toasts.at(-1)?.message).toBe(String(result.returned));
  });

  test("a Dutch spreadsheet is asked in Dutch", async () => {
    const w = await world({ ...batch(2, "NL"), locale: "nl_NL" });
    w.ss.setCell("Offers", 3, 6, "failed");
    w.ss.alertReplies.push("YES");
    runOk(w, "retryFailedOffers");
    expect(w.ss.alerts.at(-1)?.message).toBe(
      "1 rij staat op mislukt. De status leegmaken en de offerte opnieuw aanmaken in MijnKlantportaal?",
    );
    expect(await postedNumbers(w.api)).toEqual(["NL-00002"]);
  });
});
