// ScriptApp: the installed-trigger table shared by all executions, the trigger builders, and the
// scheduling rules the runtime uses to fire time-driven triggers on the virtual clock.
import { enumOf, strict } from "./env";
import { type ExecEnv, requireAuth } from "./execution";
import type { TriggerRecord, TriggerType } from "./types";

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** Apps Script allows 20 triggers per user per script. */
const MAX_TRIGGERS_PER_USER = 20;

export const AUTH_MODE = enumOf("NONE", "CUSTOM_FUNCTION", "LIMITED", "FULL");
export const EVENT_TYPE = enumOf(
  "CLOCK",
  "ON_OPEN",
  "ON_EDIT",
  "ON_FORM_SUBMIT",
  "ON_CHANGE",
  "ON_EVENT_UPDATED",
);
export const TRIGGER_SOURCE = enumOf("SPREADSHEETS", "CLOCK", "FORMS", "DOCUMENTS", "CALENDAR");

export class TriggerTable {
  readonly list: TriggerRecord[] = [];
  private nextId = 1;

  add(fields: Omit<TriggerRecord, "id">): TriggerRecord {
    const trigger: TriggerRecord = { id: String(7_000_000 + this.nextId++), ...fields };
    this.list.push(trigger);
    return trigger;
  }

  remove(id: string): void {
    const i = this.list.findIndex((t) => t.id === id);
    if (i >= 0) this.list.splice(i, 1);
  }

  ownedBy(user: string): TriggerRecord[] {
    return this.list.filter((t) => t.owner === user);
  }

  /** Time-driven triggers that can still fire, earliest first. */
  scheduled(): TriggerRecord[] {
    return this.list
      .filter((t) => !t.disabled && t.type !== "onOpen" && t.dueAt !== undefined)
      .sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0));
  }

  /** Moves a trigger past a firing at `now`: recurring ones to their next slot, one-off ones to disabled. */
  fired(trigger: TriggerRecord, now: number): void {
    if (trigger.everyMs && trigger.dueAt !== undefined) {
      // Apps Script does not queue the runs a trigger missed: the next one is the next slot after now.
      while (trigger.dueAt <= now) trigger.dueAt += trigger.everyMs;
    } else {
      trigger.disabled = true;
    }
  }
}

/** The event object Apps Script passes to a time-driven trigger's handler. */
export function clockEvent(trigger: TriggerRecord, now: number): Record<string, unknown> {
  const d = new Date(now);
  return {
    authMode: "FULL",
    triggerUid: trigger.id,
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    "day-of-month": d.getUTCDate(),
    "day-of-week": d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    timezone: "UTC",
  };
}

