import { describe, expect, test } from "@jest/globals";
import { amountMismatch } from "../../src/core/amount-check";
import { useLanguage } from "../../src/core/language";

const line = (amountExclVat: string, vatRate = 21) => ({ description: "x", amountExclVat, vatRate });
const LINES = [line("10.00"), line("15.50", 9), line("0.33")];

describe("amountMismatch: the amount MijnKlantportaal gives a created offer against its lines", () => {
  test.each([
    ["excl. VAT, dot", "25.83"],
    ["excl. VAT, comma", "25,83"],
    ["excl. VAT, spaces around", " 25.83 "],
    ["incl. VAT rounded per line", "29.40"],
    ["incl. VAT rounded once", "29.39"],
  ])("agrees: %s (%s)", (_name, amount) => {
    expect(amountMismatch(amount, LINES)).toBeNull();
  });

  test.each([
    ["cents", "2583"],
    ["another total", "999.99"],
    ["incl. VAT off by more than a cent a line", "29.50"],
    ["negative", "-25.83"],
  ])("told: %s (%s)", (_name, amount) => {
    useLanguage("en");
    expect(amountMismatch(amount, LINES)).toBe(
      `Created, but in MijnKlantportaal this offer's amount is ${amount}, while its lines add up to 25.83 excl. VAT (29.39 incl. VAT). Check the offer in MijnKlantportaal before the customer sees it.`,
    );
  });

  test.each(["", "EUR 25.83", "25.83 €", "1,234.50", "n/a", "25,830", "1.000"])(
    "unreadable or ambiguous %p: nothing said",
    (amount) => {
      expect(amountMismatch(amount, LINES)).toBeNull();
    },
  );

  test("in Dutch, amounts with a comma", () => {
    useLanguage("nl");
    expect(amountMismatch("2583", LINES)).toBe(
      "Aangemaakt, maar in MijnKlantportaal is het bedrag van deze offerte 2583, terwijl de regels samen uitkomen op 25,83 excl. btw (29,39 incl. btw). Controleer de offerte in MijnKlantportaal voordat de klant hem ziet.",
    );
    useLanguage("en");
  });

  test("a discount line: the total with it agrees", () => {
    expect(amountMismatch("90.00", [line("100.00"), line("-10.00")])).toBeNull();
  });
});
