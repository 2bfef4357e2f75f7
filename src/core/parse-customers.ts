// Rows of Customers and New customers → customer records; New customers rows validated before
// anything is sent (company name, address, zip code, city, e-mail required; e-mail shape; Dutch zip
// codes `1234 AB`; ISO 3166-1 alpha-2 country code, default NL).

import { type Cell, isBlankCell, isErrorCell, shownText } from "./cells";
import { type ColumnMap, headerIn, headerLanguage } from "./columns";
import { type CustomerKey, NEW_CUSTOMER_COLUMNS, type NewCustomerKey } from "./customer-columns";
import { CUSTOMER_ID, nameKey } from "./customer-match";
import { type Language, language, pick } from "./language";
import { cellAt, FIRST_DATA_ROW, type SheetTable } from "./table";
import { CUSTOMER_TEXTS, NEW_CUSTOMER_STATUS } from "./texts-customers";

export interface CustomerRow {
  readonly sheetRow: number;
  readonly id: string;
  readonly companyName: string;
  readonly email: string;
  /** The product's columns as shown, to tell which rows changed. */
  readonly shown: Readonly<Record<CustomerKey, string>>;
  /** Marked as no longer in MijnKlantportaal. */
  readonly gone: boolean;
}

const CUSTOMER_KEYS: readonly CustomerKey[] = [
  "customerId",
  "companyName",
  "email",
  "city",
  "zipCode",
  "customerGroups",
  "createdAt",
  "message",
];

/** Rows of Customers that hold a customer ID. */
export function parseCustomerRows(
  table: SheetTable,
  columns: ColumnMap<CustomerKey>,
  isGoneMessage: (text: string) => boolean,
): CustomerRow[] {
  const out: CustomerRow[] = [];
  table.rows.forEach((row, i) => {
    const shown = {} as Record<CustomerKey, string>;
    for (const k of CUSTOMER_KEYS) shown[k] = shownText(cellAt(row, columns, k));
    if (!CUSTOMER_ID.test(shown.customerId)) return;
    out.push({
      sheetRow: i + FIRST_DATA_ROW,
      id: shown.customerId,
      companyName: shown.companyName,
      email: shown.email,
      shown,
      gone: isGoneMessage(shown.message),
    });
  });
  return out;
}

/** The body of POST /customers (mkp-api.md §4). */
export interface CreateCustomerBody {
  readonly companyName: string;
  readonly address: string;
  readonly zipCode: string;
  readonly city: string;
  readonly primaryEmail: string;
  readonly countryCode: string;
  readonly phone?: string;
}

export type NewCustomerStatus = "pending" | "sending" | "created" | "failed" | "invalid" | "unknown";

/** What was sent for a row, kept in its hidden column. */
export interface SentCustomer {
  readonly at: number;
  readonly companyName: string;
  readonly primaryEmail: string;
}

export interface NewCustomerRow {
  readonly sheetRow: number;
  /** nameKey of the company name: the row's key. */
  readonly key: string;
  readonly companyName: string;
  readonly email: string;
  readonly status: NewCustomerStatus;
  readonly statusText: string;
  readonly customerId: string;
  readonly message: string;
  readonly sent: SentCustomer | null;
  readonly body: CreateCustomerBody | null;
  readonly problems: readonly string[];
}

const INPUT_KEYS: readonly NewCustomerKey[] = [
  "companyName",
  "address",
  "zipCode",
  "city",
  "email",
  "countryCode",
  "phone",
];

/** ISO 3166-1 alpha-2, officially assigned codes. */
const COUNTRIES = new Set(
  (
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW " +
    "BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI " +
    "FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN " +
    "IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME " +
    "MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF " +
    "PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV " +
    "SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE " +
    "YT ZA ZM ZW"
  ).split(" "),
);

