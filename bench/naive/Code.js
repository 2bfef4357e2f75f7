// The naive baseline: the script a user writes from tutorials. One getValue/setValue per cell, a scan
// of every line per offer, one fetch per offer, no batching, no pacing, no 6-minute handling.

const OFFER_NUMBER = 1;
const CUSTOMER_ID = 2;
const ISSUED_AT = 3;
const STATUS = 6;
const OFFER_ID = 7;
const AMOUNT = 8;
const DAY_MS = 24 * 60 * 60 * 1000;

// Run it from the editor; when it stops with "Exceeded maximum execution time", run it again:
// rows with a Status are skipped.
// biome-ignore lint/correctness/noUnusedVariables: an Apps Script entry point, called by name.
function createOffersNaive() {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const offers = ss.getSheetByName("Offers");
  const lines = ss.getSheetByName("Offer lines");
  const apiKey = PropertiesService.getUserProperties().getProperty("MKP_API_KEY");
  const baseUrl = PropertiesService.getScriptProperties().getProperty("MKP_BASE_URL");
  const timeZone = ss.getSpreadsheetTimeZone();
  const lastOffer = offers.getLastRow();
  const lastLine = lines.getLastRow();

  for (let row = 2; row <= lastOffer; row++) {
    if (offers.getRange(row, STATUS).getValue() !== "") continue;
    const number = String(offers.getRange(row, OFFER_NUMBER).getValue());
    const customerId = offers.getRange(row, CUSTOMER_ID).getValue();
    const issued = offers.getRange(row, ISSUED_AT).getValue();
    const expires = new Date(issued.getTime() + 30 * DAY_MS);

    const offerLines = [];
    for (let l = 2; l <= lastLine; l++) {
      if (String(lines.getRange(l, 1).getValue()) === number) {
        offerLines.push({
          description: lines.getRange(l, 2).getValue(),
          amountExclVat: Number(lines.getRange(l, 3).getValue()).toFixed(2),
          vatRate: Number(lines.getRange(l, 4).getValue()),
        });
      }
    }

    const response = UrlFetchApp.fetch(`${baseUrl}/customer-offers/manual`, {
      method: "post",
      contentType: "application/json",
      headers: { Authorization: `Bearer ${apiKey}`, Accept: "application/json" },
      payload: JSON.stringify({
        customerId: customerId,
        offerNumber: number,
        issuedAt: Utilities.formatDate(issued, timeZone, "yyyy-MM-dd"),
        expiresAt: Utilities.formatDate(expires, timeZone, "yyyy-MM-dd"),
        lines: offerLines,
      }),
    });
    const offer = JSON.parse(response.getContentText());
    offers.getRange(row, STATUS).setValue("created");
    offers.getRange(row, OFFER_ID).setValue(offer.id);
    offers.getRange(row, AMOUNT).setValue(offer.amount);
  }
}
