// The Dutch texts of every catalogue: scripts/build.mjs builds this into dist/TextsNl.html, which
// shell/texts-file.ts reads and evaluates when a Dutch execution first needs a text.

import type { LanguageTexts } from "../core/language";
import { TEXTS_NL } from "../core/texts";
import { ANSWER_NL } from "../core/texts-answers";
import { COLUMNS_NL } from "../core/texts-columns";
import { CUSTOMER_NL } from "../core/texts-customers";
import { NAMES_NL } from "../core/texts-names";
import { PANEL_NL } from "../core/texts-panel";
import { REFRESH_NL } from "../core/texts-refresh";
import { SCHEDULE_NL } from "../core/texts-schedule";
import { SETUP_NL } from "../core/texts-setup";
import { SHAPES_NL } from "../core/texts-shapes";
import { VALUES_NL } from "../core/texts-values";
import { WRITES_NL } from "../core/texts-writes";

export const texts = {
  main: TEXTS_NL,
  values: VALUES_NL,
  answers: ANSWER_NL,
  customers: CUSTOMER_NL,
  panel: PANEL_NL,
  refresh: REFRESH_NL,
  columns: COLUMNS_NL,
  schedule: SCHEDULE_NL,
  names: NAMES_NL,
  setup: SETUP_NL,
  writes: WRITES_NL,
  shapes: SHAPES_NL,
} satisfies LanguageTexts;
