// PropertiesService: script, document and per-user property stores that outlive executions.
import { strict } from "./env";
import { type ExecEnv, requireAuth } from "./execution";

export class PropertyStores {
  readonly script = new Map<string, string>();
  readonly document = new Map<string, string>();
  private readonly users = new Map<string, Map<string, string>>();

  constructor(private readonly defaultUser: string) {}

  user(email: string = this.defaultUser): Map<string, string> {
    let store = this.users.get(email);
    if (!store) {
      store = new Map();
      this.users.set(email, store);
    }
    return store;
  }
}

export function createPropertiesService(env: ExecEnv, stores: PropertyStores): object {
  const open = (getter: string, store: () => Map<string, string>) => () => {
    env.record("PropertiesService", getter);
    requireAuth(env, `PropertiesService.${getter}`, "script.storage");
    return makeProperties(env, store());
  };
  return strict(
    "PropertiesService",
    {
      getScriptProperties: open("getScriptProperties", () => stores.script),
      getDocumentProperties: open("getDocumentProperties", () => stores.document),
      getUserProperties: open("getUserProperties", () => stores.user(env.user)),
    },
    env,
  );
}

function makeProperties(env: ExecEnv, store: Map<string, string>): object {
  const call = (method: string) => env.record("Properties", method);
  const self: object = strict(
    "Properties",
    {
      getProperty(key: string): string | null {
        call("getProperty");
        return store.get(String(key)) ?? null;
      },
      setProperty(key: string, value: string) {
        call("setProperty");
        store.set(String(key), String(value));
        return self;
      },
      deleteProperty(key: string) {
        call("deleteProperty");
        store.delete(String(key));
        return self;
      },
      getProperties(): Record<string, string> {
        call("getProperties");
        return env.toScript(Object.fromEntries(store));
      },
      setProperties(values: Record<string, string>, deleteAllOthers?: boolean) {
        call("setProperties");
        if (deleteAllOthers) store.clear();
        for (const [k, v] of Object.entries(values)) store.set(k, String(v));
        return self;
      },
      deleteAllProperties() {
        call("deleteAllProperties");
        store.clear();
        return self;
      },
      getKeys(): string[] {
        call("getKeys");
        return env.toScript([...store.keys()]);
      },
    },
    env,
  );
  return self;
}
