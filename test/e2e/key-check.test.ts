// The key check of saveApiKey (CONTRACT §3) and what a refused key says (issue 11): one GET of the
// offer list, a least-privilege key accepted, and a 403 naming the permission the key lacks.

import { afterAll, describe, expect, test } from "@jest/globals";
import { batch, lastAlert } from "./probes";
import { runLogMessages, runOk, sheetColumn, stopDouble, world } from "./world";

afterAll(stopDouble);

const LEAST = "mkp_live_least0privilege01";

describe("saveApiKey checks the key with one GET /customer-offers?page=1", () => {
  test("a least-privilege key (offers.read + offers.write) is saved and verified", async () => {
    const w = await world({
      withKey: false,
      config: { keyScopes: { [LEAST]: ["offers.read", "offers.write"] } },
    });
    const reply = runOk(w, "saveApiKey", [LEAST]);
    expect(String(reply.returned)).toMatch(/^Saved\. MijnKlantportaal accepted the key/);
    expect(w.rt.properties.user().get("MKP_API_KEY")).toBe(LEAST);
    const requests = await w.api.requests();
    // The check is the one GET of the offer list; once the key is accepted, one GET of the customer
    // list tells whether customer names can be looked up with it (issue 12): this key cannot.
    expect(requests.map((r) => `${r.method} ${r.path}?${new URLSearchParams(r.query).toString()}`)).toEqual([
      "GET /v1/customer-offers?page=1",
      "GET /v1/customers?page=1",
    ]);
    expect(String(reply.returned)).toMatch(/customers\.read/);
  });

  test("a key without offers.read is refused, saying it lacks offers.read; nothing is saved", async () => {
    const w = await world({
      withKey: false,
      config: { keyScopes: { [LEAST]: ["offers.write", "customers.read"] } },
    });
    const reply = runOk(w, "saveApiKeyFromDialog", [LEAST]);
    const answer = reply.returned as { outcome: string; message: string };
    expect(answer.outcome).toBe("refused");
    expect(answer.message).toContain("offers.read");
    expect(answer.message).not.toContain(LEAST);
    expect(w.rt.properties.user().get("MKP_API_KEY")).toBeUndefined();
  });

  test("a wrong key (401) is refused as wrong or revoked", async () => {
    const w = await world({ withKey: false });
    const reply = runOk(w, "saveApiKeyFromDialog", ["mkp_live_unknown000000000"]);
    const answer = reply.returned as { outcome: string; message: string };
    expect(answer.outcome).toBe("refused");
    expect(answer.message).toMatch(/wrong|mistyped|revoked/i);
    expect(answer.message).not.toContain("offers.read");
  });
});

describe("a 403 during a run names the permission the key lacks", () => {
  test("a key without offers.write: the create run stops, says offers.write, marks no row failed", async () => {
    const w = await world({
      ...batch(2, "P"),
      withKey: false,
      config: { keyScopes: { [LEAST]: ["offers.read"] } },
    });
    w.rt.properties.user().set("MKP_API_KEY", LEAST);
    runOk(w, "createPendingOffers");
    expect(lastAlert(w)).toContain("offers.write");
    expect(runLogMessages(w.ss).at(-1)).toContain("offers.write");
    expect(sheetColumn(w.ss, "Offers", "Status")).not.toContain("failed");
  });

  test("a key without offers.read: refreshing statuses says offers.read", async () => {
    const w = await world({ ...batch(1, "PR") });
    runOk(w, "createPendingOffers");
    await w.api.configure({ keyScopes: { "test-key-0001": ["offers.write"] } });
    runOk(w, "refreshOfferStatuses");
    expect(lastAlert(w)).toContain("offers.read");
  });
});
