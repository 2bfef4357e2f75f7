// Texts about scheduled work that will not happen because scheduled runs are off, about hourly runs
// whose owner's trigger is gone or whose key does not work, and about turning them on without a key,
// in English and Dutch. Read with `pick(SCHEDULE_TEXTS).x(…)`; both halves have the same keys.

import { catalogue } from "./language";
import { MENU_LABELS } from "./texts-bundled";

const MKP = "MijnKlantportaal";

export const SCHEDULE_EN = {
  /** A continuation left the newest offers for "a later hourly run", but no hourly run is on. */
  leftRecentNoHourly: (n: number) =>
    `${n === 1 ? "1 offer" : `${n} offers`} created in the last hour ${n === 1 ? "was" : "were"} not checked for a new status: hourly runs are off. Use ${MKP} › ${MENU_LABELS.en.refreshOfferStatuses} to check ${n === 1 ? "it" : "them"}.`,
  /** The owner's hourly runs stopped without being turned off: this user's key runs them now. */
  takenOver: (owner: string, hours: number) =>
    `The hourly runs of ${owner} have not run for more than ${hours} hours (their trigger is gone, or their API key is missing or refused). Hourly runs are on again, with your API key.`,
  staleOff: (owner: string, hours: number) =>
    `The hourly runs of ${owner} have not run for more than ${hours} hours (their trigger is gone, or their API key is missing or refused). Hourly runs are off.`,
  /** Turning hourly runs on without a key of one's own: they create nothing until one is set. */
  needKey: () =>
    `But no API key is set for you yet: until you set one with ${MKP} › ${MENU_LABELS.en.showApiKeyDialog}, they create nothing.`,
  /** The key removed while this user's hourly runs are on. */
  keyRemovedHourlyOn: () =>
    "Your hourly runs are still on, but without a key they create nothing: set a key again, or turn hourly runs off.",
  /** Two executions turning hourly runs on or off at once (a double click): the second waits, then gives up. */
  busy: () => "Hourly runs are being turned on or off right now. Nothing was changed; try again in a moment.",
};

export type ScheduleTexts = typeof SCHEDULE_EN;

export const SCHEDULE_NL: ScheduleTexts = {
  leftRecentNoHourly: (n) =>
    `${n === 1 ? "1 offerte die het afgelopen uur is aangemaakt, is" : `${n} offertes die het afgelopen uur zijn aangemaakt, zijn`} niet op een nieuwe status gecontroleerd: automatische runs staan uit. Kies ${MKP} › ${MENU_LABELS.nl.refreshOfferStatuses} om ${n === 1 ? "die" : "ze"} te controleren.`,
  takenOver: (owner, hours) =>
    `De automatische runs van ${owner} hebben al meer dan ${hours} uur niet gedraaid (de trigger bestaat niet meer, of de API-sleutel ontbreekt of wordt geweigerd). Automatische runs staan weer aan, met jouw API-sleutel.`,
  staleOff: (owner, hours) =>
    `De automatische runs van ${owner} hebben al meer dan ${hours} uur niet gedraaid (de trigger bestaat niet meer, of de API-sleutel ontbreekt of wordt geweigerd). Automatische runs staan uit.`,
  needKey: () =>
    `Maar er is voor jou nog geen API-sleutel ingesteld: tot je er een instelt met ${MKP} › ${MENU_LABELS.nl.showApiKeyDialog}, maken ze niets aan.`,
  keyRemovedHourlyOn: () =>
    "Je automatische runs staan nog aan, maar zonder sleutel maken ze niets aan: stel opnieuw een sleutel in, of zet automatische runs uit.",
  busy: () =>
    "Automatische runs worden op dit moment aan- of uitgezet. Er is niets veranderd; probeer het zo nog eens.",
};

export const SCHEDULE_TEXTS = catalogue<ScheduleTexts>("schedule");
