// The key-value stores of Apps Script (properties and caches) behind the Stores interface.

import type { ExpiringStore, KeyValueStore, Stores } from "../core/ports";

function propertyStore(props: GoogleAppsScript.Properties.Properties): KeyValueStore {
  return {
    get: (key) => props.getProperty(key),
    set: (key, value) => {
      props.setProperty(key, value);
    },
    remove: (key) => {
      props.deleteProperty(key);
    },
  };
}

function cacheStore(cache: GoogleAppsScript.Cache.Cache | null): ExpiringStore | null {
  if (!cache) return null;
  return {
    get: (key) => cache.get(key),
    put: (key, value, seconds) => cache.put(key, value, seconds),
  };
}

/** Stores are opened when first used: an entry point that needs none makes no service call. */
export function appsScriptStores(): Stores {
  let document: KeyValueStore | null = null;
  let user: KeyValueStore | null = null;
  let userCache: ExpiringStore | null | undefined;
  let documentCache: ExpiringStore | null | undefined;
  const lazy = (open: () => KeyValueStore): KeyValueStore => {
    let store: KeyValueStore | null = null;
    const s = (): KeyValueStore => {
      store ??= open();
      return store;
    };
    return { get: (k) => s().get(k), set: (k, v) => s().set(k, v), remove: (k) => s().remove(k) };
  };
  document = lazy(() => propertyStore(PropertiesService.getDocumentProperties()));
  user = lazy(() => propertyStore(PropertiesService.getUserProperties()));
  const script = lazy(() => propertyStore(PropertiesService.getScriptProperties()));
  return {
    document,
    user,
    script,
    get userCache() {
      if (userCache === undefined) userCache = cacheStore(CacheService.getUserCache());
      return userCache;
    },
    get documentCache() {
      if (documentCache === undefined) documentCache = cacheStore(CacheService.getDocumentCache());
      return documentCache;
    },
  };
}
