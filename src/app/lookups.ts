// The list of offers in MijnKlantportaal (offer-list.ts), from the lookups feature: loaded only by a
// run that walks it (a row left `sending`, an answer that never came, a refresh), not by every run.

import { feature } from "../core/features";
import type { ApiSession } from "./api-session";
import type { OfferList } from "./offer-list";

type LookupsFeature = typeof import("./lookups-feature");

export const newOfferList = (session: ApiSession): OfferList =>
  new (feature<LookupsFeature>("lookups").OfferList)(session);
