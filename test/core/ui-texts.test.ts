// No text a user reads lives outside the catalogues (CONTRACT §7a): every string and template
// literal in src/**/*.ts outside the catalogue files is parsed out and flagged when it reads like
// words (a word of 3+ letters with a space, or one capitalised word), unless it sits where it can
// never reach a user (an import, a comparison, a type, an object key) or is listed below with why.

import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "@jest/globals";
import { parseSync } from "@swc/core";

const ROOT = join(__dirname, "..", "..");
const SRC = join(ROOT, "src");

/** The catalogues: texts*.ts, the sheet and header names (columns.ts) and the status words. */
const CATALOGUES = [
  /^src\/core\/texts(-[a-z-]+)?\.ts$/,
  /^src\/core\/columns\.ts$/,
  /^src\/core\/customer-columns\.ts$/,
  /^src\/core\/statuses\.ts$/,
];

/**
 * Files whose texts another area is still moving into its own catalogue: the test fails once a file
 * here holds no such text any more, so that the entry is removed and the file is checked again.
 */
const PENDING: Readonly<Record<string, string>> = {
  "src/core/api-answer.ts":
    "HTTP status names of API answers: the answers work moves these to texts-answers.ts",
};

/** Literals that read like words but never reach a user, each with the reason. */
const ALLOWED: readonly { file: string; text: string; why: string }[] = [
  { file: "src/shell/http.ts", text: "Bearer X", why: "the Authorization header's scheme" },
  {
    file: "src/core/redact.ts",
    text: "[API key]",
    why: "what replaces the key in a text (a redaction mark)",
  },
  { file: "src/app/sidebar.ts", text: "Sidebar", why: "the name of the sidebar's HTML file" },
  {
    file: "src/main.ts",
    text: "Not an action of the sidebar: X",
    why: "a programmer's error: the sidebar's buttons only name actions runFromSidebar has",
  },
  {
    file: "src/app/create-customers.ts",
    text: "no answer",
    why: "the detail of a missing exchange: classify() turns it into the catalogue's unreachable()",
  },
  {
    file: "src/shell/customers-sheet.ts",
    text: "MKP sent",
    why: "the header of a hidden bookkeeping column",
  },
  {
    file: "src/core/responses.ts",
    text: "HTTP X",
    why: "the reason of a refused key when the answer says nothing: the run's text names the status",
  },
  { file: "src/core/ledger.ts", text: "MKP ledger", why: "the product's hidden bookkeeping sheet" },
  {
    file: "src/core/language.ts",
    text: "No text loader is registered (useTextLoader)",
    why: "a programming error: every entry point registers the loader before a text is picked",
  },
  {
    file: "src/shell/texts-file.ts",
    text: "X\nreturn X.texts;",
    why: "the code that evaluates a language file and hands back its texts",
  },
  {
    file: "src/core/features.ts",
    text: "No feature loader is registered (useFeatureLoader)",
    why: "a programming error: every run's context registers the loader before a feature is used",
  },
  {
    file: "src/shell/feature-file.ts",
    text: "X\nreturn X;",
    why: "the code that evaluates a feature file and hands back its exports",
  },
  {
    file: "src/shell/feature-file.ts",
    text: "X.__shared is missing: Code.js was not built by scripts/build.mjs",
    why: "a build error, never shown to a user of a built project",
  },
  ...[
    "Ref",
    "Event",
    "Offer number",
    "Customer ID",
    "Issued at",
    "Expires at",
    "Body hash",
    "Offer ID",
    "Created at",
  ].map((text) => ({ file: "src/core/ledger.ts", text, why: "a header of the hidden ledger sheet" })),
  {
    file: "src/app/offers-book.ts",
    text: "no row in offers has offer number",
    why: "recognises a line Message earlier versions wrote, to clear it; never written",
  },
  {
    file: "src/app/send-offers.ts",
    text: "no answer",
    why: "the detail of a missing exchange: classify() turns it into the catalogue's unreachable()",
  },
  ...["rate limit met too often", "temporary errors kept coming", "no time left in this run"].map((text) => ({
    file: "src/core/retry.ts",
    text,
    why: "why a retry stops (`why`): read by no code that reaches a user",
  })),
];

