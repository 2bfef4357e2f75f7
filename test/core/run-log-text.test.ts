// Text appended to the Run log stays text when Sheets reads it as typed input.
import { asTypedText } from "../../src/core/typed-text";

test.each([
  ["create", "create"],
  ["3 created, 1 invalid", "3 created, 1 invalid"],
  ["=HYPERLINK(1)", "'=HYPERLINK(1)"],
  ["+31612345678", "'+31612345678"],
  ["-5", "'-5"],
  ["@home", "'@home"],
  ["12.95", "'12.95"],
  ["2025-04-14", "'2025-04-14"],
  ["TRUE", "'TRUE"],
  ["", ""],
])("%j is appended as %j", (text, appended) => {
  expect(asTypedText(text)).toBe(appended);
});
