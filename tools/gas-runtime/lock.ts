// LockService: document, script and per-user locks shared by all executions of a runtime; a test
// can make "another execution" hold one (GasRuntime.holdLock) to see how the script waits.
import { strict } from "./env";
import type { ExecEnv } from "./execution";

export type LockKind = "document" | "script" | "user";

const TIMEOUT_MESSAGE = "Lock timeout: another process was holding the lock for too long.";

export class LockTable {
  private readonly holders = new Map<string, string>();
  private others = 0;

  static key(kind: LockKind, user: string): string {
    return kind === "user" ? `user:${user}` : kind;
  }

  holder(key: string): string | undefined {
    return this.holders.get(key);
  }

  acquire(key: string, holder: string): boolean {
    const current = this.holders.get(key);
    if (current !== undefined && current !== holder) return false;
    this.holders.set(key, holder);
    return true;
  }

  release(key: string, holder: string): void {
    if (this.holders.get(key) === holder) this.holders.delete(key);
  }

  releaseAll(holder: string): void {
    for (const [key, h] of [...this.holders]) if (h === holder) this.holders.delete(key);
  }

  /** Makes another (imaginary) execution hold the lock; returns the function that releases it. */
  holdAsOther(kind: LockKind, user: string): () => void {
    const key = LockTable.key(kind, user);
    const holder = `other-${++this.others}`;
    if (!this.acquire(key, holder)) throw new Error(`[gas-runtime] the ${kind} lock is already held`);
    return () => this.release(key, holder);
  }
}

export function createLockService(env: ExecEnv, table: LockTable): object {
  const open = (getter: string, kind: LockKind) => () => {
    env.record("LockService", getter);
    return makeLock(env, table, LockTable.key(kind, env.user));
  };
  return strict(
    "LockService",
    {
      getDocumentLock: open("getDocumentLock", "document"),
      getScriptLock: open("getScriptLock", "script"),
      getUserLock: open("getUserLock", "user"),
    },
    env,
  );
}

function makeLock(env: ExecEnv, table: LockTable, key: string): object {
  // Executions here run one after the other, so a lock held by someone else stays held for the
  // whole wait: the wait costs its full timeout in virtual time.
  const attempt = (timeoutMs: number): boolean => {
    if (table.acquire(key, env.holderId)) return true;
    env.spend(Math.max(0, Number(timeoutMs) || 0));
    return false;
  };
  return strict(
    "Lock",
    {
      tryLock(timeoutMs: number): boolean {
        env.record("Lock", "tryLock");
        return attempt(timeoutMs);
      },
      waitLock(timeoutMs: number): void {
        env.record("Lock", "waitLock");
        if (!attempt(timeoutMs)) throw env.makeError(TIMEOUT_MESSAGE);
      },
      hasLock(): boolean {
        env.record("Lock", "hasLock");
        return table.holder(key) === env.holderId;
      },
      releaseLock(): void {
        env.record("Lock", "releaseLock");
        table.release(key, env.holderId);
      },
    },
    env,
  );
}
