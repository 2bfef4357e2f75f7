// Contract audit of CONTRACT §1–§4a over the built bundle: the statements no other test proved in
// full (the whole menu, every entry point, the bundle's globals and manifest, run-stopping errors
// for every action, the forms §4 lists, the Customers sheets in both languages).

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { afterAll, describe, expect, test } from "@jest/globals";
import { parse } from "@babel/parser";
import traverse from "@babel/traverse";
import { LINE_HEADERS_NL, OFFER_HEADERS_NL } from "../fixtures/headers";
import {
  DIST,
  LINE_HEADERS,
  OFFER_HEADERS,
  postedBodies,
  type Row,
  runLogRows,
  runOk,
  sheetColumn,
  stopDouble,
  type World,
  world,
} from "./world";

afterAll(stopDouble);

const ROOT = join(__dirname, "..", "..");

/** Every function CONTRACT §3 names, and the ones of them that are a user's menu action. */
const ENTRY_POINTS = [
  "onOpen",
  "onInstall",
  "setupSheets",
  "showApiKeyDialog",
  "saveApiKey",
  "clearApiKey",
  "validateOffers",
  "createSelectedOffers",
  "createPendingOffers",
  "refreshOfferStatuses",
  "enableScheduledRuns",
  "disableScheduledRuns",
  "runScheduledBatch",
  "syncCustomers",
  "retryFailedOffers",
  "showSidebar",
];
/** Not menu items: the two that add the menu, the dialog's callback and the trigger handler. */
const NOT_IN_MENU = new Set(["onOpen", "onInstall", "saveApiKey", "runScheduledBatch"]);

const APPS_SCRIPT_SERVICES = new Set([
  "CacheService",
  "HtmlService",
  "LockService",
  "Logger",
  "MailApp",
  "PropertiesService",
  "ScriptApp",
  "Session",
  "SpreadsheetApp",
  "UrlFetchApp",
  "Utilities",
  "console",
]);
/** ECMAScript's own globals (what V8 has without a host). */
const ECMASCRIPT = new Set(
  Object.getOwnPropertyNames(vm.runInNewContext("globalThis")).concat(["arguments", "undefined"]),
);
const NOT_IN_APPS_SCRIPT = [
  "URL",
  "URLSearchParams",
  "setTimeout",
  "setInterval",
  "TextEncoder",
  "TextDecoder",
  "btoa",
  "atob",
  "fetch",
  "require",
  "module",
  "exports",
  "process",
  "Buffer",
  "window",
];

/** The bundle's script files: Code.js, and the feature files whose content runs as a script. */
const scriptFiles = (): string[] =>
  readdirSync(DIST).filter((f) => f.endsWith(".js") || /^Feature\w+\.html$/.test(f));

interface Scan {
  free: Set<string>;
  forbiddenSyntax: string[];
}

function scan(file: string): Scan {
  const code = readFileSync(join(DIST, file), "utf8");
  // sourceType "script": an import or export anywhere is a parse error, as it is in Apps Script.
  const ast = parse(code, { sourceType: "script", allowReturnOutsideFunction: true });
  const free = new Set<string>();
  const forbiddenSyntax: string[] = [];
  traverse(ast, {
    ReferencedIdentifier(path) {
      const name = (path.node as { name: string }).name;
      if (!path.scope.hasBinding(name, true)) free.add(name);
    },
    MemberExpression(path) {
      const { object, property, computed } = path.node;
      if (object.type === "Identifier" && object.name === "globalThis" && !computed) {
        if (property.type === "Identifier" && NOT_IN_APPS_SCRIPT.includes(property.name))
          forbiddenSyntax.push(`globalThis.${property.name}`);
      }
    },
    PrivateName(path) {
      forbiddenSyntax.push(`#${path.node.id.name}`);
    },
    ClassProperty(path) {
      if (path.node.static) forbiddenSyntax.push("static class field");
    },
    StaticBlock() {
      forbiddenSyntax.push("static block");
    },
    Import() {
      forbiddenSyntax.push("import()");
    },
    MetaProperty(path) {
      forbiddenSyntax.push(`${path.node.meta.name}.${path.node.property.name}`);
    },
  });
  return { free, forbiddenSyntax };
}

