// The running create batch's progress for the sidebar (state key PROGRESS, document cache): counted
// from what is written to the sheet, so that what the sidebar shows is what the rows say. A
// continuation carries on from the entry the execution before it left; the last one clears it.

import { PROGRESS_STALE_MS } from "../core/panel";
import type { RunContext } from "../core/ports";
import { clearState, loadState, PROGRESS, type Progress, saveState } from "../core/state-keys";
import type { RowUpdate } from "../core/write-back";

const ACTION = "create";
/** Ends a row's part in the batch (a row back to "" or still `sending` has more to come). */
const FINAL = new Set(["created", "failed", "invalid"]);

export class ProgressRecorder {
  private base = 0;
  private startedAt = 0;
  private readonly keys = new Set<string>();
  private readonly finals = new Map<string, string>();
  private started = false;

  constructor(private readonly ctx: RunContext) {}

  /** The rows this execution sends: the entry says how far the batch is from here on. */
  start(keys: readonly string[]): void {
    if (keys.length === 0) return;
    const now = this.ctx.clock.now();
    const before = this.read();
    // A batch that an earlier execution began (and did not finish) keeps its start and its count.
    const carried =
      before !== null && before.action === ACTION && now - before.updatedAt <= PROGRESS_STALE_MS;
    this.base = carried ? before.done : 0;
    this.startedAt = carried ? before.startedAt : now;
    for (const k of keys) this.keys.add(k);
    this.started = true;
    this.save();
  }

  /** Row updates as written (those whose row is gone are not counted). */
  written(updates: readonly RowUpdate[], notPlaced: readonly RowUpdate[]): void {
    if (!this.started) return;
    const lost = new Set(notPlaced);
    let changed = false;
    for (const u of updates) {
      const status = u.values.status;
      if (lost.has(u) || !this.keys.has(u.key) || status === undefined || !FINAL.has(status)) continue;
      this.finals.set(u.key, status);
      changed = true;
    }
    if (changed) this.save();
  }

  /** At the end of the execution: kept (fresh) for the continuation, else removed. */
  finish(continues: boolean): void {
    try {
      if (continues) {
        if (this.started) this.save();
      } else if (this.started || this.read() !== null) {
        clearState(this.ctx.stores, PROGRESS);
      }
    } catch {
      // The sidebar's progress is a courtesy: it never fails a run.
    }
  }

  private read(): Progress | null {
    return loadState(this.ctx.stores, PROGRESS);
  }

  private save(): void {
    let created = 0;
    for (const s of this.finals.values()) if (s === "created") created++;
    try {
      saveState(this.ctx.stores, PROGRESS, {
        action: ACTION,
        done: this.base + created,
        toGo: this.keys.size - this.finals.size,
        startedAt: this.startedAt,
        updatedAt: this.ctx.clock.now(),
      });
    } catch {
      // As above: a cache that cannot be written only leaves the sidebar without progress.
    }
  }
}
