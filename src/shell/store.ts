// Small key-value stores the use cases keep state in: document properties (shared by everyone
// using the spreadsheet), the user's cache, and who the current user is.

export interface Store {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export function documentStore(): Store {
  const props = PropertiesService.getDocumentProperties();
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

/** The user's cache (values expire); null when Apps Script has none to give. */
export function userCache(): {
  get(key: string): string | null;
  put(key: string, value: string, seconds: number): void;
} | null {
  const cache = CacheService.getUserCache();
  return cache
    ? { get: (key) => cache.get(key), put: (key, value, seconds) => cache.put(key, value, seconds) }
    : null;
}

export function currentUserEmail(): string {
  return Session.getEffectiveUser().getEmail();
}

/** One run at a time: the document lock, or null when another run holds it. */
export function tryDocumentLock(waitMs: number): { release(): void } | null {
  const lock = LockService.getDocumentLock();
  return lock.tryLock(waitMs) ? { release: () => lock.releaseLock() } : null;
}
