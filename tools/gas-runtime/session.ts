// Session: the user the execution runs as, the script's time zone, and a stable temporary user key.
import { createHash } from "node:crypto";
import { strict } from "./env";
import type { ExecEnv } from "./execution";

export function createSession(env: ExecEnv): object {
  const user = (method: string) => () => {
    env.record("Session", method);
    return strict(
      "User",
      {
        getEmail() {
          env.record("User", "getEmail");
          return env.user;
        },
      },
      env,
    );
  };
  return strict(
    "Session",
    {
      getActiveUser: user("getActiveUser"),
      getEffectiveUser: user("getEffectiveUser"),
      getScriptTimeZone() {
        env.record("Session", "getScriptTimeZone");
        return env.scriptTimeZone;
      },
      getActiveUserLocale() {
        env.record("Session", "getActiveUserLocale");
        return "en";
      },
      getTemporaryActiveUserKey() {
        env.record("Session", "getTemporaryActiveUserKey");
        return createHash("sha256").update(`gas-runtime:${env.user}`).digest("base64url").slice(0, 40);
      },
    },
    env,
  );
}
