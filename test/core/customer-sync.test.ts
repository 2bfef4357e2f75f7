// settledBy: which New customers rows left `sending` a page of the customer list settles — same e-mail
// and company name as sent (case, spaces, legal form ignored), created no earlier than the marking
// minus the clock skew; an older namesake is someone else.

import { describe, expect, test } from "@jest/globals";
import { type ApiCustomer, settledBy } from "../../src/core/customer-sync";
import type { NewCustomerRow } from "../../src/core/parse-customers";

const MARKED = Date.parse("2025-04-14T10:00:00Z");
const SKEW = 10 * 60_000;

const row = (over: Partial<NewCustomerRow> = {}): NewCustomerRow => ({
  sheetRow: 2,
  key: "bakkerijnieuw",
  companyName: "Bakkerij Nieuw",
  email: "info@nieuw.nl",
  status: "sending",
  statusText: "sending",
  customerId: "",
  message: "",
  sent: { at: MARKED, companyName: "Bakkerij Nieuw", primaryEmail: "info@nieuw.nl" },
  body: null,
  problems: [],
  ...over,
});

const api = (id: string, createdAt: string, over: Partial<ApiCustomer> = {}): ApiCustomer => ({
  id,
  companyName: "Bakkerij Nieuw B.V.",
  primaryEmail: "INFO@nieuw.nl",
  city: "Utrecht",
  zipCode: "1234 AB",
  customerGroups: [],
  createdAt,
  ...over,
});

describe("settledBy", () => {
  test("created after the marking, or within the clock skew before it: settled", () => {
    expect(settledBy([row()], [api("cst_a", "2025-04-14T12:00:05+02:00")], SKEW)).toEqual([
      { row: row(), id: "cst_a" },
    ]);
    expect(settledBy([row()], [api("cst_b", "2025-04-14T09:51:00Z")], SKEW).map((f) => f.id)).toEqual([
      "cst_b",
    ]);
  });

  test("created earlier than the skew allows, another e-mail or another name: not ours", () => {
    const customers = [
      api("cst_old", "2025-04-14T09:49:59Z"),
      api("cst_mail", "2025-04-14T10:00:01Z", { primaryEmail: "other@nieuw.nl" }),
      api("cst_name", "2025-04-14T10:00:01Z", { companyName: "Bakkerij Oud" }),
    ];
    expect(settledBy([row()], customers, SKEW)).toEqual([]);
  });

  test("a timestamp without a zone counts when it can be; an unreadable one counts as possible", () => {
    expect(settledBy([row()], [api("cst_local", "2025-04-14 08:00:00")], SKEW).map((f) => f.id)).toEqual([
      "cst_local",
    ]);
    expect(settledBy([row()], [api("cst_none", "")], SKEW).map((f) => f.id)).toEqual(["cst_none"]);
  });

  test("only rows still sending, without an ID, whose sent data is known", () => {
    const c = [api("cst_a", "2025-04-14T10:00:01Z")];
    expect(settledBy([row({ status: "created", statusText: "created" })], c, SKEW)).toEqual([]);
    expect(settledBy([row({ customerId: "cst_x" })], c, SKEW)).toEqual([]);
    expect(settledBy([row({ sent: null })], c, SKEW)).toEqual([]);
  });
});
