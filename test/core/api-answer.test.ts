import {
  type AnswerSummary,
  capText,
  MAX_ANSWER_CHARS,
  plainText,
  SHEETS_CELL_MAX,
  summarizeAnswer,
} from "../../src/core/api-answer";

const JSON_TYPE = "application/json";
const none = (extra: Partial<AnswerSummary> = {}): AnswerSummary => ({
  message: null,
  fields: [],
  html: false,
  omitted: 0,
  ...extra,
});
/** Characters of the API's words in a summary. */
const size = (s: AnswerSummary) =>
  (s.message?.length ?? 0) + s.fields.reduce((n, f) => n + f.path.length + f.messages.join("").length, 0);

describe("summarizeAnswer: shapes", () => {
  test.each([
    [
      "JSON message",
      422,
      JSON_TYPE,
      '{"message":"Customer not found."}',
      none({ message: "Customer not found." }),
    ],
    [
      "Laravel field errors: line 1, field vatRate",
      422,
      JSON_TYPE,
      JSON.stringify({
        message: "The vat rate must be 0, 9 or 21. (and 1 more error)",
        errors: {
          "lines.0.vatRate": ["The vat rate must be 0, 9 or 21."],
          customerId: ["Unknown customer."],
        },
      }),
      none({
        fields: [
          {
            path: "lines.0.vatRate",
            line: 1,
            field: "vatRate",
            messages: ["The vat rate must be 0, 9 or 21."],
          },
          { path: "customerId", line: null, field: "customerId", messages: ["Unknown customer."] },
        ],
      }),
    ],
    [
      "Laravel's 'The given data was invalid.' adds nothing to the fields",
      422,
      JSON_TYPE,
      '{"message":"The given data was invalid.","errors":{"lines.11.amountExclVat":["Must be a decimal."]}}',
      none({
        fields: [
          {
            path: "lines.11.amountExclVat",
            line: 12,
            field: "amountExclVat",
            messages: ["Must be a decimal."],
          },
        ],
      }),
    ],
    [
      "a message that says more than the fields is kept",
      422,
      JSON_TYPE,
      '{"message":"Offer rejected by policy.","errors":{"lines.0":["Line is empty."]}}',
      none({
        message: "Offer rejected by policy.",
        fields: [{ path: "lines.0", line: 1, field: "", messages: ["Line is empty."] }],
      }),
    ],
    [
      "bracket paths and nested fields",
      422,
      JSON_TYPE,
      '{"errors":{"lines[2].vat.rate":"bad","lines":"At least one line."}}',
      none({
        fields: [
          { path: "lines[2].vat.rate", line: 3, field: "vat.rate", messages: ["bad"] },
          { path: "lines", line: null, field: "lines", messages: ["At least one line."] },
        ],
      }),
    ],
    [
      "errors as a list of strings",
      400,
      JSON_TYPE,
      '{"errors":["Offer number is taken.","Expiry before issue date."]}',
      none({ message: "Offer number is taken.; Expiry before issue date." }),
    ],
    [
      "errors as a list of {field, message}",
      400,
      JSON_TYPE,
      '{"message":"Invalid.","errors":[{"field":"expiresAt","message":"Too early."},{"message":"General."},7,null]}',
      none({
        message: "Invalid.; General.",
        fields: [{ path: "expiresAt", line: null, field: "expiresAt", messages: ["Too early."] }],
      }),
    ],
    ["errors a number", 400, JSON_TYPE, '{"message":"Bad.","errors":42}', none({ message: "Bad." })],
    ["errors null", 400, JSON_TYPE, '{"message":"Bad.","errors":null}', none({ message: "Bad." })],
    ["errors a string", 400, JSON_TYPE, '{"errors":"Bad offer."}', none({ message: "Bad offer." })],
    [
      "field messages of odd types",
      422,
      JSON_TYPE,
      '{"errors":{"a":[1,true,null,{"message":"m"},["deep"]],"b":null,"c":{"message":"x"},"d":false}}',
      none({
        fields: [
          { path: "a", line: null, field: "a", messages: ["1", "m"] },
          { path: "b", line: null, field: "b", messages: [] },
          { path: "c", line: null, field: "c", messages: ["x"] },
          { path: "d", line: null, field: "d", messages: ["false"] },
        ],
      }),
    ],
    [
      "keys such as __proto__ are plain names",
      422,
      JSON_TYPE,
      '{"__proto__":{"message":"polluted"},"errors":{"__proto__":["x"],"constructor":["y"]}}',
      none({
        fields: [
          { path: "__proto__", line: null, field: "__proto__", messages: ["x"] },
          { path: "constructor", line: null, field: "constructor", messages: ["y"] },
        ],
      }),
    ],
    ["OAuth style error", 401, JSON_TYPE, '{"error":"invalid_token"}', none({ message: "invalid_token" })],
    [
      "error object",
      500,
      JSON_TYPE,
      '{"error":{"code":"E1","message":"Database down"}}',
      none({ message: "Database down" }),
    ],
    [
      "problem+json detail",
      409,
      "application/problem+json",
      '{"title":"Conflict","detail":"Already sent."}',
      none({ message: "Already sent." }),
    ],
    ["a JSON string", 400, JSON_TYPE, '"Something odd"', none({ message: "Something odd" })],
    ["JSON without a message", 500, JSON_TYPE, '{"code":500}', none()],
    [
      "the 429 body (its message only names the status)",
      429,
      JSON_TYPE,
      '{"code":429,"message":"Too many requests."}',
      none(),
    ],
    ["'Not Found' with a 404 names only the status", 404, JSON_TYPE, '{"message":"Not Found"}', none()],
    [
      "…but with a 400 it says something",
      400,
      JSON_TYPE,
      '{"message":"Not Found"}',
      none({ message: "Not Found" }),
    ],
    ["HTML by content type", 502, "text/html; charset=UTF-8", "Bad gateway, see page", none({ html: true })],
    [
      "HTML by its start",
      500,
      null,
      "  \n<!DOCTYPE html><html><body>Error</body></html>",
      none({ html: true }),
    ],
    ["HTML after a BOM", 500, JSON_TYPE, "\ufeff<html><title>x</title></html>", none({ html: true })],
    ["XML is markup too", 500, "application/xml", "<?xml version='1.0'?><e>x</e>", none({ html: true })],
    [
      "JSON served as text/html is still read",
      422,
      "text/html",
      '{"message":"Bad."}',
      none({ message: "Bad." }),
    ],
    [
      "short plain text",
      503,
      "text/plain",
      "  Down for\n maintenance  ",
      none({ message: "Down for maintenance" }),
    ],
    [
      "short text served as JSON that is not JSON",
      500,
      JSON_TYPE,
      "upstream timeout",
      none({ message: "upstream timeout" }),
    ],
    ["plain text naming only the status", 503, "text/plain", "Service Unavailable", none()],
    ["plain text over 200 characters", 500, "text/plain", "x ".repeat(150), none()],
    ["binary garbage", 500, "application/octet-stream", "\u0000\u0001PK\u0003\u0004", none()],
    ["binary garbage without a type", 500, null, "ab\ufffd\ufffdcd", none()],
    ["empty body", 500, null, "", none()],
    ["whitespace body", 500, "text/plain", " \n\t ", none()],
  ])("%s", (_name, status, type, body, expected) => {
    expect(summarizeAnswer(status, type, body)).toEqual(expected);
  });
});

