// The stored state (src/core/state-keys.ts): every key lives in its own store under a unique name,
// reads garbage or nothing as its fallback, and round-trips what it saves.

import type { ExpiringStore, KeyValueStore, Stores } from "../../src/core/ports";
import {
  ALL_KEYS,
  API_KEY,
  BASE_URL,
  CONTINUATION,
  clearState,
  LANGUAGE,
  LIST_SHAPE,
  loadState,
  PROGRESS,
  RUNS_STOPPED_AT,
  saveState,
} from "../../src/core/state-keys";

function memoryStores() {
  const maps = {
    document: new Map<string, string>(),
    user: new Map<string, string>(),
    script: new Map<string, string>(),
    userCache: new Map<string, string>(),
    documentCache: new Map<string, string>(),
  };
  const kv = (m: Map<string, string>): KeyValueStore => ({
    get: (k) => m.get(k) ?? null,
    set: (k, v) => void m.set(k, v),
    remove: (k) => void m.delete(k),
  });
  const cache = (m: Map<string, string>): ExpiringStore => ({
    get: (k) => m.get(k) ?? null,
    put: (k, v) => void m.set(k, v),
  });
  const stores: Stores = {
    document: kv(maps.document),
    user: kv(maps.user),
    script: kv(maps.script),
    userCache: cache(maps.userCache),
    documentCache: cache(maps.documentCache),
  };
  return { stores, maps };
}

describe("state keys", () => {
  it("have unique names, all starting with MKP_", () => {
    const names = ALL_KEYS.map((k) => k.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^MKP_[A-Z_a-z]+$/);
  });

  it("each goes to its own store, and nothing else is touched", () => {
    const { stores, maps } = memoryStores();
    saveState(stores, API_KEY, "mkp_live_x");
    saveState(stores, LIST_SHAPE, { order: "asc", perPage: 100, pages: 12, at: 5 });
    saveState(stores, PROGRESS, { action: "create", done: 1, toGo: 2, startedAt: 3, updatedAt: 4 });
    expect([...maps.user.keys()]).toEqual(["MKP_API_KEY"]);
    expect([...maps.document.keys()]).toEqual(["MKP_LIST_SHAPE"]);
    expect([...maps.documentCache.keys()]).toEqual(["MKP_PROGRESS"]);
    expect(maps.script.size + maps.userCache.size).toBe(0);
  });

  it("round-trip what they save", () => {
    const { stores } = memoryStores();
    const shape = { order: "desc" as const, perPage: 15, pages: null, at: 99 };
    saveState(stores, LIST_SHAPE, shape);
    expect(loadState(stores, LIST_SHAPE)).toEqual(shape);
    saveState(stores, CONTINUATION, { kind: "refresh", idle: 2 });
    expect(loadState(stores, CONTINUATION)).toEqual({ kind: "refresh", idle: 2 });
    saveState(stores, LANGUAGE, "nl");
    expect(loadState(stores, LANGUAGE)).toBe("nl");
  });

  it("read nothing, blanks and garbage as their fallback", () => {
    const { stores, maps } = memoryStores();
    expect(loadState(stores, API_KEY)).toBeNull();
    maps.user.set("MKP_API_KEY", "   ");
    expect(loadState(stores, API_KEY)).toBeNull();
    for (const garbage of ["{", "[]", "42", '{"perPage":0,"at":1}', '{"perPage":"x","at":1}']) {
      maps.document.set("MKP_LIST_SHAPE", garbage);
      expect(loadState(stores, LIST_SHAPE)).toBeNull();
    }
    maps.document.set("MKP_LIST_SHAPE", '{"order":"sideways","perPage":15,"at":1,"pages":-3}');
    expect(loadState(stores, LIST_SHAPE)).toEqual({ order: "unknown", perPage: 15, pages: null, at: 1 });
    maps.user.set("MKP_CONTINUATION", '{"kind":"delete","idle":1}');
    expect(loadState(stores, CONTINUATION)).toBeNull();
    maps.user.set("MKP_RUNS_STOPPED_AT", '{"at":"noon"}');
    expect(loadState(stores, RUNS_STOPPED_AT)).toBeNull();
  });

  it("a store that throws reads as empty", () => {
    const { stores } = memoryStores();
    const broken: Stores = {
      ...stores,
      user: {
        get: () => {
          throw new Error("Service unavailable");
        },
        set: () => undefined,
        remove: () => undefined,
      },
    };
    expect(loadState(broken, API_KEY)).toBeNull();
  });

  it("a script property is only read, never written; no cache means nothing kept", () => {
    const { stores, maps } = memoryStores();
    saveState(stores, BASE_URL, "https://evil.example");
    expect(maps.script.size).toBe(0);
    const noCache: Stores = { ...stores, documentCache: null };
    saveState(noCache, PROGRESS, { action: "create", done: 1, toGo: 2, startedAt: 3, updatedAt: 4 });
    expect(loadState(noCache, PROGRESS)).toBeNull();
  });

  it("clearing removes a property and blanks a cache entry", () => {
    const { stores, maps } = memoryStores();
    saveState(stores, API_KEY, "k");
    saveState(stores, PROGRESS, { action: "create", done: 1, toGo: 2, startedAt: 3, updatedAt: 4 });
    clearState(stores, API_KEY);
    clearState(stores, PROGRESS);
    expect(maps.user.has("MKP_API_KEY")).toBe(false);
    expect(loadState(stores, PROGRESS)).toBeNull();
  });
});
