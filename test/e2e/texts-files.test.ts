// The texts live outside the bundle (shell/texts-file.ts): over the built project, an execution that
// shows no text reads no language file, one that does reads its own language's file once and never
// the other's; both files hold the same catalogues with the same keys, and Code.js none of their texts.

import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import vm from "node:vm";
import { afterAll, describe, expect, test } from "@jest/globals";
import { FIELD_NAMES, MENU_LABELS } from "../../src/core/texts-bundled";
import { OFFER_HEADERS, OFFER_HEADERS_NL } from "../fixtures/headers";
import { LANGUAGE_TEXTS } from "../fixtures/texts-loader";
import { DIST, runOk, stopDouble, world } from "./world";

afterAll(stopDouble);

const FILES = { en: "TextsEn.html", nl: "TextsNl.html" } as const;
const READ = "HtmlService.createHtmlOutputFromFile";

const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** The built project with the given language files replaced by a script that throws if evaluated. */
function distWithout(...broken: (keyof typeof FILES)[]): string {
  const dir = mkdtempSync(join(tmpdir(), "mkp-texts-"));
  copies.push(dir);
  for (const f of readdirSync(DIST)) copyFileSync(join(DIST, f), join(dir, f));
  for (const l of broken) writeFileSync(join(dir, FILES[l]), `throw new Error("${FILES[l]} was read");`);
  return dir;
}

/** A language file evaluated as the shell does it: its script, then the global's `texts`. */
function loadBuilt(file: string): Record<string, Record<string, unknown>> {
  const source = readFileSync(join(DIST, file), "utf8");
  const run = `(new Function(${JSON.stringify(`${source}\nreturn __mkpTexts.texts;`)}))()`;
  return vm.runInContext(run, vm.createContext({}));
}

/** The shape of a catalogue: its keys, nested objects' keys too, and which values are functions. */
function shape(o: Record<string, unknown>): unknown {
  return Object.keys(o)
    .sort()
    .map((k) => {
      const v = o[k];
      return v !== null && typeof v === "object" ? [k, shape(v as Record<string, unknown>)] : [k, typeof v];
    });
}

describe("reading the language files", () => {
  test("onOpen and the sidebar's poll show no catalogue text and read no language file", async () => {
    const w = await world({ locale: "nl_NL", runtime: { distDir: distWithout("en", "nl") } });
    const opened = runOk(w, "onOpen", [{ authMode: "LIMITED" }], { authMode: "LIMITED" });
    expect(w.ss.menus[0]?.items[0]?.label).toBe("Openstaande offertes aanmaken");
    const polled = runOk(w, "getPanelState", [{ withRuns: true }]);
    expect(opened.counts[READ] ?? 0).toBe(0);
    expect(polled.counts[READ] ?? 0).toBe(0);
  });

  test("a Dutch run reads TextsNl once, however many texts it shows, and never TextsEn", async () => {
    const w = await world({
      locale: "nl_NL",
      runtime: { distDir: distWithout("en") },
      offers: [
        ["NL-1", "", "2025-04-14", "", ""],
        ["NL-2", "cst_demo0002", "2025-99-14", "", ""],
        ["NL-3", "cst_demo0003", "2025-04-14", "", ""],
      ],
      lines: [
        ["NL-1", "Werk", "10", 21],
        ["NL-2", "Werk", "tien", 21],
        ["NL-3", "Werk", "10", 21],
      ],
    });
    const r = runOk(w, "validateOffers");
    expect(r.counts[READ]).toBe(1);
    expect(String(r.returned)).toMatch(
      /^1 offerte klaar om te versturen, 2 met fouten .* Er is niets verstuurd\.$/,
    );
    expect(w.column("Message")[0]).toBe("Customer ID ontbreekt");
  });

  test("an English run reads TextsEn once and never TextsNl", async () => {
    const w = await world({
      locale: "en_US",
      runtime: { distDir: distWithout("nl") },
      offers: [["EN-1", "", "2025-04-14", "", ""]],
      lines: [["EN-1", "Work", "10", 21]],
    });
    const r = runOk(w, "validateOffers");
    expect(r.counts[READ]).toBe(1);
    expect(w.column("Message")).toEqual(["Customer ID missing"]);
  });

  test("the user's choice of Dutch in an English spreadsheet reads TextsNl only", async () => {
    const w = await world({
      locale: "en_US",
      runtime: { distDir: distWithout("en") },
      offers: [["EN-2", "", "2025-04-14", "", ""]],
      lines: [["EN-2", "Work", "10", 21]],
    });
    w.rt.properties.user().set("MKP_LANGUAGE", "nl");
    const r = runOk(w, "validateOffers");
    expect(r.counts[READ]).toBe(1);
    expect(w.column("Message")).toEqual(["Customer ID ontbreekt"]);
  });
});

describe("the built language files", () => {
  const en = loadBuilt(FILES.en);
  const nl = loadBuilt(FILES.nl);

  test("hold the same catalogues, each with the same keys in both languages", () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
    for (const name of Object.keys(en)) {
      expect({ name, nl: shape(nl[name] ?? {}) }).toEqual({ name, nl: shape(en[name] ?? {}) });
    }
  });

  test("are built from the current catalogues (the same keys as the source modules)", () => {
    for (const [built, source] of [
      [en, LANGUAGE_TEXTS.en],
      [nl, LANGUAGE_TEXTS.nl],
    ] as const) {
      const s = source as unknown as Record<string, Record<string, unknown>>;
      expect(Object.keys(built).sort()).toEqual(Object.keys(s).sort());
      for (const name of Object.keys(s)) expect(shape(built[name] ?? {})).toEqual(shape(s[name] ?? {}));
    }
  });

  test("Code.js holds none of their texts", () => {
    const code = readFileSync(join(DIST, "Code.js"), "utf8");
    // Header, field and menu names are in the bundle on purpose (texts-bundled.ts, columns.ts).
    const names = new Set<string>([
      ...OFFER_HEADERS,
      ...OFFER_HEADERS_NL,
      ...[FIELD_NAMES.en, FIELD_NAMES.nl, MENU_LABELS.en, MENU_LABELS.nl].flatMap((m) => Object.values(m)),
    ]);
    // Every text with placeholder arguments; its fixed parts of 20+ characters must not be in Code.js.
    const arg = Object.assign(["X"], { created: 1 });
    const texts = (o: Record<string, unknown>): string[] =>
      Object.values(o).flatMap((v) =>
        typeof v === "function"
          ? [String(v(arg, arg, arg, arg, arg))]
          : typeof v === "string"
            ? [v]
            : v !== null && typeof v === "object"
              ? texts(v as Record<string, unknown>)
              : [],
      );
    const parts = [en, nl]
      .flatMap((l) => Object.values(l).flatMap(texts))
      .flatMap((t) => t.split(/X|undefined|NaN|\d+/))
      .filter((p) => p.trim().length >= 20 && !names.has(p.trim()));
    expect(parts.length).toBeGreaterThan(200);
    expect(parts.filter((p) => code.includes(p))).toEqual([]);
  });
});
