// What to tell the user about cells whose writes Sheets refused (a validation rule that rejects, a
// protected range): which cells, what to change, which offers were not sent, and the IDs of created
// offers that did not reach their row, so that no one creates them again by hand.

import { pick } from "../core/language";
import type { RefusedWrite } from "../core/ports";
import { sentences } from "../core/texts";
import { WRITES_TEXTS } from "../core/texts-writes";
import type { RowUpdate } from "../core/write-back";

const MAX_ROWS = 10;
const MAX_OFFERS = 20;

/** The offers whose rows the refused writes were for (by update key), to leave out of other notes. */
export function refusedKeys(refused: readonly RefusedWrite[]): Set<string> {
  return new Set(refused.flatMap((r) => (r.update ? [r.update.key] : [])));
}

function listed(names: readonly string[]): string[] {
  const unique = [...new Set(names)];
  return unique.length > MAX_OFFERS ? [...unique.slice(0, MAX_OFFERS), "…"] : unique;
}

/** "" when nothing was refused. `numberOf`: an update's offer number as the user typed it. */
export function refusedNote(refused: readonly RefusedWrite[], numberOf: (u: RowUpdate) => string): string {
  if (refused.length === 0) return "";
  const t = pick(WRITES_TEXTS);
  const groups = new Map<string, { sheet: string; header: string; rows: Set<number> }>();
  for (const r of refused) {
    const id = `${r.sheet}\u0000${r.header}`;
    const group = groups.get(id) ?? { sheet: r.sheet, header: r.header, rows: new Set<number>() };
    group.rows.add(r.row);
    groups.set(id, group);
  }
  const cells = [...groups.values()].map((g) => {
    const rows = [...g.rows].sort((a, b) => a - b);
    return t.cellsIn(g.header, rows.slice(0, MAX_ROWS), Math.max(0, rows.length - MAX_ROWS), g.sheet);
  });
  const updates = refused.flatMap((r) => (r.update ? [r.update] : []));
  // A `sending` mark that did not land: the offer was held back (send-offers sends marked rows only).
  const notSent = updates.filter((u) => u.values.status === "sending").map(numberOf);
  const created = updates
    .filter((u) => u.values.offerId)
    .map((u) => `${numberOf(u)} (${u.values.offerId ?? ""})`);
  return sentences(
    t.refused(cells),
    notSent.length > 0 ? t.notSent(listed(notSent)) : "",
    created.length > 0 ? t.createdNotShown(listed(created)) : "",
  );
}
