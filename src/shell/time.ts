// Dates and times in the spreadsheet's time zone, through Utilities.formatDate — remembered per
// value, since a batch holds the same few dates and timestamps many times over.

export interface ZonedTime {
  /** A date cell's calendar date, `YYYY-MM-DD`. */
  ymd(date: Date): string;
  /** An API timestamp (ATOM) as the user reads it: `YYYY-MM-DD HH:mm:ss`. */
  timestamp(iso: string): string;
  /** Today's date at `nowMs`. */
  today(nowMs: number): string;
}

export function zonedTime(timeZone: string): ZonedTime {
  const memo = new Map<string, string>();
  const format = (ms: number, pattern: string): string => {
    const key = `${pattern}|${ms}`;
    let text = memo.get(key);
    if (text === undefined) {
      text = Utilities.formatDate(new Date(ms), timeZone, pattern);
      memo.set(key, text);
    }
    return text;
  };
  return {
    ymd: (date) => format(date.getTime(), "yyyy-MM-dd"),
    timestamp: (iso) => {
      const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
        iso.trim(),
      );
      if (!m) return iso;
      // Without an offset the time is MijnKlantportaal's own wall-clock time: shown as it is.
      if (!m[4]) return `${m[1]} ${m[2]?.length === 5 ? `${m[2]}:00` : m[2]}`;
      const ms = Date.parse(iso.trim());
      return Number.isNaN(ms) ? iso : format(ms, "yyyy-MM-dd HH:mm:ss");
    },
    today: (nowMs) => format(nowMs, "yyyy-MM-dd"),
  };
}