describe("§2 build output", () => {
  test("the repository has the top-level files of a clasp project; dist/ is .clasp.json's rootDir", () => {
    const top = new Set(readdirSync(ROOT));
    for (const name of ["src", "test", "appsscript.json", ".clasp.json", "package.json", "tsconfig.json", "README.md", ".ci"])
      expect({ name, present: top.has(name) }).toEqual({ name, present: true });
    expect(readdirSync(join(ROOT, ".ci"))).toContain("run");
    const clasp = JSON.parse(readFileSync(join(ROOT, ".clasp.json"), "utf8")) as { rootDir?: string };
    expect(join(ROOT, clasp.rootDir ?? "")).toBe(DIST);
    const files = readdirSync(DIST);
    expect(files).toContain("appsscript.json");
    expect(files).toContain("Code.js");
    // Only what clasp pushes: script files, the manifest and HTML.
    expect(files.filter((f) => !/\.(js|html)$/.test(f) && f !== "appsscript.json")).toEqual([]);
  });

  test("every script file uses only ECMAScript and Apps Script globals: no module syntax, no Node or browser API", () => {
    const files = scriptFiles();
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const { free, forbiddenSyntax } = scan(file);
      // A feature file is handed Code.js's shared modules as this parameter (shell/feature-file.ts).
      const allowed = (name: string) =>
        ECMASCRIPT.has(name) || APPS_SCRIPT_SERVICES.has(name) || (file.startsWith("Feature") && name === "__mkpShared");
      expect({ file, globals: [...free].filter((n) => !allowed(n)) }).toEqual({ file, globals: [] });
      expect({ file, forbiddenSyntax }).toEqual({ file, forbiddenSyntax: [] });
    }
    expect(scan("Code.js").free.has("SpreadsheetApp")).toBe(true);
  });

  test("every §3 entry point is a top-level function declaration, and loading the bundle touches no service", () => {
    const code = readFileSync(join(DIST, "Code.js"), "utf8");
    const declared = new Set([...code.matchAll(/^function ([A-Za-z_$][\w$]*)\s*\(/gm)].map((m) => m[1]));
    expect(ENTRY_POINTS.filter((f) => !declared.has(f))).toEqual([]);

    // Load it as Apps Script does, with every service a trap that records any touch.
    const touched: string[] = [];
    const trap = (name: string): object =>
      new Proxy(function service() {}, {
        get: (_t, key) => {
          touched.push(`${name}.${String(key)}`);
          return trap(`${name}.${String(key)}`);
        },
        apply: () => {
          touched.push(`${name}()`);
          return trap(`${name}()`);
        },
      });
    const context: Record<string, unknown> = {};
    for (const name of APPS_SCRIPT_SERVICES) context[name] = trap(name);
    vm.createContext(context);
    for (const file of readdirSync(DIST).filter((f) => f.endsWith(".js")).sort())
      vm.runInContext(readFileSync(join(DIST, file), "utf8"), context, { filename: file });
    expect(touched).toEqual([]);
    for (const name of ENTRY_POINTS) expect({ name, type: typeof context[name] }).toEqual({ name, type: "function" });
  });

  test("appsscript.json: V8, a time zone, Stackdriver, and only the scopes the bundle's services need", () => {
    const manifest = JSON.parse(readFileSync(join(DIST, "appsscript.json"), "utf8")) as Record<string, unknown>;
    expect(manifest).toEqual(JSON.parse(readFileSync(join(ROOT, "appsscript.json"), "utf8")));
    expect(manifest.runtimeVersion).toBe("V8");
    expect(typeof manifest.timeZone).toBe("string");
    expect(() => new Intl.DateTimeFormat("en", { timeZone: String(manifest.timeZone) })).not.toThrow();
    expect(manifest.exceptionLogging).toBe("STACKDRIVER");
    const code = scriptFiles()
      .map((f) => readFileSync(join(DIST, f), "utf8"))
      .join("\n");
    const uses = (pattern: RegExp) => pattern.test(code);
    // Each scope with what in the bundle needs it; a scope nothing needs is not minimal.
    const NEEDS: Record<string, boolean> = {
      "https://www.googleapis.com/auth/spreadsheets.currentonly": uses(/SpreadsheetApp\.getActive/),
      "https://www.googleapis.com/auth/script.external_request": uses(/UrlFetchApp\.fetch/),
      "https://www.googleapis.com/auth/script.scriptapp": uses(/ScriptApp\.newTrigger/),
      "https://www.googleapis.com/auth/script.container.ui": uses(/\.getUi\(\)/) && uses(/HtmlService\./),
      "https://www.googleapis.com/auth/script.send_mail": uses(/MailApp\.sendEmail/),
      // The owner of the hourly runs, shown in the sidebar (§9) and mailed on an auth error.
      "https://www.googleapis.com/auth/userinfo.email": uses(/\.getEmail\(\)/),
    };
    const scopes = manifest.oauthScopes as string[];
    expect(Array.isArray(scopes)).toBe(true);
    expect(scopes.filter((s) => NEEDS[s] !== true)).toEqual([]);
    expect(Object.keys(NEEDS).filter((s) => NEEDS[s] && !scopes.includes(s))).toEqual([]);
    // Bound to one spreadsheet: never all of the user's spreadsheets or Drive.
    expect(scopes.filter((s) => /auth\/(spreadsheets|drive)$/.test(s))).toEqual([]);
  });
});
