// The RangeList facade (a selection of several ranges): getRanges and a few bulk setters.
import type { Ctx, RangeRef } from "./context";
import * as ops from "./ops";
import { makeRange } from "./range";
import type { RangeListFacade } from "./types";

export function makeRangeList(ctx: Ctx, refs: RangeRef[]): RangeListFacade {
  const rec = (method: string) =>
    ctx.call("RangeList", method, { ranges: refs.map((r) => ops.a1Of(r, true)) });
  let self: RangeListFacade;
  const each = (method: string, fn: (ref: RangeRef) => void) => () => {
    rec(method);
    refs.forEach(fn);
    return self;
  };
  const list: RangeListFacade = {
    getRanges: () => {
      rec("getRanges");
      return refs.map((r) => makeRange(ctx, r));
    },
    setValue: (value) => each("setValue", (r) => ops.writeValues(ctx, r, ops.filled(r, value)))(),
    setNumberFormat: (format) => each("setNumberFormat", (r) => ops.setNumberFormat(r, String(format)))(),
    clearContent: each("clearContent", (r) => ops.clearCells(r, { content: true })),
    setFontWeight: each("setFontWeight", () => {}),
    setBackground: each("setBackground", () => {}),
  };
  self = ctx.wrap("RangeList", list);
  return self;
}
