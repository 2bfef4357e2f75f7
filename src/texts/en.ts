// The English texts of every catalogue: scripts/build.mjs builds this into dist/TextsEn.html, which
// shell/texts-file.ts reads and evaluates when an English execution first needs a text.

import type { LanguageTexts } from "../core/language";
import { TEXTS_EN } from "../core/texts";
import { ANSWER_EN } from "../core/texts-answers";
import { COLUMNS_EN } from "../core/texts-columns";
import { CUSTOMER_EN } from "../core/texts-customers";
import { NAMES_EN } from "../core/texts-names";
import { PANEL_EN } from "../core/texts-panel";
import { REFRESH_EN } from "../core/texts-refresh";
import { SCHEDULE_EN } from "../core/texts-schedule";
import { SETUP_EN } from "../core/texts-setup";
import { SHAPES_EN } from "../core/texts-shapes";
import { VALUES_EN } from "../core/texts-values";
import { WRITES_EN } from "../core/texts-writes";

export const texts = {
  main: TEXTS_EN,
  values: VALUES_EN,
  answers: ANSWER_EN,
  customers: CUSTOMER_EN,
  panel: PANEL_EN,
  refresh: REFRESH_EN,
  columns: COLUMNS_EN,
  schedule: SCHEDULE_EN,
  names: NAMES_EN,
  setup: SETUP_EN,
  writes: WRITES_EN,
  shapes: SHAPES_EN,
} satisfies LanguageTexts;
