// Texts about scheduled work that will not happen because scheduled runs are off, and about hourly
// runs whose owner's trigger is gone, in English and Dutch. Read with `pick(SCHEDULE_TEXTS).x(…)`; both halves have the same keys.

import { catalogue } from "./language";
import { MENU_LABELS } from "./texts-bundled";

const MKP = "MijnKlantportaal";

export const SCHEDULE_EN = {
  /** A continuation left the newest offers for "a later hourly run", but no hourly run is on. */
  leftRecentNoHourly: (n: number) =>
    `${n === 1 ? "1 offer" : `${n} offers`} created in the last hour ${n === 1 ? "was" : "were"} not checked for a new status: hourly runs are off. Use ${MKP} › ${MENU_LABELS.en.refreshOfferStatuses} to check ${n === 1 ? "it" : "them"}.`,
  /** The owner's hourly runs stopped without being turned off: this user's key runs them now. */
  takenOver: (owner: string, hours: number) =>
    `The hourly runs of ${owner} have not run for more than ${hours} hours (their trigger is gone). Hourly runs are on again, with your API key.`,
  staleOff: (owner: string, hours: number) =>
    `The hourly runs of ${owner} have not run for more than ${hours} hours (their trigger is gone). Hourly runs are off.`,
};

export type ScheduleTexts = typeof SCHEDULE_EN;

export const SCHEDULE_NL: ScheduleTexts = {
  leftRecentNoHourly: (n) =>
    `${n === 1 ? "1 offerte die het afgelopen uur is aangemaakt, is" : `${n} offertes die het afgelopen uur zijn aangemaakt, zijn`} niet op een nieuwe status gecontroleerd: automatische runs staan uit. Kies ${MKP} › ${MENU_LABELS.nl.refreshOfferStatuses} om ${n === 1 ? "die" : "ze"} te controleren.`,
  takenOver: (owner, hours) =>
    `De automatische runs van ${owner} hebben al meer dan ${hours} uur niet gedraaid (de trigger bestaat niet meer). Automatische runs staan weer aan, met jouw API-sleutel.`,
  staleOff: (owner, hours) =>
    `De automatische runs van ${owner} hebben al meer dan ${hours} uur niet gedraaid (de trigger bestaat niet meer). Automatische runs staan uit.`,
};

export const SCHEDULE_TEXTS = catalogue<ScheduleTexts>("schedule");
