// createNewCustomers (src/app/create-customers.ts) on fakes: each row marked `sending` (with what
// was sent) and flushed before its POST, created once with its ID written back; an invalid row not
// sent; a 422 failed; a 5xx left `sending`, sent again only after a complete pass proves it absent.

import { describe, expect, test } from "@jest/globals";
import { ApiSession } from "../../src/app/api-session";
import { createNewCustomers } from "../../src/app/create-customers";
import { NEW_CUSTOMER_COLUMNS } from "../../src/core/customer-columns";
import { parseNewCustomers } from "../../src/core/parse-customers";
import { harness } from "./fake-services";
import { sheet } from "./fake-workbook";
import { answer } from "./fakes";

const NEW_HEADERS = NEW_CUSTOMER_COLUMNS.filter((c) => !c.hidden).map((c) => c.header);
const newRow = (name: string, email = `info@${name.split(" ")[0]?.toLowerCase()}.nl`) => [
  name,
  "Dorpsstraat 1",
  "1234 AB",
  "Utrecht",
  email,
  "NL",
  "",
  "",
  "",
  "",
];

function setup(rows: unknown[][]) {
  const h = harness(null, null);
  h.customers.newCustomers = sheet("New customers", NEW_HEADERS, rows);
  const ctx = h.context();
  const session = new ApiSession(ctx, "https://api.test/v1", "test-key");
  const read = () => {
    const r = h.customers.readNewCustomers();
    if (!r) throw new Error("no sheet");
    return parseNewCustomers(r.table, r.columns);
  };
  return { ...h, session, read };
}

describe("createNewCustomers on fakes", () => {
  test("valid rows are created once, marked and flushed first; IDs and status written back", () => {
    const h = setup([newRow("Alpha BV"), newRow("Beta BV")]);
    const flushes: number[] = [];
    const flush = h.customers.flush.bind(h.customers);
    h.customers.flush = () => {
      flushes.push(h.api.requests.length);
      flush();
    };
    const result = createNewCustomers(h.session, h.read(), null, "en");
    expect(result).toEqual({ created: 2, waiting: 0 });
    expect(h.api.customers.map((c) => c.companyName)).toEqual(["Alpha BV", "Beta BV"]);
    expect([h.customers.newCell(2, "Status"), h.customers.newCell(3, "Status")]).toEqual([
      "created",
      "created",
    ]);
    expect(h.customers.newCell(2, "Customer ID")).toBe(h.api.customers[0]?.id);
    // Marked (with what was sent) and flushed before any request left.
    expect(flushes[0]).toBe(0);
    expect(JSON.parse(h.customers.newCell(2, "MKP sent"))).toMatchObject({ companyName: "Alpha BV" });
    // Again with the rows as they are now: nothing sent.
    createNewCustomers(h.session, h.read(), null, "en");
    expect(h.api.count("post /customers")).toBe(2);
  });

  test("an invalid row is not sent; its Message says what is wrong", () => {
    const h = setup([newRow("Gamma BV", "not-an-email")]);
    createNewCustomers(h.session, h.read(), null, "en");
    expect(h.api.requests).toEqual([]);
    expect(h.customers.newCell(2, "Status")).toBe("invalid");
    expect(h.customers.newCell(2, "Message")).not.toBe("");
  });

  test("a 422 is failed with the reason; a 503 stays sending until a proven-complete pass", () => {
    const h = setup([newRow("Delta BV"), newRow("Echo BV")]);
    let n = 0;
    const send = h.api.send.bind(h.api);
    h.api.send = (requests) =>
      requests.map((r) => {
        n++;
        if (r.method !== "post") return send([r])[0] ?? answer(500, {});
        h.api.requests.push(r);
        return n === 1
          ? answer(422, { message: "Invalid.", errors: { primaryEmail: ["has already been taken"] } })
          : answer(503, { message: "Service Unavailable" });
      });
    const result = createNewCustomers(h.session, h.read(), null, "en");
    expect(result).toEqual({ created: 0, waiting: 1 });
    expect(h.customers.newCell(2, "Status")).toBe("failed");
    expect(h.customers.newCell(2, "Message")).toContain("already been taken");
    expect(h.customers.newCell(3, "Status")).toBe("sending");
    // Not certain yet: not sent again.
    createNewCustomers(h.session, h.read(), null, "en");
    expect(h.api.count("post /customers")).toBe(2);
    // A pass proven complete, started after it was sent, did not find it: sent again.
    h.api.send = send;
    h.clock.sleep(60_000);
    createNewCustomers(h.session, h.read(), h.clock.now(), "en");
    expect(h.api.count("post /customers")).toBe(3);
    expect(h.customers.newCell(3, "Status")).toBe("created");
  });
});
