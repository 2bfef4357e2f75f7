// Logger and console: what the script logs goes to a list the runtime keeps across executions, so
// tests can check what the script said.
import { inspect } from "node:util";
import { strict } from "./env";
import type { ExecEnv } from "./execution";
import { formatString } from "./utilities";

export interface LogEntry {
  level: string;
  text: string;
  atMs: number;
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
