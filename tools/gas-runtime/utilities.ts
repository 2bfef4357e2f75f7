// Utilities: formatDate with real time zones, a virtual sleep, seeded UUIDs, printf-style
// formatString and base64 on strings and byte arrays.

import { formatDate } from "./date-format";
import { strict } from "./env";
import type { ExecEnv } from "./execution";

const MAX_SLEEP_MS = 300_000;

export function createUtilities(env: ExecEnv, random: () => number): object {
  const record = (method: string, detail?: unknown) => env.record("Utilities", method, detail);
  return strict(
    "Utilities",
    {
      Charset: strict("Utilities.Charset", Object.freeze({ US_ASCII: "US_ASCII", UTF_8: "UTF_8" }), env),
      formatDate(date: unknown, timeZone: string, pattern: string): string {
        record("formatDate");
        const ms = env.dateMs(date);
        if (ms === null) throw env.makeError("Invalid argument: date");
        try {
          return formatDate(ms, String(timeZone), String(pattern));
        } catch (e) {
          throw env.makeError(
            `Invalid argument: ${e instanceof RangeError ? "timeZone" : (e as Error).message}`,
          );
        }
      },
      sleep(ms: number): void {
        const duration = Number(ms);
        if (!(duration >= 0) || duration > MAX_SLEEP_MS) {
          record("sleep");
          throw env.makeError("Invalid argument: milliseconds");
        }
        record("sleep", { ms: duration });
      },
      getUuid(): string {
        record("getUuid");
        return uuid(random);
      },
      formatString(template: string, ...args: unknown[]): string {
        record("formatString");
        return formatString(String(template), args);
      },
      base64Encode(data: string | number[], _charset?: string): string {
        record("base64Encode");
        return toBytes(data).toString("base64");
      },
      base64EncodeWebSafe(data: string | number[], _charset?: string): string {
        record("base64EncodeWebSafe");
        return toBytes(data).toString("base64").replace(/\+/g, "-").replace(/\//g, "_");
      },
      base64Decode(encoded: string): number[] {
        record("base64Decode");
        return env.toScript(signedBytes(Buffer.from(String(encoded), "base64")));
      },
      base64DecodeWebSafe(encoded: string): number[] {
        record("base64DecodeWebSafe");
        return env.toScript(signedBytes(Buffer.from(String(encoded), "base64url")));
      },
    },
    env,
  );
}

function toBytes(data: string | number[]): Buffer {
  return typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data.map((b) => b & 255));
}

/** Apps Script hands bytes out as Java bytes: -128..127. */
function signedBytes(buf: Buffer): number[] {
  return [...buf].map((b) => (b > 127 ? b - 256 : b));
}

function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16));
  hex[12] = 4;
  hex[16] = 8 + ((hex[16] ?? 0) & 3);
  const s = hex.map((h) => h.toString(16)).join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** Java's String.format for the common cases: %s %d %f %x %% with flags "-", "0", width, precision. */
export function formatString(template: string, args: unknown[]): string {
  let next = 0;
  return template.replace(
    /%(-)?(0)?(\d+)?(?:\.(\d+))?([sdfx%n])/g,
    (_m, left, zero, width, precision, conv) => {
      if (conv === "%") return "%";
      if (conv === "n") return "\n";
      const arg = args[next++];
      let text: string;
      if (conv === "d") text = String(Math.trunc(Number(arg)));
      else if (conv === "f") text = Number(arg).toFixed(precision === undefined ? 6 : Number(precision));
      else if (conv === "x") text = Math.trunc(Number(arg)).toString(16);
      else text = precision === undefined ? String(arg) : String(arg).slice(0, Number(precision));
      const w = width === undefined ? 0 : Number(width);
      if (text.length >= w) return text;
      if (left) return text.padEnd(w, " ");
      if (zero && conv !== "s") {
        const negative = text.startsWith("-");
        return (negative ? "-" : "") + text.slice(negative ? 1 : 0).padStart(w - (negative ? 1 : 0), "0");
      }
      return text.padStart(w, " ");
    },
  );
}
