// The key echoed back in every form an API can give it (issue 11): raw, JSON-escaped (`\/`, `\u002f`),
// URL-encoded, after `Bearer` in any case, as HTML entities, escaped twice. It reaches no cell, note,
// log line, toast, alert, mail, error or reply, on creates, list reads and the key check.

import { afterAll, describe, expect, test } from "@jest/globals";
import { leaksOf } from "./leaks";
import { batch } from "./probes";
import { runOk, sheetColumn, stopDouble, type World, world } from "./world";

afterAll(stopDouble);

/** A key as MijnKlantportaal might issue one, with the characters every encoding treats apart. */
const KEY = "mkp_live_Ab/Cd+Ef=Gh/0123456789xyz";

const jsonEscaped = (s: string, slash: string) => s.replace(/\//g, slash);
const FORMS: Record<string, string> = {
  raw: KEY,
  "bearer-escaped-slash": `Bearer ${jsonEscaped(KEY, "\\/")}`,
  "escaped-slash": jsonEscaped(KEY, "\\/"),
  u002f: jsonEscaped(KEY, "\\u002f"),
  "u002F-upper": jsonEscaped(KEY, "\\u002F"),
  "url-encoded": encodeURIComponent(KEY),
  "url-lower": encodeURIComponent(KEY)
    .toLowerCase()
    .replace(/mkp_live_ab/, "mkp_live_Ab"),
  "BEARER-case": `BEARER ${KEY}`,
  "bEaReR-case": `bEaReR ${KEY}`,
  "form-bearer": `Bearer+${encodeURIComponent(KEY)}`,
  "html-entities": KEY.replace(/[/+=]/g, (c) => `&#${c.charCodeAt(0)};`),
  "escaped-twice": jsonEscaped(KEY, "\\\\\\/"),
};
const VARIANTS = (key: string): string[] => [key, ...Object.values(FORMS)].concat(key.split("/"));

/** No trace of the key: neither a form of it, nor a piece of 12 characters or more between slashes. */
function expectNoKey(w: World): void {
  const found = new Set<string>();
  for (const v of VARIANTS(KEY).filter((p) => p.length >= 12)) for (const l of leaksOf(w, v)) found.add(l);
  expect([...found]).toEqual([]);
}

async function keyWorld(n: number, prefix: string): Promise<World> {
  const w = await world({ ...batch(n, prefix), config: { apiKeys: [KEY, "test-key-0001"] } });
  w.rt.properties.user().set("MKP_API_KEY", KEY);
  return w;
}

describe("the key echoed in every form stays out of everything the product writes", () => {
  test("422 bodies (raw JSON text, as PHP escapes it) on creates: each form is redacted in Message", async () => {
    const names = Object.keys(FORMS);
    const w = await keyWorld(names.length, "KF");
    await w.api.injectFaults(
      names.map((name, i) => ({
        match: { offerNumber: `KF-${String(i + 1).padStart(4, "0")}` },
        fault: {
          kind: "status" as const,
          status: 422,
          rawBody: `{"message":"Invalid token ${FORMS[name]}","errors":{"authorization":["${FORMS[name]} lacks access"]}}`,
        },
      })),
    );
    runOk(w, "createPendingOffers");
    expect(sheetColumn(w.ss, "Offers", "Status").every((s) => s === "failed")).toBe(true);
    for (const m of sheetColumn(w.ss, "Offers", "Message")) expect(m).toContain("[API key]");
    expectNoKey(w);
  });

  test("a scheduled run: the echo in a 401 on the list read reaches no log line, console, mail or cell", async () => {
    const w = await keyWorld(2, "KS");
    runOk(w, "createPendingOffers");
    runOk(w, "enableScheduledRuns");
    await w.api.injectFaults([
      {
        match: { path: "/customer-offers" },
        times: null,
        fault: {
          kind: "status",
          status: 401,
          rawBody: `{"message":"Token ${FORMS["escaped-slash"]} revoked; ${FORMS["url-encoded"]}"}`,
        },
      },
    ]);
    w.rt.advanceToNextTrigger();
    runOk(w, "refreshOfferStatuses");
    expect(w.rt.mail.length + w.rt.logs.length).toBeGreaterThan(0);
    expectNoKey(w);
  });

  test("the key check: a 403 that echoes the key, the dialog reply and the sidebar say nothing of it", async () => {
    const w = await keyWorld(1, "KD");
    w.rt.properties.user().delete("MKP_API_KEY");
    await w.api.configure({ keyScopes: { [KEY]: ["offers.write"] } });
    await w.api.injectFaults([
      {
        match: { path: "/customer-offers" },
        fault: { kind: "status", status: 403, rawBody: `{"message":"Key ${FORMS.u002f} lacks offers.read"}` },
      },
    ]);
    runOk(w, "saveApiKeyFromDialog", [KEY]);
    runOk(w, "saveApiKey", [` ${KEY} `]);
    runOk(w, "showApiKeyDialog");
    runOk(w, "getPanelState", [{ withRuns: true }]);
    expectNoKey(w);
  });
});
