// Status words in both languages (src/core/statuses.ts): read in either, written in the sheet's.

import { describe, expect, test } from "@jest/globals";
import { STATUS_WORDS, statusIn, statusOf } from "../../src/core/statuses";
import { STATUSES_EN, STATUSES_NL } from "../fixtures/headers";

const KINDS = [
  "invalid",
  "sending",
  "created",
  "failed",
  "accepted",
  "rejected",
  "expired",
  "skip",
  "warning",
  "sendAnyway",
] as const;

describe("statusOf", () => {
  test.each(KINDS.map((k, i) => [k, STATUSES_EN[i] ?? "", STATUSES_NL[i] ?? ""]))(
    "%s reads from %j and from %j",
    (kind, en, nl) => {
      expect(statusOf(en)).toBe(kind);
      expect(statusOf(nl)).toBe(kind);
    },
  );

  test("case, surrounding spaces and doubled inner spaces do not matter", () => {
    expect(statusOf("  Created ")).toBe("created");
    expect(statusOf("SEND   ANYWAY")).toBe("sendAnyway");
    expect(statusOf("Wordt  Verzonden")).toBe("sending");
    expect(statusOf("Toch versturen")).toBe("sendAnyway");
  });

  test("blank and `pending` are pending; anything else is unknown", () => {
    expect(statusOf("")).toBe("pending");
    expect(statusOf("   ")).toBe("pending");
    expect(statusOf("pending")).toBe("pending");
    expect(statusOf("done")).toBe("unknown");
    expect(statusOf("create")).toBe("unknown");
    expect(statusOf("aangemaakt!")).toBe("unknown");
  });
});

describe("statusIn", () => {
  test.each(KINDS.map((k) => [STATUS_WORDS[k].en, STATUS_WORDS[k].nl]))(
    "%j is written %j in a Dutch sheet",
    (en, nl) => {
      expect(statusIn(en, "nl")).toBe(nl);
      expect(statusOf(statusIn(en, "nl"))).toBe(statusOf(en));
    },
  );

  test("an English sheet keeps what it is given", () => {
    for (const k of KINDS) expect(statusIn(STATUS_WORDS[k].en, "en")).toBe(STATUS_WORDS[k].en);
  });

  test("Dutch words, blank, pending and what the user typed stay as they are", () => {
    expect(statusIn("aangemaakt", "nl")).toBe("aangemaakt");
    expect(statusIn("", "nl")).toBe("");
    expect(statusIn("pending", "nl")).toBe("pending");
    expect(statusIn("my own note", "nl")).toBe("my own note");
  });

  test("an English status in another case or spacing is still written in Dutch", () => {
    expect(statusIn("Created", "nl")).toBe("aangemaakt");
    expect(statusIn(" send  anyway ", "nl")).toBe("toch versturen");
  });

  test("every status has a different word in each language, and no word means two statuses", () => {
    const words = KINDS.flatMap((k) => [STATUS_WORDS[k].en, STATUS_WORDS[k].nl]);
    expect(new Set(words).size).toBe(words.length);
  });
});
