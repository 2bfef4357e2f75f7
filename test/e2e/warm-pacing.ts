// For e2e tests that are not about pacing: the pacing state of a user who has run before (the
// documented limit, nothing sent lately), so that the first round trip is not the one-request probe
// a cold start makes (src/core/rate-pacing.ts).

import { initialPacing, serialize } from "../../src/core/rate-pacing";
import { PACING } from "../../src/core/state-keys";
import type { World } from "./world";

export function warmPacing(w: World): void {
  const state = { ...initialPacing(), unsureSince: null };
  w.rt.cache
    .user(w.rt.user)
    .set(PACING.name, { value: serialize(state), expiresAt: w.rt.clock.now() + 3_600_000 });
}
