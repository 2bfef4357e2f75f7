// The sidebar's and the key dialog's texts (both languages, in their HTML files) and what the poll
// answers (core/panel-view.ts): the catalogues complete and alike in shape, the HTML's own fallback
// labels the English ones, the language and the ETA from the rate limit in the reply.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "@jest/globals";
import { type PanelInputs, panelState } from "../../src/core/panel";
import { panelReply, remainingMs } from "../../src/core/panel-view";
import { RUN_LOG_HEADERS } from "../fixtures/headers";

const UI = join(__dirname, "..", "..", "src", "ui");
const NOW = Date.UTC(2025, 3, 14, 9, 0);
const PAGES = ["Sidebar.html", "ApiKeyDialog.html"] as const;

type Catalogue = { [key: string]: string | Catalogue };

function page(file: string): { html: string; texts: { en: Catalogue; nl: Catalogue } } {
  const html = readFileSync(join(UI, file), "utf8");
  const json = /<script type="application\/json" id="texts">([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (json === undefined) throw new Error(`${file} has no texts`);
  return { html, texts: JSON.parse(json) };
}

/** Every text of a catalogue by its dotted key. */
const flat = (c: Catalogue, prefix = ""): [string, string][] =>
  Object.entries(c).flatMap(([k, v]) =>
    typeof v === "string" ? [[prefix + k, v]] : flat(v, `${prefix}${k}.`),
  );
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();

const inputs = (over: Partial<PanelInputs> = {}): PanelInputs => ({
  user: "sales@example.com",
  storedKey: "secret-key-0001",
  scheduleOwner: "boss@example.com",
  lastHourlyAt: null,
  hourlyMine: false,
  progress: { action: "create", done: 120, toGo: 180, startedAt: NOW - 130_000, updatedAt: NOW - 1000 },
  runLog: [
    [...RUN_LOG_HEADERS],
    ["2025-04-14 10:00:00", "create", "menu", "3", "1", "0", "0", "2", "12.0", "3 created"],
  ],
  languageChoice: null,
  now: NOW,
  ...over,
});

describe("texts of the sidebar and the key dialog (in their HTML files)", () => {
  test.each(PAGES)(
    "%s: English and Dutch have the same keys and placeholders; Dutch differs where it is words",
    (file) => {
      const { en, nl } = page(file).texts;
      const enTexts = flat(en);
      const nlTexts = new Map(flat(nl));
      expect([...nlTexts.keys()]).toEqual(enTexts.map(([k]) => k));
      for (const [key, text] of enTexts) {
        expect({ key, placeholders: placeholders(nlTexts.get(key) ?? "") }).toEqual({
          key,
          placeholders: placeholders(text),
        });
        // "menu" is the same word in Dutch.
        if (key !== "starters.menu") expect({ key, nl: nlTexts.get(key) }).not.toEqual({ key, nl: text });
      }
    },
  );

  test("the Dutch wording is the catalogue's", () => {
    const { nl } = page("Sidebar.html").texts;
    expect(nl.createPendingOffers).toBe("Openstaande offertes aanmaken");
    expect(nl.etaMinutes).toBe("Nog ongeveer {minutes} minuten.");
    expect(page("ApiKeyDialog.html").texts.nl.saveKey).toBe("Sleutel opslaan");
  });

  test.each(PAGES)(
    "%s: the labels written in the HTML are the English catalogue's; one language placeholder",
    (file) => {
      const { html, texts } = page(file);
      const labelled = [...html.matchAll(/data-(?:t|fn)="(\w+)"[^>]*>([^<]*)</g)];
      expect(labelled.length).toBeGreaterThan(5);
      for (const [, key, text] of labelled)
        expect({ key, text }).toEqual({ key, text: texts.en[key as string] });
      expect(html.split('window.MKP_LANG = /*LANG*/"en";')).toHaveLength(2);
    },
  );
});

describe("what the poll answers", () => {
  test("the state, the language and the minutes left; the key's last 4 only", () => {
    const reply = panelReply(panelState(inputs()), "nl");
    expect(reply.lang).toBe("nl");
    expect(reply.etaMinutes).toBe(3);
    expect(reply.key).toEqual({ saved: true, lastFour: "0001" });
    expect(reply.schedule).toEqual({ on: true, owner: "boss@example.com", mine: false, stalled: false });
    expect(reply.runs?.[0]).toMatchObject({
      action: "create",
      startedBy: "menu",
      created: "3",
      pending: "2",
    });
    expect(JSON.stringify(reply)).not.toContain("secret-key");
  });

  test("a stale progress entry (a killed execution) is not shown; the choice of language is passed on", () => {
    const state = panelState(
      inputs({
        progress: { action: "create", done: 1, toGo: 2, startedAt: 0, updatedAt: NOW - 8 * 60_000 },
        languageChoice: "nl",
      }),
    );
    expect(state.progress).toBeNull();
    expect(state.languageChoice).toBe("nl");
    expect(panelReply(state, "en")).toMatchObject({ progress: null, etaMinutes: null, lang: "en" });
    expect(panelState(inputs({ languageChoice: "fr" })).languageChoice).toBe("");
  });

  test("the ETA follows the rate limit, with the pause between executions for long batches", () => {
    expect(remainingMs(0)).toBe(0);
    expect(remainingMs(30)).toBe(30_000);
    expect(remainingMs(60, 60)).toBe(60_000);
    // 1,000 offers: 16.7 minutes of sending, 3 continuations of 1.5 minutes.
    expect(remainingMs(1000) / 60_000).toBeCloseTo(1000 / 60 + 3 * 1.5, 5);
    expect(remainingMs(1000, 120)).toBeLessThan(remainingMs(1000, 60));
  });
});
