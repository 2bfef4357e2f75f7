import { matchHeaders, OFFER_COLUMNS } from "../../src/core/columns";
import { locateRows, planBlocks, type RowUpdate } from "../../src/core/write-back";

const upd = (key: string, sheetRow: number, status: string): RowUpdate => ({
  key,
  sheetRow,
  values: { status, message: "" },
});

describe("write-back plan", () => {
  test("updates follow their offer number to where it is now", () => {
    const { placed, lost } = locateRows(
      [upd("a1", 2, "created"), upd("b2", 3, "created"), upd("gone", 4, "created")],
      ["B2", "x", "a1"],
    );
    expect(placed.map((p) => [p.update.key, p.row])).toEqual([
      ["a1", 4],
      ["b2", 2],
    ]);
    expect(lost.map((u) => u.key)).toEqual(["gone"]);
  });

  test("blocks are few whatever the number of rows, and adjacent out columns go together", () => {
    const { columns } = matchHeaders(
      ["Offer number", "Status", "Offer ID", "Notes", "Message"],
      OFFER_COLUMNS,
    );
    const placed = Array.from({ length: 500 }, (_, i) => ({
      row: 2 + i * 2,
      update: upd(`k${i}`, 2 + i * 2, "created"),
    }));
    const blocks = planBlocks(placed, columns);
    // Status+Offer ID form one group, Message another; 500 scattered rows → one span each.
    expect(blocks.length).toBe(2);
    expect(blocks[0]).toMatchObject({ row: 2, column: 2 });
    expect(blocks[0]?.cells.length).toBe(999);
    expect(blocks[0]?.cells[1]).toEqual([undefined, undefined]);
    expect(blocks[0]?.cells[0]).toEqual(["created", undefined]);
    expect(blocks[1]?.cells[0]).toEqual([""]);
  });

  test("consecutive rows give exact blocks with nothing to re-read", () => {
    const { columns } = matchHeaders(["Offer number", "Status", "Message"], OFFER_COLUMNS);
    const blocks = planBlocks(
      [
        { row: 5, update: upd("a", 5, "sending") },
        { row: 6, update: upd("b", 6, "sending") },
      ],
      columns,
    );
    expect(blocks).toEqual([
      {
        row: 5,
        column: 2,
        cells: [
          ["sending", ""],
          ["sending", ""],
        ],
      },
    ]);
  });
});

test("a row without an offer number is written where it was, while it still has none", () => {
  const u: RowUpdate = { key: "", sheetRow: 3, values: { status: "invalid" } };
  expect(locateRows([u], ["A1", "", "B2"]).placed).toEqual([{ row: 3, update: u }]);
  expect(locateRows([u], ["A1", "#N/A", "B2"]).placed).toEqual([{ row: 3, update: u }]);
  expect(locateRows([u], ["A1", "C3", "B2"]).lost).toEqual([u]);
});
