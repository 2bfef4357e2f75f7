// The sidebar's texts and view (core/panel-view.ts, core/texts-panel.ts): both languages complete,
// the HTML's own fallback labels the English catalogue's, the ETA from the rate limit.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "@jest/globals";
import { useLanguage } from "../../src/core/language";
import { type PanelInputs, panelState } from "../../src/core/panel";
import {
  keyDialogTexts,
  panelView,
  remainingMs,
  sidebarTexts,
  textsForScript,
} from "../../src/core/panel-view";
import { PANEL_TEXTS } from "../../src/core/texts-panel";

const UI = join(__dirname, "..", "..", "src", "ui");
const NOW = Date.UTC(2025, 3, 14, 9, 0);

afterEach(() => useLanguage("en"));

const inputs = (over: Partial<PanelInputs> = {}): PanelInputs => ({
  user: "sales@example.com",
  storedKey: "secret-key-0001",
  scheduleOwner: "boss@example.com",
  hourlyMine: false,
  progress: { action: "create", done: 120, toGo: 180, startedAt: NOW - 130_000, updatedAt: NOW - 1000 },
  runLog: [
    [
      "Started at",
      "Action",
      "Started by",
      "Created",
      "Failed",
      "Invalid",
      "Skipped",
      "Still pending",
      "Duration (s)",
      "Message",
    ],
    ["2025-04-14 10:00:00", "create", "menu", "3", "1", "0", "0", "2", "12.0", "3 created"],
  ],
  languageChoice: null,
  now: NOW,
  ...over,
});

describe("texts of the sidebar and the key dialog", () => {
  test("English and Dutch have the same keys, and every Dutch text differs where it is words", () => {
    expect(Object.keys(PANEL_TEXTS.nl).sort()).toEqual(Object.keys(PANEL_TEXTS.en).sort());
    useLanguage("en");
    const en = { ...sidebarTexts(), ...keyDialogTexts() };
    useLanguage("nl");
    const nl = { ...sidebarTexts(), ...keyDialogTexts() };
    expect(Object.keys(nl)).toEqual(Object.keys(en));
    const same = Object.keys(en).filter((k) => en[k] === nl[k]);
    expect(same).toEqual([]);
    expect(nl.createPendingOffers).toBe("Openstaande offertes aanmaken");
  });

  test("the labels written in the HTML files are the English catalogue's (the server replaces them)", () => {
    useLanguage("en");
    for (const [file, texts] of [
      ["Sidebar.html", sidebarTexts()],
      ["ApiKeyDialog.html", keyDialogTexts()],
    ] as const) {
      const html = readFileSync(join(UI, file), "utf8");
      const labelled = [...html.matchAll(/data-(?:t|fn)="(\w+)"[^>]*>([^<]*)</g)];
      expect(labelled.length).toBeGreaterThan(5);
      for (const [, key, text] of labelled)
        expect({ key, text }).toEqual({ key, text: texts[key as string] });
      expect(html).toContain("window.MKP_TEXTS = /*TEXTS*/{};");
    }
  });

  test("texts put into a <script> cannot end it", () => {
    const literal = textsForScript({ a: "</script><b>", b: "x\u2028y" });
    expect(literal).not.toContain("</");
    expect(JSON.parse(literal)).toEqual({ a: "</script><b>", b: "x\u2028y" });
  });
});

describe("the view the server sends", () => {
  test("progress, ETA, schedule, key (last 4 only) and last runs, in English", () => {
    const view = panelView(panelState(inputs()));
    expect(view.progress).toEqual({
      text: "Creating offers: 120 done, 180 to go.",
      eta: "About 3 minutes left.",
      done: 120,
      total: 300,
      valueText: "120 of 300 done",
    });
    expect(view.schedule).toBe("on, with the API key of boss@example.com");
    expect(view.key).toBe("saved, ending in …0001");
    expect(JSON.stringify(view)).not.toContain("secret-key");
    expect(view.runs).toEqual([
      {
        head: "2025-04-14 10:00:00 · create",
        by: "(menu)",
        counts: "3 created, 1 failed, 0 invalid, 2 still pending",
        message: "3 created",
      },
    ]);
  });

  test("in Dutch", () => {
    useLanguage("nl");
    const view = panelView(panelState(inputs({ hourlyMine: true, scheduleOwner: null, storedKey: null })));
    expect(view.progress?.text).toBe("Offertes aanmaken: 120 klaar, nog 180 te gaan.");
    expect(view.progress?.eta).toBe("Nog ongeveer 3 minuten.");
    expect(view.schedule).toBe("aan, met de API-sleutel van sales@example.com (jij)");
    expect(view.key).toBe("niet ingesteld");
    expect(view.runs?.[0]?.counts).toBe("3 aangemaakt, 1 mislukt, 0 ongeldig, 2 nog open");
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
    expect(panelView(state).progress).toBeNull();
    expect(panelView(state).idle).toBe("No batch is running.");
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