describe("summarizeAnswer: robustness", () => {
  test("control characters, C1 and bidi overrides removed, whitespace collapsed", () => {
    const message = "a\u0007b\u0085c \u202eevil\u202c  \u2066x\u2069\r\n\u200fy\u0000";
    expect(summarizeAnswer(400, JSON_TYPE, JSON.stringify({ message })).message).toBe("abc evil x y");
    expect(
      summarizeAnswer(400, JSON_TYPE, JSON.stringify({ errors: { "a\u202eb": ["c\u0001d"] } })).fields,
    ).toEqual([{ path: "ab", line: null, field: "ab", messages: ["cd"] }]);
  });

  test("a 1 MB message is cut to the cap", () => {
    const s = summarizeAnswer(400, JSON_TYPE, JSON.stringify({ message: "x".repeat(1_000_000) }));
    expect(s.message?.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
    expect(s.message?.endsWith("…")).toBe(true);
  });

  test("thousands of field errors: at most 500 characters, the rest counted as omitted", () => {
    const errors: Record<string, string[]> = {};
    for (let i = 0; i < 5_000; i++) errors[`lines.${i}.description`] = [`Line ${i + 1} needs a description.`];
    const t = Date.now();
    const s = summarizeAnswer(
      422,
      JSON_TYPE,
      JSON.stringify({ message: "The given data was invalid.", errors }),
    );
    expect(Date.now() - t).toBeLessThan(2_000);
    expect(size(s)).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
    expect(s.fields[0]).toEqual({
      path: "lines.0.description",
      line: 1,
      field: "description",
      messages: ["Line 1 needs a description."],
    });
    expect(s.fields.length).toBeGreaterThan(5);
    expect(s.omitted).toBeGreaterThan(0);
    expect(s.message).toBeNull();
  });

  test("one very long field message leaves the total under the cap", () => {
    const s = summarizeAnswer(
      422,
      JSON_TYPE,
      JSON.stringify({ message: "m".repeat(400), errors: { a: ["x".repeat(10_000), "y"], b: ["z"] } }),
    );
    expect(size(s)).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
    expect(s.message).toBe(`${"m".repeat(299)}…`);
    expect(s.fields[0]?.messages[0]?.endsWith("…")).toBe(true);
  });

  test("deeply nested JSON does not blow the stack", () => {
    const deep = `{"message":"Deep.","errors":{"x":${"[".repeat(200_000)}${"]".repeat(200_000)}}}`;
    expect(summarizeAnswer(422, JSON_TYPE, deep)).toEqual(
      none({ message: "Deep.", fields: [{ path: "x", line: null, field: "x", messages: [] }] }),
    );
    expect(summarizeAnswer(422, JSON_TYPE, "[".repeat(500_000))).toEqual(none());
  });

  test("a 1 MB HTML page and 1 MB of random bytes", () => {
    expect(summarizeAnswer(500, null, `<html>${"<p>x</p>".repeat(150_000)}</html>`)).toEqual(
      none({ html: true }),
    );
    let bytes = "";
    for (let i = 0; i < 1_000_000; i++) bytes += String.fromCharCode((i * 7919) % 256);
    const s = summarizeAnswer(500, null, bytes);
    expect(s).toEqual(none());
  });

  test("a broken surrogate pair does not survive", () => {
    expect(plainText("a\ud800b\udc00c\ud83d\ude00")).toBe("abc\ud83d\ude00");
  });
});

describe("capText", () => {
  test.each([
    ["short enough", "abc", 3, "abc"],
    ["cut with an ellipsis", "abcdef", 4, "abc…"],
    ["never inside a surrogate pair", "ab\ud83d\ude00cd", 4, "ab…"],
    ["max 1", "abc", 1, "…"],
    ["max 0", "abc", 0, ""],
    ["empty", "", 5, ""],
  ])("%s", (_name, text, max, expected) => {
    expect(capText(text, max)).toBe(expected);
  });

  test("keeps a cell below Sheets' limit", () => {
    const out = capText("x".repeat(60_000), SHEETS_CELL_MAX);
    expect(out.length).toBe(SHEETS_CELL_MAX);
  });
});