/** A literal that reads like words: a 3+ letter word and a space, or one capitalised word. */
function readsLikeWords(text: string): boolean {
  const t = text.trim();
  // Date and time patterns (yyyy-MM-dd HH:mm:ss) are formats, not words.
  if (/^[yMdHhmsaEZXT:\-/ .,']+$/.test(t)) return false;
  const hasWord = /\p{L}{3,}/u.test(t);
  return (hasWord && /\s/.test(t)) || /^\p{Lu}\p{Ll}{2,}[.!?…]?$/u.test(t);
}

type Node = { type?: string; [key: string]: unknown };

const COMPARISONS = new Set(["===", "!==", "==", "!=", "in"]);

/** Where a literal cannot reach a user, given its parent and the property it sits in. */
function harmless(parent: Node | undefined, key: string): boolean {
  if (!parent?.type) return false;
  switch (parent.type) {
    case "ImportDeclaration":
    case "ExportAllDeclaration":
    case "ExportNamedDeclaration":
    case "TsLiteralType":
    case "TsImportType":
    case "TsExternalModuleReference":
      return true;
    case "KeyValueProperty":
      return key === "key";
    case "MemberExpression":
    case "Computed":
      return true;
    case "SwitchCase":
      return key === "test";
    case "BinaryExpression":
      return COMPARISONS.has(String(parent.operator));
    default:
      return false;
  }
}

/** Every literal's text (a template's parts joined by X) that is not in a harmless place. */
function literals(source: string): string[] {
  const ast = parseSync(source, { syntax: "typescript" }) as unknown as Node;
  const found: string[] = [];
  const walk = (node: unknown, parent: Node | undefined, key: string): void => {
    if (Array.isArray(node)) {
      for (const child of node) walk(child, parent, key);
      return;
    }
    if (node === null || typeof node !== "object") return;
    const n = node as Node;
    if (n.type === "StringLiteral" && !harmless(parent, key)) found.push(String(n.value));
    if (n.type === "TemplateLiteral" && !harmless(parent, key)) {
      const quasis = (n.quasis as { cooked?: string; raw: string }[]) ?? [];
      found.push(quasis.map((q) => q.cooked ?? q.raw).join("X"));
    }
    if (n.type === "TsLiteralType" || n.type === "TsType") return;
    // A regular expression's source is a pattern, not a text.
    const callee = n.callee as Node | undefined;
    if ((n.type === "NewExpression" || n.type === "CallExpression") && callee?.value === "RegExp") return;
    for (const [k, v] of Object.entries(n)) if (k !== "span" && typeof v === "object") walk(v, n, k);
  };
  walk(ast, undefined, "");
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

const files = sourceFiles(SRC)
  .map((f) => relative(ROOT, f).split("\\").join("/"))
  .filter((f) => !CATALOGUES.some((re) => re.test(f)));

const wordsIn = (file: string): string[] =>
  literals(readFileSync(join(ROOT, file), "utf8")).filter(readsLikeWords);

describe("texts users read", () => {
  test("the check itself flags texts and lets keys, formats and names pass", () => {
    const flagged = ["Nothing was sent.", "Line X (row X)", "Saved", "Er is niets verstuurd", "Melding"];
    const passed = [
      "MKP_API_KEY",
      "createPendingOffers",
      "yyyy-MM-dd HH:mm:ss",
      "/customer-offers?page=X",
      "@",
      "key:X",
      "off_",
    ];
    expect(flagged.filter((t) => !readsLikeWords(t))).toEqual([]);
    expect(passed.filter(readsLikeWords)).toEqual([]);
    const sample = [
      'import { a } from "some words here";',
      'type T = "a literal type";',
      'if (x === "compared words") f({ "a key": 1 }, o["an index"]);',
      'f("Shown to a user", `Line $' + "{1} of $" + "{2}`);",
    ].join("\n");
    expect(literals(sample).filter(readsLikeWords)).toEqual(["Shown to a user", "Line X of X"]);
  });

  test("no file outside the catalogues holds a text a user reads", () => {
    const offending = files
      .filter((f) => !(f in PENDING))
      .flatMap((file) =>
        wordsIn(file)
          .filter((text) => !ALLOWED.some((a) => a.file === file && a.text === text))
          .map((text) => `${file}: ${JSON.stringify(text)}`),
      );
    expect(offending).toEqual([]);
  });

  test("every allowance is still needed (none is stale)", () => {
    const stale = ALLOWED.filter((a) => !wordsIn(a.file).includes(a.text)).map((a) => `${a.file}: ${a.text}`);
    expect(stale).toEqual([]);
    const done = Object.keys(PENDING).filter((f) => !files.includes(f) || wordsIn(f).length === 0);
    expect(done).toEqual([]);
  });
});
