// The Filter facade (Sheet.getFilter, Range.createFilter) and SpreadsheetApp.newFilterCriteria().
// A filter hides the rows of its range (its header row aside) whose cells a column's criteria reject,
// judged on the displayed values when criteria are set (Sheets does not re-filter as cells change).
import type { Ctx } from "./context";
import { displayValue } from "./format";
import { type FilterRule, passes } from "./row-state";
import type { SheetModel } from "./sheet-model";
import type { FilterCriteriaBuilderFacade, FilterCriteriaFacade, FilterFacade } from "./types";

/** Works out again which rows the filter of `sheet` hides. */
export function refilter(ctx: Ctx, sheet: SheetModel): void {
  const filter = sheet.rowState.filter;
  if (!filter) return;
  const hidden = new Set<number>();
  const { locale, timeZone } = ctx.model;
  for (let r = filter.row + 1; r < filter.row + filter.numRows; r++)
    for (const [col, rule] of filter.criteria)
      if (!passes(rule, displayValue(sheet.cell(r, col), locale, timeZone))) hidden.add(r);
  filter.hidden = hidden;
}

function criteriaFacade(ctx: Ctx, rule: FilterRule): FilterCriteriaFacade {
  const facade: FilterCriteriaFacade = {
    getHiddenValues: ctx.getter("FilterCriteria", "getHiddenValues", () => [...rule.hiddenValues]),
    copy: ctx.getter("FilterCriteria", "copy", () => makeFilterCriteriaBuilder(ctx, rule)),
  };
  const self = ctx.wrap("FilterCriteria", facade);
  ctx.criteriaOf.set(self, rule);
  return self;
}

export function makeFilterCriteriaBuilder(ctx: Ctx, from?: FilterRule): FilterCriteriaBuilderFacade {
  let rule: FilterRule = from ?? { hiddenValues: [] };
  let self: FilterCriteriaBuilderFacade;
  const rec = (method: string) => ctx.call("FilterCriteriaBuilder", method);
  const builder: FilterCriteriaBuilderFacade = {
    setHiddenValues(values) {
      rec("setHiddenValues");
      if (!Array.isArray(values)) throw ctx.error("setHiddenValues expects an array of strings.");
      rule = { ...rule, hiddenValues: values.map(String) };
      return self;
    },
    whenTextEqualTo(text) {
      rec("whenTextEqualTo");
      const { notEmpty: _, ...rest } = rule;
      rule = { ...rest, visibleText: String(text) };
      return self;
    },
    whenCellNotEmpty() {
      rec("whenCellNotEmpty");
      const { visibleText: _, ...rest } = rule;
      rule = { ...rest, notEmpty: true };
      return self;
    },
    getHiddenValues: ctx.getter("FilterCriteriaBuilder", "getHiddenValues", () => [...rule.hiddenValues]),
    build: ctx.getter("FilterCriteriaBuilder", "build", () => criteriaFacade(ctx, rule)),
    copy: ctx.getter("FilterCriteriaBuilder", "copy", () => makeFilterCriteriaBuilder(ctx, rule)),
  };
  self = ctx.wrap("FilterCriteriaBuilder", builder);
  return self;
}

export function makeFilter(ctx: Ctx, sheet: SheetModel): FilterFacade {
  const current = () => {
    const f = sheet.rowState.filter;
    if (!f) throw ctx.error("This filter has been removed.");
    return f;
  };
  const rec = (method: string) => ctx.call("Filter", method, { sheet: sheet.name });
  const column = (position: unknown) => {
    const f = current();
    const c = ctx.int(position, "columnPosition");
    if (c < f.col || c >= f.col + f.numCols)
      throw ctx.error(`The column position ${c} is outside the range of the filter.`);
    return c;
  };
  let self: FilterFacade;
  const facade: FilterFacade = {
    getRange() {
      rec("getRange");
      const { row, col, numRows, numCols } = current();
      return ctx.make.range(ctx, { sheet, row, col, numRows, numCols });
    },
    remove() {
      rec("remove");
      current();
      sheet.rowState.filter = null;
    },
    setColumnFilterCriteria(position, criteria) {
      rec("setColumnFilterCriteria");
      const c = column(position);
      if (criteria === null || criteria === undefined) current().criteria.delete(c);
      else {
        const rule = typeof criteria === "object" ? ctx.criteriaOf.get(criteria) : undefined;
        if (!rule)
          throw ctx.error("Invalid argument: filterCriteria (expected a FilterCriteria from build()).");
        current().criteria.set(c, rule);
      }
      refilter(ctx, sheet);
      return self;
    },
    removeColumnFilterCriteria(position) {
      rec("removeColumnFilterCriteria");
      current().criteria.delete(column(position));
      refilter(ctx, sheet);
      return self;
    },
    getColumnFilterCriteria(position) {
      rec("getColumnFilterCriteria");
      const rule = current().criteria.get(column(position));
      return rule ? criteriaFacade(ctx, rule) : null;
    },
  };
  self = ctx.wrap("Filter", facade);
  return self;
}
