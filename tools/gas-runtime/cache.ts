// CacheService: script, document and per-user caches that outlive executions, with expiry on the
// virtual clock.
import { strict } from "./env";
import type { ExecEnv } from "./execution";

interface Entry {
  value: string;
  expiresAt: number;
}

const MAX_TTL_SECONDS = 21_600;
const DEFAULT_TTL_SECONDS = 600;

export class CacheStores {
  readonly script = new Map<string, Entry>();
  readonly document = new Map<string, Entry>();
  private readonly users = new Map<string, Map<string, Entry>>();

  user(email: string): Map<string, Entry> {
    let store = this.users.get(email);
    if (!store) {
      store = new Map();
      this.users.set(email, store);
    }
    return store;
  }
}

export function createCacheService(env: ExecEnv, stores: CacheStores): object {
  const open = (getter: string, store: () => Map<string, Entry>) => () => {
    env.record("CacheService", getter);
    return makeCache(env, store());
  };
  return strict(
    "CacheService",
    {
      getScriptCache: open("getScriptCache", () => stores.script),
      getDocumentCache: open("getDocumentCache", () => stores.document),
      getUserCache: open("getUserCache", () => stores.user(env.user)),
    },
    env,
  );
}

function makeCache(env: ExecEnv, store: Map<string, Entry>): object {
  const read = (key: string): string | null => {
    const entry = store.get(String(key));
    if (!entry) return null;
    if (entry.expiresAt <= env.now()) {
      store.delete(String(key));
      return null;
    }
    return entry.value;
  };
  const write = (key: string, value: unknown, ttlSeconds: number | undefined) => {
    const ttl = Math.min(MAX_TTL_SECONDS, Math.max(1, Number(ttlSeconds ?? DEFAULT_TTL_SECONDS)));
    store.set(String(key), { value: String(value), expiresAt: env.now() + ttl * 1000 });
  };
  return strict(
    "Cache",
    {
      get(key: string): string | null {
        env.record("Cache", "get");
        return read(key);
      },
      getAll(keys: string[]): Record<string, string> {
        env.record("Cache", "getAll");
        const out: Record<string, string> = {};
        for (const key of keys) {
          const value = read(key);
          if (value !== null) out[key] = value;
        }
        return env.toScript(out);
      },
      put(key: string, value: string, ttlSeconds?: number): void {
        env.record("Cache", "put");
        write(key, value, ttlSeconds);
      },
      putAll(values: Record<string, string>, ttlSeconds?: number): void {
        env.record("Cache", "putAll");
        for (const [k, v] of Object.entries(values)) write(k, v, ttlSeconds);
      },
      remove(key: string): void {
        env.record("Cache", "remove");
        store.delete(String(key));
      },
      removeAll(keys: string[]): void {
        env.record("Cache", "removeAll");
        for (const key of keys) store.delete(String(key));
      },
    },
    env,
  );
}
