// MKP_BASE_URL (CONTRACT §7): any editor can set it while the key is each user's own, so only
// MijnKlantportaal's hosts (and loopback, for testing) are used; anything else is refused, naming the
// property, before any request.

import { afterAll, describe, expect, test } from "@jest/globals";
import { batch, lastAlert } from "./probes";
import { runLogMessages, runOk, sheetColumn, stopDouble, type World, world } from "./world";

afterAll(stopDouble);

const fetches = (w: World): number =>
  w.rt.executions.reduce(
    (n, e) => n + (e.counts["UrlFetchApp.fetch"] ?? 0) + (e.counts["UrlFetchApp.fetchAll"] ?? 0),
    0,
  );

const REFUSED = [
  "https://evil.example/v1",
  "https://api.mijnklantportaal.nl@evil.example/v1",
  "https://evil.example/api.mijnklantportaal.nl/v1",
  "https://api.mijnklantportaal.nl.evil.example/v1",
  "https://evilmijnklantportaal.nl/v1",
  "http://api.mijnklantportaal.nl/v1",
  "https://api.mijnklantportaal.nl\\@evil.example/v1",
  "https://xn--mijnklantportal-ssb.nl/v1",
  "javascript:alert(1)",
  "https://localhost.evil.example/v1",
];

describe("MKP_BASE_URL outside MijnKlantportaal is refused before any request", () => {
  test.each(REFUSED)("%s: create, refresh and key check send nothing and name MKP_BASE_URL", async (base) => {
    const w = await world(batch(1, "U"));
    w.rt.properties.script.set("MKP_BASE_URL", base);
    runOk(w, "createPendingOffers");
    expect(lastAlert(w)).toContain("MKP_BASE_URL");
    runOk(w, "refreshOfferStatuses");
    expect(lastAlert(w)).toContain("MKP_BASE_URL");
    const reply = runOk(w, "saveApiKeyFromDialog", ["mkp_live_newkey0000000001"]);
    const answer = reply.returned as { outcome: string; message: string };
    expect(answer.outcome).toBe("refused");
    expect(answer.message).toContain("MKP_BASE_URL");
    expect(w.rt.properties.user().get("MKP_API_KEY")).toBe("test-key-0001");
    expect(fetches(w)).toBe(0);
    expect((await w.api.requests()).length).toBe(0);
    expect(sheetColumn(w.ss, "Offers", "Status")).toEqual([""]);
    for (const m of runLogMessages(w.ss)) expect(m).toContain("MKP_BASE_URL");
  });

  test("loopback over http, scheme and host in any case, is accepted (local testing)", async () => {
    const w = await world(batch(1, "UL"));
    const loud = w.api.baseUrl.replace(/^http:\/\/127\.0\.0\.1/, "HTTP://LOCALHOST");
    expect(loud).not.toBe(w.api.baseUrl);
    w.rt.properties.script.set("MKP_BASE_URL", `${loud}/`);
    runOk(w, "createPendingOffers");
    expect(sheetColumn(w.ss, "Offers", "Status")).toEqual(["created"]);
  });
});
