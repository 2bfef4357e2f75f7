// List hooks of the MKP double: mutations (delete/add an offer or customer) applied just before a list
// request is answered, to reproduce "someone deleted an old offer while we paged".

import type { ActiveListHook, ListHookAction, ListHookRule } from "./types";

const ACTIONS = new Set(["delete-offer", "add-offer", "delete-customer", "add-customer", "configure"]);
const PATHS = new Set(["/customer-offers", "/customers"]);

/** Applies an action; returns the ids deleted or added (empty when there was nothing to delete). */
export type ActionRunner = (action: ListHookAction, now: number) => string[];

export class ListHookBook {
  private hooks: ActiveListHook[] = [];

  add(rules: ListHookRule[]): ActiveListHook[] {
    for (const rule of rules) {
      const kind = (rule as { action?: { kind?: unknown } })?.action?.kind;
      if (typeof kind !== "string" || !ACTIONS.has(kind))
        throw new Error(`unknown list hook action: ${String(kind)}`);
      if (rule.path !== undefined && !PATHS.has(rule.path))
        throw new Error(`list hook path must be /customer-offers or /customers: ${rule.path}`);
    }
    for (const rule of rules) this.hooks.push({ ...structuredClone(rule), seen: 0, fired: 0, affected: [] });
    return this.list();
  }

  clear(): void {
    this.hooks = [];
  }

  list(): ActiveListHook[] {
    return structuredClone(this.hooks);
  }

  /** Counts a list request to `path` for `page` and fires the hooks it meets, in the order added. */
  beforeList(path: string, page: number, now: number, run: ActionRunner): void {
    for (const hook of this.hooks) {
      if ((hook.path ?? "/customer-offers") !== path) continue;
      hook.seen += 1;
      const times =
        hook.times === undefined ? 1 : hook.times === null ? Number.POSITIVE_INFINITY : hook.times;
      if (hook.fired >= times) continue;
      if (hook.request !== undefined && hook.request !== hook.seen) continue;
      if (hook.page !== undefined && hook.page !== page) continue;
      hook.fired += 1;
      hook.affected.push(...run(hook.action, now));
    }
  }
}
