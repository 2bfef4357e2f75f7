// What the sheet gateway throws when the sheet it writes to lost what it finds rows by (the Offers
// sheet, or its Offer number or Status column, renamed or deleted during a run): the run stops and
// says so in plain words; rows left `sending` are settled by the next run (the ledger knows them).

export class SheetChanged extends Error {
  constructor(readonly sheet: string) {
    super("COLUMNS_CHANGED");
    this.name = "SheetChanged";
  }
}