export function createScriptApp(env: ExecEnv, table: TriggerTable): object {
  const handles = new WeakMap<object, string>();
  const guard = (method: string) => {
    env.record("ScriptApp", method);
    requireAuth(env, `ScriptApp.${method}`, "script.scriptapp");
  };
  const triggerObject = (t: TriggerRecord) => {
    const get =
      <T>(method: string, value: T) =>
      () => {
        env.record("Trigger", method);
        return value;
      };
    const obj = strict(
      "Trigger",
      {
        getUniqueId: get("getUniqueId", t.id),
        getHandlerFunction: get("getHandlerFunction", t.handler),
        getEventType: get("getEventType", t.type === "onOpen" ? EVENT_TYPE.ON_OPEN : EVENT_TYPE.CLOCK),
        getTriggerSource: get(
          "getTriggerSource",
          t.type === "onOpen" ? TRIGGER_SOURCE.SPREADSHEETS : TRIGGER_SOURCE.CLOCK,
        ),
        getTriggerSourceId: get("getTriggerSourceId", t.type === "onOpen" ? "spreadsheet" : null),
      },
      env,
    );
    handles.set(obj, t.id);
    return obj;
  };
  const install = (
    builder: string,
    handler: string,
    type: TriggerType | undefined,
    at: { everyMs?: number; dueAt?: number },
  ) => {
    env.record(builder, "create");
    requireAuth(env, `${builder}.create`, "script.scriptapp");
    if (!type)
      throw env.makeError("Missing time-based trigger schedule (everyHours, everyMinutes, after or at).");
    if (table.ownedBy(env.user).length >= MAX_TRIGGERS_PER_USER) {
      throw env.makeError(
        "This script has too many triggers. Triggers must be deleted from the script before more can be added.",
      );
    }
    return triggerObject(table.add({ handler, type, owner: env.user, createdAt: env.now(), ...at }));
  };
  const clockBuilder = (handler: string) => {
    let type: TriggerType | undefined;
    let at: { everyMs?: number; dueAt?: number } = {};
    const step = (method: string, apply: (arg: unknown) => void) => (arg: unknown) => {
      env.record("ClockTriggerBuilder", method);
      apply(arg);
      return self;
    };
    const self: object = strict(
      "ClockTriggerBuilder",
      {
        everyHours: step("everyHours", (n) => {
          if (![1, 2, 4, 6, 8, 12].includes(Number(n)))
            throw env.makeError("Hours must be 1, 2, 4, 6, 8 or 12.");
          type = "hourly";
          at = { everyMs: Number(n) * HOUR, dueAt: env.now() + Number(n) * HOUR };
        }),
        everyMinutes: step("everyMinutes", (n) => {
          if (![1, 5, 10, 15, 30].includes(Number(n))) {
            throw env.makeError("The value passed to everyMinutes must be 1, 5, 10, 15 or 30.");
          }
          type = "everyMinutes";
          at = { everyMs: Number(n) * MINUTE, dueAt: env.now() + Number(n) * MINUTE };
        }),
        after: step("after", (ms) => {
          type = "after";
          at = { dueAt: env.now() + Math.max(0, Number(ms)) };
        }),
        at: step("at", (date) => {
          const ms = env.dateMs(date);
          if (ms === null) throw env.makeError("Invalid argument: date");
          type = "at";
          at = { dueAt: ms };
        }),
        create: () => install("ClockTriggerBuilder", handler, type, at),
      },
      env,
    );
    return self;
  };
  const spreadsheetBuilder = (handler: string) => {
    let type: TriggerType | undefined;
    const self: object = strict(
      "SpreadsheetTriggerBuilder",
      {
        onOpen() {
          env.record("SpreadsheetTriggerBuilder", "onOpen");
          type = "onOpen";
          return self;
        },
        create: () => install("SpreadsheetTriggerBuilder", handler, type, {}),
      },
      env,
    );
    return self;
  };
  return strict(
    "ScriptApp",
    {
      AuthMode: strict("ScriptApp.AuthMode", AUTH_MODE, env),
      EventType: strict("ScriptApp.EventType", EVENT_TYPE, env),
      TriggerSource: strict("ScriptApp.TriggerSource", TRIGGER_SOURCE, env),
      newTrigger(handler: string) {
        guard("newTrigger");
        return strict(
          "TriggerBuilder",
          {
            timeBased() {
              env.record("TriggerBuilder", "timeBased");
              return clockBuilder(String(handler));
            },
            forSpreadsheet(_spreadsheet: unknown) {
              env.record("TriggerBuilder", "forSpreadsheet");
              return spreadsheetBuilder(String(handler));
            },
          },
          env,
        );
      },
      getProjectTriggers() {
        guard("getProjectTriggers");
        return env.toScriptList(table.ownedBy(env.user).map(triggerObject));
      },
      getUserTriggers(_spreadsheet: unknown) {
        guard("getUserTriggers");
        const mine = table.ownedBy(env.user).filter((t) => t.type === "onOpen");
        return env.toScriptList(mine.map(triggerObject));
      },
      deleteTrigger(trigger: object) {
        guard("deleteTrigger");
        const id = handles.get(trigger);
        if (id === undefined) throw env.makeError("Invalid argument: trigger");
        table.remove(id);
      },
      getScriptId() {
        env.record("ScriptApp", "getScriptId");
        return "local-gas-runtime-script";
      },
    },
    env,
  );
}
