// What the API answered, in a short plain form for a cell or the log: its message and its field
// errors, whatever the body is (JSON, an HTML page, plain text, 1 MB of garbage).

/** At most this many characters of the API's words in all (CONTRACT §6). */
export const MAX_ANSWER_CHARS = 500;
/** One text (the message, one field error) at most: leaves room for the others. */
export const MAX_TEXT_CHARS = 300;
/** A body that is not JSON is shown only when it is this short: longer ones are pages or dumps. */
export const MAX_PLAIN_BODY = 200;
/** Sheets refuses a cell over this many characters. */
export const SHEETS_CELL_MAX = 50_000;
/** Larger bodies are not parsed: no reason is worth it. */
const MAX_JSON_CHARS = 2_000_000;
/** How much of the JSON is looked at: the first so many field names, messages per field. */
const MAX_FIELDS = 50;
const MAX_MESSAGES = 10;

export interface FieldError {
  /** As the API named it, e.g. `lines.0.vatRate`. */
  readonly path: string;
  /** 1-based offer line for `lines.N.…`, else null. */
  readonly line: number | null;
  /** The field within the line (`vatRate`), or the path itself for an offer field. */
  readonly field: string;
  readonly messages: readonly string[];
}

export interface AnswerSummary {
  readonly message: string | null;
  readonly fields: readonly FieldError[];
  /** The body was an HTML (or other markup) page: nothing of it is shown, only the status. */
  readonly html: boolean;
  /** Field messages left out to stay within MAX_ANSWER_CHARS. */
  readonly omitted: number;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text safe to show: whitespace runs made one space, control characters and bidirectional overrides
 * (which can make a cell read backwards) removed, broken surrogates dropped, trimmed.
 */
export function plainText(text: string): string {
  return text.replace(/\s+/g, " ").replace(UNSAFE, "").replace(LONE_SURROGATE, "").trim();
}

/** `text` cut to at most `max` characters, ending in "…" when cut, never inside a surrogate pair. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 1) return "";
  let cut = max - 1;
  if (/[\ud800-\udbff]/.test(text.charAt(cut - 1))) cut--;
  return `${text.slice(0, cut)}…`;
}

/** A text from the body, bounded before any work is done on it. */
const clean = (text: string, max = MAX_TEXT_CHARS): string => capText(plainText(text.slice(0, max * 4)), max);

/** HTTP's own words for a status, to say more than the number when the API gave no reason. */
export const REASON_PHRASES: Readonly<Record<number, string>> = {
  400: "bad request",
  401: "unauthorized",
  403: "forbidden",
  404: "not found",
  405: "method not allowed",
  408: "request timeout",
  409: "conflict",
  413: "payload too large",
  415: "unsupported media type",
  422: "unprocessable entity",
  429: "too many requests",
  500: "internal server error",
  502: "bad gateway",
  503: "service unavailable",
  504: "gateway timeout",
};

export function summarizeAnswer(status: number, contentType: string | null, body: string): AnswerSummary {
  const type = (contentType ?? "").toLowerCase();
  const start = body.slice(0, 1000).replace(/^[\s\ufeff]+/, "");
  const none = { message: null, fields: [], html: false, omitted: 0 };
  if (start.startsWith("<") || (type.includes("html") && !/^[[{"]/.test(start)))
    return { ...none, html: true };
  if (/^[[{"]/.test(start) || type.includes("json")) {
    const json = body.length <= MAX_JSON_CHARS ? parseJson(body) : undefined;
    if (json !== undefined) return fromJson(status, json);
    // JSON cut short or broken: its pieces are no reason.
    if (/^[[{]/.test(start)) return none;
  }
  // A short plain-text body is the reason itself ("Service Unavailable"); binary is not.
  const textual = type === "" || type.startsWith("text/") || type.includes("json");
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is a sign of binary.
  if (!textual || body.length > MAX_PLAIN_BODY * 4 || /[\u0000\ufffd]/.test(body)) return none;
  const text = plainText(body);
  if (text === "" || text.length > MAX_PLAIN_BODY) return none;
  return { ...none, message: dropGeneric(status, text) };
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined; // not JSON, or (in an old engine) nested too deep
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);

/** Reads `message` and `errors` only, each one level deep: no walk of the whole document. */
function fromJson(status: number, json: unknown): AnswerSummary {
  const general: string[] = [];
  const fields: { path: string; messages: string[] }[] = [];
  let message: string | null = null;
  let errors: unknown = null;
  if (typeof json === "string") message = json;
  else if (Array.isArray(json)) errors = json;
  else if (isRecord(json)) {
    const error = json.error;
    message =
      str(json.message) ??
      str(json.error_description) ??
      str(json.detail) ??
      str(json.title) ??
      str(error) ??
      (isRecord(error) ? str(error.message) : null);
    errors = json.errors;
  }
  if (typeof errors === "string") general.push(errors);
  else if (Array.isArray(errors)) {
    // A list: of strings, or of {field, message}.
    for (const e of errors.slice(0, MAX_FIELDS)) {
      // A pair or list of words (["lines", "bad"]) reads as one text.
      const words = Array.isArray(e)
        ? e
            .slice(0, MAX_MESSAGES)
            .map(str)
            .filter((w) => w !== null)
        : [];
      const text =
        str(e) ??
        (isRecord(e) ? (str(e.message) ?? str(e.detail)) : words.length > 0 ? words.join(": ") : null);
      const path = isRecord(e) ? (str(e.field) ?? str(e.path) ?? str(e.attribute)) : null;
      if (path !== null) fields.push({ path, messages: text === null ? [] : [text] });
      else if (text !== null) general.push(text);
    }
  } else if (isRecord(errors)) {
    // Laravel: {"lines.0.vatRate": ["The vat rate must be 0, 9 or 21."]}.
    for (const path of Object.keys(errors).slice(0, MAX_FIELDS)) nested(path, errors[path], fields, 0);
  }
  const fieldList = fields.filter((f) => plainText(f.path.slice(0, 400)) !== "");
  const first = fieldList[0]?.messages[0] ?? null;
  const said = [message, ...general].filter((m): m is string => m !== null).map((m) => clean(m));
  const kept = said.filter((m) => m !== "" && !(first !== null && restatesFirst(m, clean(first))));
  return withinBudget(
    dropGeneric(status, capText([...new Set(kept)].join("; "), MAX_ANSWER_CHARS)),
    fieldList,
  );
}

/**
 * One field's errors; nested objects (`{"lines": {"0": {"vatRate": […]}}}`) become dotted paths
 * (`lines.0.vatRate`), a few levels and MAX_FIELDS fields at most.
 */
function nested(path: string, v: unknown, into: { path: string; messages: string[] }[], depth: number): void {
  if (into.length >= MAX_FIELDS) return;
  if (isRecord(v) && str(v.message) === null && depth < 3) {
    for (const key of Object.keys(v).slice(0, MAX_FIELDS)) nested(`${path}.${key}`, v[key], into, depth + 1);
    return;
  }
  into.push({ path, messages: messagesOf(v) });
}

function messagesOf(v: unknown): string[] {
  if (typeof v === "string") return [v];
  if (typeof v === "number" || typeof v === "boolean") return [String(v)];
  if (isRecord(v)) return str(v.message) === null ? [] : [v.message as string];
  if (!Array.isArray(v)) return [];
  const out: string[] = [];
  for (const m of v.slice(0, MAX_MESSAGES)) {
    const text = str(m) ?? (typeof m === "number" ? String(m) : isRecord(m) ? str(m.message) : null);
    if (text !== null) out.push(text);
  }
  return out;
}

/**
 * Laravel's message repeats the first field error ("… (and 2 more errors)") or says only that
 * there are some ("The given data was invalid."): with the fields shown, it adds nothing.
 */
function restatesFirst(message: string, first: string): boolean {
  const m = message.replace(/\s*\(and \d+ more errors?\)$/i, "");
  return m === first || /^the given data was invalid\.?$/i.test(m);
}

/** A message that only names the status ("Not Found" with a 404) adds nothing to it. */
function dropGeneric(status: number, message: string): string | null {
  if (message === "") return null;
  const phrase = REASON_PHRASES[status];
  return phrase !== undefined && message.toLowerCase().replace(/\.$/, "") === phrase ? null : message;
}

/** Field errors, cleaned and within MAX_ANSWER_CHARS together with the message. */
function withinBudget(message: string | null, raw: { path: string; messages: string[] }[]): AnswerSummary {
  let budget = MAX_ANSWER_CHARS - (message?.length ?? 0);
  let omitted = 0;
  const fields: FieldError[] = [];
  for (const f of raw) {
    const path = clean(f.path, 100);
    const texts = f.messages.map((m) => clean(m)).filter((m) => m !== "");
    if (budget < path.length + 10) {
      omitted += Math.max(1, texts.length);
      continue;
    }
    budget -= path.length;
    const messages: string[] = [];
    for (const t of texts) {
      if (budget < 10) {
        omitted++;
        continue;
      }
      const shown = capText(t, budget);
      budget -= shown.length;
      messages.push(shown);
    }
    fields.push({ path, ...lineAndField(path), messages });
  }
  return { message, fields, html: false, omitted };
}

/** `lines.0.vatRate` (or `lines[0].vatRate`) → line 1, field `vatRate`; `customerId` → no line. */
function lineAndField(path: string): { line: number | null; field: string } {
  const m = /^lines(?:\.(\d{1,6})|\[(\d{1,6})\])(?:\.(.*))?$/.exec(path);
  if (!m) return { line: null, field: path };
  return { line: Number(m[1] ?? m[2]) + 1, field: m[3] ?? "" };
}
