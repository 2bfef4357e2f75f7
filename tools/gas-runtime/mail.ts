// MailApp: mail goes to a list the runtime keeps across executions (with Apps Script's daily quota), so
// tests can check what the script sent.
import { strict } from "./env";
import { type ExecEnv, requireAuth } from "./execution";

export interface MailEntry {
  to: string;
  subject: string;
  body: string;
  htmlBody?: string;
  atMs: number;
}

const MAIL_DAILY_QUOTA = 100;
const DAY = 86_400_000;

export function createMailApp(env: ExecEnv, mail: MailEntry[]): object {
  const sentToday = () => mail.filter((m) => m.atMs > env.now() - DAY).length;
  return strict(
    "MailApp",
    {
      sendEmail(first: unknown, subject?: unknown, body?: unknown) {
        env.record("MailApp", "sendEmail");
        requireAuth(env, "MailApp.sendEmail", "script.send_mail");
        if (sentToday() >= MAIL_DAILY_QUOTA) {
          throw env.makeError("Service invoked too many times for one day: email.");
        }
        const m =
          first !== null && typeof first === "object"
            ? (first as Record<string, unknown>)
            : { to: first, subject, body };
        if (!m.to) throw env.makeError("Invalid argument: recipient");
        const entry: MailEntry = {
          to: String(m.to),
          subject: String(m.subject ?? ""),
          body: String(m.body ?? ""),
          atMs: env.now(),
        };
        if (m.htmlBody !== undefined) entry.htmlBody = String(m.htmlBody);
        mail.push(entry);
      },
      getRemainingDailyQuota() {
        env.record("MailApp", "getRemainingDailyQuota");
        requireAuth(env, "MailApp.getRemainingDailyQuota", "script.send_mail");
        return MAIL_DAILY_QUOTA - sentToday();
      },
    },
    env,
  );
}
