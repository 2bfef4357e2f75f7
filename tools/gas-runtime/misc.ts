// The small services: Session, Logger, console and MailApp. Logs and mail go to lists the runtime
// keeps across executions, so tests can check what the script said and sent.
import { createHash } from "node:crypto";
import { inspect } from "node:util";
import { strict } from "./env";
import { type ExecEnv, requireAuth } from "./execution";
import { formatString } from "./utilities";

export interface LogEntry {
  level: string;
  text: string;
  atMs: number;
}

export interface MailEntry {
  to: string;
  subject: string;
  body: string;
  htmlBody?: string;
  atMs: number;
}

const MAIL_DAILY_QUOTA = 100;
const DAY = 86_400_000;

export function createSession(env: ExecEnv): object {
  const user = (method: string) => () => {
    env.record("Session", method);
    return strict(
      "User",
      {
        getEmail() {
          env.record("User", "getEmail");
          return env.user;
        },
      },
      env,
    );
  };
  return strict(
    "Session",
    {
      getActiveUser: user("getActiveUser"),
      getEffectiveUser: user("getEffectiveUser"),
      getScriptTimeZone() {
        env.record("Session", "getScriptTimeZone");
        return env.scriptTimeZone;
      },
      getActiveUserLocale() {
        env.record("Session", "getActiveUserLocale");
        return "en";
      },
      getTemporaryActiveUserKey() {
        env.record("Session", "getTemporaryActiveUserKey");
        return createHash("sha256").update(`gas-runtime:${env.user}`).digest("base64url").slice(0, 40);
      },
    },
    env,
  );
}

function show(value: unknown): string {
  if (typeof value === "string") return value;
  if (value !== null && typeof value === "object") {
    try {
      return JSON.stringify(value) ?? String(value);
    } catch {
      return inspect(value);
    }
  }
  return String(value);
}

export function createLogger(env: ExecEnv, logs: LogEntry[]): object {
  let text = "";
  const self: object = strict(
    "Logger",
    {
      log(format: unknown, ...args: unknown[]) {
        env.record("Logger", "log");
        const line =
          args.length > 0 && typeof format === "string" ? formatString(format, args) : show(format);
        logs.push({ level: "log", text: line, atMs: env.now() });
        text += `${line}\n`;
        return self;
      },
      getLog() {
        env.record("Logger", "getLog");
        return text;
      },
      clear() {
        env.record("Logger", "clear");
        text = "";
      },
    },
    env,
  );
  return self;
}

export function createConsole(env: ExecEnv, logs: LogEntry[]): object {
  const level =
    (name: string) =>
    (...args: unknown[]) => {
      env.record("console", name);
      logs.push({ level: name, text: args.map(show).join(" "), atMs: env.now() });
    };
  return strict(
    "console",
    { log: level("log"), info: level("info"), warn: level("warn"), error: level("error") },
    env,
  );
}

export function createMailApp(env: ExecEnv, mail: MailEntry[]): object {
  const sentToday = () => mail.filter((m) => m.atMs > env.now() - DAY).length;
  return strict(
    "MailApp",
    {
      sendEmail(first: unknown, subject?: unknown, body?: unknown) {
        env.record("MailApp", "sendEmail");
        requireAuth(env, "MailApp.sendEmail", "script.send_mail");
        if (sentToday() >= MAIL_DAILY_QUOTA) {
          throw env.makeError("Service invoked too many times for one day: email.");
        }
        const m =
          first !== null && typeof first === "object"
            ? (first as Record<string, unknown>)
            : { to: first, subject, body };
        if (!m.to) throw env.makeError("Invalid argument: recipient");
        const entry: MailEntry = {
          to: String(m.to),
          subject: String(m.subject ?? ""),
          body: String(m.body ?? ""),
          atMs: env.now(),
        };
        if (m.htmlBody !== undefined) entry.htmlBody = String(m.htmlBody);
        mail.push(entry);
      },
      getRemainingDailyQuota() {
        env.record("MailApp", "getRemainingDailyQuota");
        requireAuth(env, "MailApp.getRemainingDailyQuota", "script.send_mail");
        return MAIL_DAILY_QUOTA - sentToday();
      },
    },
    env,
  );
}
