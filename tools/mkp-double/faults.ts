// Fault rules of the MKP double: which injected fault (if any) applies to an incoming API request.

import type { ActiveFaultRule, Fault, FaultRule } from "./types";

const KINDS = new Set([
  "status",
  "rate-limit",
  "timeout",
  "reset",
  "created-then-status",
  "created-then-timeout",
  "delay",
  "slow",
  "created-then-answer",
]);

export interface FaultTarget {
  method: string;
  /** Path after /v1. */
  path: string;
  offerNumber?: string;
  companyName?: string;
  primaryEmail?: string;
}

function check(rule: FaultRule): void {
  const kind = (rule as { fault?: { kind?: unknown } })?.fault?.kind;
  if (typeof kind !== "string" || !KINDS.has(kind)) throw new Error(`unknown fault kind: ${String(kind)}`);
}

export class FaultBook {
  private rules: ActiveFaultRule[] = [];

  add(rules: FaultRule[]): ActiveFaultRule[] {
    for (const rule of rules) check(rule);
    for (const rule of rules) this.rules.push({ ...structuredClone(rule), matched: 0, fired: 0 });
    return this.list();
  }

  clear(): void {
    this.rules = [];
  }

  list(): ActiveFaultRule[] {
    return structuredClone(this.rules);
  }

  /** The fault to apply to a request (counting it), or null. Rules are tried in the order added. */
  take(target: FaultTarget): Fault | null {
    for (const rule of this.rules) {
      const times =
        rule.times === undefined ? 1 : rule.times === null ? Number.POSITIVE_INFINITY : rule.times;
      if (rule.fired >= times || !matches(rule, target)) continue;
      rule.matched += 1;
      if (rule.matched <= (rule.skip ?? 0)) continue;
      rule.fired += 1;
      return rule.fault;
    }
    return null;
  }
}

function matches(rule: FaultRule, target: FaultTarget): boolean {
  const m = rule.match;
  if (m === undefined) return true;
  if (m.method !== undefined && m.method.toUpperCase() !== target.method.toUpperCase()) return false;
  if (m.path !== undefined && !target.path.startsWith(m.path)) return false;
  if (m.offerNumber !== undefined && m.offerNumber !== target.offerNumber) return false;
  if (m.companyName !== undefined && m.companyName !== target.companyName) return false;
  if (
    m.primaryEmail !== undefined &&
    m.primaryEmail.toLowerCase() !== (target.primaryEmail ?? "").toLowerCase()
  )
    return false;
  return true;
}
