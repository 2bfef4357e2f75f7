// Code few executions need lives outside Code.js (core/features.ts, shell/feature-file.ts): over the
// built project, each execution reads only the feature files it uses, each at most once; a feature
// works on the script's own modules (the language chosen, the key's redaction), not copies; and
// Code.js stays under the 100 KB the guide asks.

import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "@jest/globals";
import { customer, customerIds, customerWorld, lineRow, offerRow } from "./customers-world";
import { API_KEY, DIST, LINE_HEADERS, OFFER_HEADERS, runOk, stopDouble, world } from "./world";

afterAll(stopDouble);

const FEATURES = ["FeatureCustomers", "FeatureLookups", "FeatureRefresh", "FeatureSettings"] as const;
type Feature = (typeof FEATURES)[number];
const READ = "HtmlService.createHtmlOutputFromFile";

const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** The built project with the given feature files replaced by a script that throws if evaluated. */
function distWithout(...broken: Feature[]): string {
  const dir = mkdtempSync(join(tmpdir(), "mkp-features-"));
  copies.push(dir);
  for (const f of readdirSync(DIST)) copyFileSync(join(DIST, f), join(dir, f));
  for (const f of broken) writeFileSync(join(dir, `${f}.html`), `throw new Error("${f} was read");`);
  return dir;
}

const others = (...used: Feature[]): Feature[] => FEATURES.filter((f) => !used.includes(f));

