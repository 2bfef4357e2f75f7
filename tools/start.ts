// `npm start`: the product end to end on this machine, no Google account needed. Starts the
// MijnKlantportaal double, loads the example spreadsheet into the local Apps Script runtime, runs
// setupSheets, stores a demo key through saveApiKey, runs createPendingOffers, prints the sheets:
// customers named by ID, by name and by e-mail are resolved, and the one in New customers created.
// `npm start -- --locale nl_NL` (any nl_…) uses the Dutch example (examples/offertes.json: Dutch
// sheets and headers); another locale runs the English example (examples/offers.json) in it.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { GasRuntime, SpreadsheetModel } from "./gas-runtime";
import { startMkpDouble } from "./mkp-double/client";

const ROOT = join(__dirname, "..");
const DEMO_KEY = "demo-key-0001";

/** `--locale xx_YY` (or `--locale=xx_YY`), or null. */
function localeArg(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--locale") return argv[i + 1] ?? null;
    if (arg.startsWith("--locale=")) return arg.slice("--locale=".length);
  }
  return null;
}

/** The first of these sheets the spreadsheet has (the English or the Dutch name). */
function sheetOf(ss: SpreadsheetModel, ...names: string[]): string {
  return names.find((n) => ss.findSheet(n)) ?? names[0] ?? "";
}

function printTable(title: string, rows: string[][], keep?: (header: string) => boolean): void {
  const header = rows[0] ?? [];
  const columns = header.map((_, i) => i).filter((i) => !keep || keep(header[i] ?? ""));
  const cut = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
  const cells = rows.map((r) => columns.map((i) => cut(r[i] ?? "")));
  const widths = columns.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? "").length)));
  const line = (r: string[]) => `| ${r.map((v, c) => v.padEnd(widths[c] ?? 0)).join(" | ")} |`;
  console.log(`\n${title}`);
  console.log(line(cells[0] ?? []));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const r of cells.slice(1)) console.log(line(r));
}

function check(step: string, result: ReturnType<GasRuntime["run"]>): void {
  const ok = !result.error && !result.killed;
  const returned = typeof result.returned === "string" ? ` → ${result.returned}` : "";
  console.log(
    `${ok ? "✓" : "✗"} ${step}${returned}${ok ? "" : `: ${result.error?.message ?? result.killed}`}`,
  );
  if (!ok) process.exitCode = 1;
}

async function main(): Promise<void> {
  const api = await startMkpDouble();
  try {
    const locale = localeArg(process.argv.slice(2));
    const dutch = locale !== null && /^nl([_-]|$)/i.test(locale);
    const file = dutch ? "offertes.json" : "offers.json";
    const fixture = JSON.parse(readFileSync(join(ROOT, "examples", file), "utf8"));
    if (locale !== null) fixture.locale = locale;
    const ss = SpreadsheetModel.fromFixture(fixture);
    const rt = new GasRuntime({ distDir: join(ROOT, "dist"), spreadsheet: ss });
    rt.properties.script.set("MKP_BASE_URL", api.baseUrl);
    console.log(
      `MijnKlantportaal double on ${api.baseUrl}; example spreadsheet "${ss.name}" (examples/${file}, ${ss.timeZone}, ${fixture.locale}).`,
    );

    check("onOpen: menu added", rt.run("onOpen", [{ authMode: "LIMITED" }], { authMode: "LIMITED" }));
    check("setupSheets", rt.run("setupSheets"));
    check("saveApiKey (demo key)", rt.run("saveApiKey", [DEMO_KEY]));
    const typed = new Map(
      ss
        .displayValues(sheetOf(ss, "Offers", "Offertes"))
        .slice(1)
        .map((r) => [r[0] ?? "", r[1] ?? ""]),
    );
    const newNames = new Set(
      ["New customers", "Nieuwe klanten"]
        .flatMap((n) => (ss.findSheet(n) ? ss.displayValues(n).slice(1) : []))
        .map((r) => (r[0] ?? "").trim().toLowerCase()),
    );
    check("createPendingOffers", rt.run("createPendingOffers"));
    for (const t of ss.toasts.slice(-1)) console.log(`  toast: ${t.message}`);

    const offersSheet = sheetOf(ss, "Offers", "Offertes");
    const offers = ss.displayValues(offersSheet);
    const hidden = ["Accepted at", "Rejected at", "Sales rep", "Geaccepteerd op", "Afgewezen op", "Verkoper"];
    printTable(offersSheet, offers, (h) => !hidden.includes(h) && !/^MKP /.test(h));
    const head = offers[0] ?? [];
    const messageAt = head.findIndex((h) => h === "Message" || h === "Melding");
    for (const row of offers.slice(1)) {
      const message = row[messageAt] ?? "";
      if (message) console.log(`  ${row[0]}: ${message}`);
    }
    console.log("\nCustomers as typed in Offers, and the customer ID each resolved to:");
    const customerAt = head.findIndex((h) => h === "Customer ID" || h === "Klant-ID");
    for (const row of offers.slice(1)) {
      const number = row[0] ?? "";
      const shown = row[customerAt] ?? "";
      const text = typed.get(number) ?? "";
      const how =
        text === shown
          ? "by ID"
          : newNames.has(text.trim().toLowerCase())
            ? "new customer, created"
            : /@/.test(text)
              ? "by e-mail"
              : "by name";
      console.log(`  ${number}: ${JSON.stringify(text)} (${how}) → ${shown}`);
    }
    const linesSheet = sheetOf(ss, "Offer lines", "Offerteregels");
    printTable(linesSheet, ss.displayValues(linesSheet));
    // setupSheets names the sheets it creates in the language of the sheets already there.
    for (const name of ["Customers", "Klanten", "New customers", "Nieuwe klanten"])
      if (ss.findSheet(name)) printTable(name, ss.displayValues(name), (h) => !/^MKP /.test(h));
    const logSheet = sheetOf(ss, "Run log", "Logboek");
    printTable(logSheet, ss.displayValues(logSheet));
    const created = (await api.offers()).length;
    const made = (await api.requests()).filter((r) => r.route === "POST /customers" && r.status === 201);
    console.log(`\nThe double now holds ${created} offer(s); ${made.length} new customer(s) created.`);
  } finally {
    await api.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