const EMAIL =
  /^[^\s@"(),:;<>[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
/** Dutch zip code: four digits (not starting with 0), optional space, two letters (not SA, SD, SS). */
const DUTCH_ZIP = /^([1-9][0-9]{3}) ?(?!SA|SD|SS)([A-Z]{2})$/i;
const MAX_TEXT = 255;

export function newCustomerStatusOf(text: string): NewCustomerStatus {
  const t = text.trim().toLowerCase();
  if (t === "") return "pending";
  for (const lang of [NEW_CUSTOMER_STATUS.en, NEW_CUSTOMER_STATUS.nl])
    for (const [status, word] of Object.entries(lang)) if (word === t) return status as NewCustomerStatus;
  return "unknown";
}

export function parseSent(text: string): SentCustomer | null {
  try {
    const o = JSON.parse(text) as Partial<SentCustomer>;
    if (typeof o.at === "number" && typeof o.companyName === "string" && typeof o.primaryEmail === "string")
      return { at: o.at, companyName: o.companyName, primaryEmail: o.primaryEmail };
  } catch {
    // Not ours (or edited): nothing is known about what was sent.
  }
  return null;
}

/** A column's header in the language of the sheet's own headers (messages name it as the sheet does). */
const headerOf = (key: NewCustomerKey, lang: Language): string => {
  const spec = NEW_CUSTOMER_COLUMNS.find((c) => c.key === key);
  return spec ? headerIn(spec, lang) : key;
};

function validate(
  text: (k: NewCustomerKey) => string,
  errorIn: (k: NewCustomerKey) => boolean,
  lang: Language,
) {
  const header = (k: NewCustomerKey) => headerOf(k, lang);
  const t = pick(CUSTOMER_TEXTS);
  const problems: string[] = [];
  const required = (k: NewCustomerKey): string => {
    const v = text(k);
    if (errorIn(k) || v === "") problems.push(t.missing(header(k)));
    else if (v.length > MAX_TEXT) problems.push(t.tooLong(header(k), MAX_TEXT));
    return v;
  };
  const companyName = required("companyName");
  const address = required("address");
  let zipCode = required("zipCode");
  const city = required("city");
  const primaryEmail = required("email");
  const countryCode = (text("countryCode") || "NL").toUpperCase();
  if (!COUNTRIES.has(countryCode)) problems.push(t.badCountry(text("countryCode")));
  if (primaryEmail !== "" && !EMAIL.test(primaryEmail)) problems.push(t.badEmail(primaryEmail));
  if (zipCode !== "" && countryCode === "NL") {
    const m = DUTCH_ZIP.exec(zipCode);
    if (m) zipCode = `${m[1]} ${(m[2] ?? "").toUpperCase()}`;
    else problems.push(t.badZip(zipCode));
  }
  const phone = text("phone");
  const body: CreateCustomerBody | null =
    problems.length > 0
      ? null
      : { companyName, address, zipCode, city, primaryEmail, countryCode, ...(phone ? { phone } : {}) };
  return { body, problems };
}

/** Every non-blank row of New customers, validated. */
export function parseNewCustomers(table: SheetTable, columns: ColumnMap<NewCustomerKey>): NewCustomerRow[] {
  const lang = headerLanguage(table.header, NEW_CUSTOMER_COLUMNS) ?? language();
  const rows: { cells: readonly Cell[]; sheetRow: number }[] = [];
  table.rows.forEach((cells, i) => {
    if (!INPUT_KEYS.every((k) => isBlankCell(cellAt(cells, columns, k))))
      rows.push({ cells, sheetRow: i + FIRST_DATA_ROW });
  });
  const byKey = new Map<string, number[]>();
  for (const r of rows) {
    const k = nameKey(shownText(cellAt(r.cells, columns, "companyName")));
    if (k !== "") byKey.set(k, [...(byKey.get(k) ?? []), r.sheetRow]);
  }
  return rows.map(({ cells, sheetRow }) => {
    const cell = (k: NewCustomerKey) => cellAt(cells, columns, k);
    const text = (k: NewCustomerKey) => (isErrorCell(cell(k)) ? "" : shownText(cell(k)));
    const { body, problems } = validate(text, (k) => isErrorCell(cell(k)), lang);
    const key = nameKey(text("companyName"));
    const others = (byKey.get(key) ?? []).filter((r) => r !== sheetRow);
    const all = others.length > 0 ? [...problems, pick(CUSTOMER_TEXTS).duplicateNew(others)] : problems;
    const statusText = text("status");
    return {
      sheetRow,
      key,
      companyName: text("companyName"),
      email: text("email"),
      status: newCustomerStatusOf(statusText),
      statusText,
      customerId: CUSTOMER_ID.test(text("customerId")) ? text("customerId") : "",
      message: text("message"),
      sent: parseSent(text("sent")),
      body: all.length > 0 ? null : body,
      problems: all,
    };
  });
}