describe("reading the feature files", () => {
  test("Code.js is under 100 KB; each feature is a file of its own", () => {
    expect(statSync(join(DIST, "Code.js")).size).toBeLessThan(100_000);
    for (const f of FEATURES) expect(statSync(join(DIST, `${f}.html`)).size).toBeGreaterThan(1000);
  });

  test("onOpen, a sidebar poll, and a create run of offers naming cst_… IDs read no feature", async () => {
    const w = await world({
      runtime: { distDir: distWithout(...FEATURES) },
      offers: [["F-1", "cst_demo0001", "2025-04-14"]],
      lines: [lineRow("F-1")],
    });
    const opened = runOk(w, "onOpen", [{ authMode: "LIMITED" }], { authMode: "LIMITED" });
    const polled = runOk(w, "getPanelState", [{ withRuns: true }]);
    const created = runOk(w, "createPendingOffers");
    expect(w.column("Status")).toEqual(["created"]);
    expect(opened.counts[READ] ?? 0).toBe(0);
    expect(polled.counts[READ] ?? 0).toBe(0);
    // Its texts only.
    expect(created.counts[READ]).toBe(1);
  });

  test("offers naming customers by company name: the customers feature, once", async () => {
    const w = await customerWorld([customer(1), customer(2)], {
      runtime: { distDir: distWithout(...others("FeatureCustomers")) },
      sheets: {
        Offers: [OFFER_HEADERS, offerRow("N-1", "Klant 1 B.V."), offerRow("N-2", "klant 2 bv")],
        "Offer lines": [LINE_HEADERS, lineRow("N-1"), lineRow("N-2")],
      },
    });
    const run = runOk(w, "createPendingOffers");
    expect(w.column("Status")).toEqual(["created", "created"]);
    expect(w.column("Customer ID")).toEqual(["cst_t0001", "cst_t0002"]);
    // The texts, then the feature once, however many rows and calls used it.
    expect(run.counts[READ]).toBe(2);
  });

  test("a Dutch spreadsheet: the customers feature speaks Dutch (the script's language, not a copy's)", async () => {
    const w = await customerWorld([customer(1)], {
      locale: "nl_NL",
      sheets: {
        Offers: [OFFER_HEADERS, offerRow("N-1", "Onbekend Bedrijf B.V.")],
        "Offer lines": [LINE_HEADERS, lineRow("N-1")],
      },
    });
    runOk(w, "createPendingOffers");
    const message = w.column("Message")[0] ?? "";
    // The field as the sheet's header names it, the rest in Dutch.
    expect(message).toMatch(/^Customer ID: geen klant "Onbekend Bedrijf B\.V\." gevonden in Klanten\./);
    expect(message).not.toMatch(/\b(no|found|or)\b/);
  });

  test("Set up sheets reads the customers feature only (it sets up the customers' sheets too); a refresh the refresh and lookups features", async () => {
    const w = await world({
      runtime: { distDir: distWithout(...others("FeatureCustomers")) },
      offers: [["S-1", "cst_demo0001", "2025-04-14"]],
      lines: [lineRow("S-1")],
    });
    const setup = runOk(w, "setupSheets");
    expect(w.ss.findSheet("Run log")).toBeTruthy();
    expect(setup.counts[READ]).toBe(2);
    const v = await world({
      runtime: { distDir: distWithout("FeatureCustomers") },
      offers: [["R-1", "cst_demo0001", "2025-04-14"]],
      lines: [lineRow("R-1")],
    });
    runOk(v, "createPendingOffers");
    v.rt.clock.advance(2 * 3_600_000);
    const refresh = runOk(v, "refreshOfferStatuses");
    expect(v.column("Status")).toEqual(["created"]);
    expect(refresh.counts[READ]).toBe(3);
  });

  test("the key, hourly runs on and off, retrying failed offers: the settings feature only, once each", async () => {
    const failed = ["T-1", "cst_demo0001", "2025-04-14", "", "", "failed", "", "", "The API said no"];
    const w = await world({
      runtime: { distDir: distWithout(...others("FeatureSettings")) },
      withKey: false,
      offers: [failed],
      lines: [lineRow("T-1")],
    });
    const saved = runOk(w, "saveApiKey", [API_KEY]);
    expect(String(saved.returned)).toMatch(/saved/i);
    expect(saved.counts[READ]).toBe(2);
    const on = runOk(w, "enableScheduledRuns");
    expect(String(on.returned)).toMatch(/^Hourly runs are on/);
    expect(w.rt.triggers.filter((t) => t.type === "hourly")).toHaveLength(1);
    const retried = runOk(w, "retryFailedOffers");
    expect(w.column("Status")).toEqual(["created"]);
    expect(retried.counts[READ]).toBe(2);
    const off = runOk(w, "disableScheduledRuns");
    expect(String(off.returned)).toMatch(/^Hourly runs are off/);
    expect(w.rt.triggers).toEqual([]);
    for (const r of [on, off]) expect(r.counts[READ]).toBe(2);
    expect(String(runOk(w, "clearApiKey").returned)).toMatch(/removed/);
  });

  test("a row left `sending`: the create run reads the lookups feature to find its offer", async () => {
    const w = await world({
      runtime: { distDir: distWithout(...others("FeatureLookups")) },
      offers: [["L-1", "cst_demo0001", "2025-04-14", "", "", "sending"]],
      lines: [lineRow("L-1")],
    });
    const [seeded] = await w.api.seedOffers([{ offerNumber: "L-1", customerId: "cst_demo0001" }]);
    const run = runOk(w, "createPendingOffers");
    expect(w.column("Status")).toEqual(["created"]);
    expect(w.column("Offer ID")).toEqual([seeded?.id]);
    expect((await w.api.offers()).filter((o) => o.offerNumber === "L-1")).toHaveLength(1);
    expect(run.counts[READ]).toBe(2);
  });

  test("an hourly run whose daily sync is due reads refresh and customers once each", async () => {
    const w = await customerWorld([customer(1), customer(2), customer(3)], {
      sheets: {
        Offers: [OFFER_HEADERS, offerRow("H-1", "cst_t0001")],
        "Offer lines": [LINE_HEADERS, lineRow("H-1")],
      },
    });
    runOk(w, "enableScheduledRuns");
    const hourly = w.rt.advanceToNextTrigger();
    expect(hourly?.error).toBeUndefined();
    expect(w.column("Status")).toEqual(["created"]);
    expect(customerIds(w)).toEqual(["cst_t0001", "cst_t0002", "cst_t0003"]);
    expect(hourly?.counts[READ]).toBe(3);
  });
});
