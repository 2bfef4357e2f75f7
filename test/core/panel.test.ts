// The sidebar's state (src/core/panel.ts): the key shown by its last four characters at most, the
// schedule and its owner, progress hidden once stale (7 minutes), the last five runs newest first.

import { describe, expect, test } from "@jest/globals";
import { RUN_LOG_COLUMNS } from "../../src/core/columns";
import { LAST_RUNS, lastRuns, type PanelInputs, PROGRESS_STALE_MS, panelState } from "../../src/core/panel";
import { SCHEDULE_STALE_MS } from "../../src/core/state-keys";

const NOW = Date.UTC(2026, 11, 1, 9);
const HEADER = RUN_LOG_COLUMNS.map((c) => c.header);

/** A Run log row: started at, action, and a message; the rest filled in. */
const logRow = (n: number, action = "create"): string[] => [
  `2026-12-01 0${n % 10}:00:00`,
  action,
  "menu",
  String(n),
  "0",
  "0",
  "0",
  "0",
  "1.5",
  `run ${n}`,
];

const inputs = (over: Partial<PanelInputs> = {}): PanelInputs => ({
  user: "ann@example.nl",
  storedKey: null,
  scheduleOwner: null,
  lastHourlyAt: null,
  hourlyMine: false,
  progress: null,
  runLog: null,
  languageChoice: null,
  now: NOW,
  ...over,
});

const progress = (updatedAt: number) => ({
  action: "create",
  done: 3,
  toGo: 7,
  startedAt: NOW - 600_000,
  updatedAt,
});

describe("panelState", () => {
  test("the key is shown by its last four characters, never whole", () => {
    expect(panelState(inputs()).key).toEqual({ saved: false, lastFour: null });
    const s = panelState(inputs({ storedKey: "mkp_live_secret_9876" }));
    expect(s.key).toEqual({ saved: true, lastFour: "9876" });
    expect(JSON.stringify(s)).not.toContain("secret");
  });

  test.each([
    [null, false, { on: false, owner: null, mine: false, stalled: false }],
    ["ann@example.nl", true, { on: true, owner: "ann@example.nl", mine: true, stalled: false }],
    ["bob@example.nl", false, { on: true, owner: "bob@example.nl", mine: false, stalled: false }],
    // A trigger of mine with no owner recorded (an older version): on, and mine.
    [null, true, { on: true, owner: null, mine: true, stalled: false }],
  ] as const)("owner %j, my trigger %j → %j", (scheduleOwner, hourlyMine, schedule) => {
    expect(panelState(inputs({ scheduleOwner, hourlyMine })).schedule).toEqual(schedule);
  });

  test.each([
    ["an hour ago", NOW - 3_600_000, false],
    ["just under three hours ago", NOW - SCHEDULE_STALE_MS, false],
    ["over three hours ago", NOW - SCHEDULE_STALE_MS - 1, true],
    ["never noted (a schedule from before the notes)", null, false],
  ] as const)("the owner's last hourly run %s: stalled %j", (_l, lastHourlyAt, stalled) => {
    expect(panelState(inputs({ scheduleOwner: "bob@example.nl", lastHourlyAt })).schedule.stalled).toBe(
      stalled,
    );
  });

  test("progress is shown while fresh, and hidden once older than 7 minutes", () => {
    expect(PROGRESS_STALE_MS).toBe(7 * 60_000);
    expect(panelState(inputs({ progress: progress(NOW - 1_000) })).progress).toEqual(progress(NOW - 1_000));
    expect(panelState(inputs({ progress: progress(NOW - PROGRESS_STALE_MS) })).progress).not.toBeNull();
    expect(panelState(inputs({ progress: progress(NOW - PROGRESS_STALE_MS - 1) })).progress).toBeNull();
    expect(panelState(inputs({ progress: null })).progress).toBeNull();
  });

  test("runs: null when the Run log was not read, else the last ones", () => {
    expect(panelState(inputs()).runs).toBeNull();
    expect(panelState(inputs({ runLog: [HEADER, logRow(1)] })).runs?.map((r) => r.message)).toEqual([
      "run 1",
    ]);
  });

  test.each([
    ["nl", "nl"],
    ["en", "en"],
    [null, ""],
    ["", ""],
    ["de", ""],
  ])("language choice %j → %j", (languageChoice, choice) => {
    expect(panelState(inputs({ languageChoice })).languageChoice).toBe(choice);
  });

  test("the user is passed on", () => {
    expect(panelState(inputs()).user).toBe("ann@example.nl");
  });
});

describe("lastRuns", () => {
  test(`the last ${LAST_RUNS} runs, newest first`, () => {
    const rows = [HEADER, ...Array.from({ length: 8 }, (_, i) => logRow(i + 1))];
    const runs = lastRuns(rows);
    expect(runs).toHaveLength(LAST_RUNS);
    expect(runs.map((r) => r.message)).toEqual(["run 8", "run 7", "run 6", "run 5", "run 4"]);
    expect(runs[0]).toEqual({
      startedAt: "2026-12-01 08:00:00",
      action: "create",
      startedBy: "menu",
      created: "8",
      failed: "0",
      invalid: "0",
      skipped: "0",
      pending: "0",
      duration: "1.5",
      message: "run 8",
    });
  });

  test("empty rows at the end (and between) do not count as runs", () => {
    const rows = [HEADER, logRow(1), ["", " ", ""], logRow(2), HEADER.map(() => ""), HEADER.map(() => "")];
    expect(lastRuns(rows).map((r) => r.message)).toEqual(["run 2", "run 1"]);
  });

  test("columns are found by header, in either language and any order; missing ones are blank", () => {
    const nl = ["Melding", "Actie", "Gestart op"];
    const runs = lastRuns([nl, ["klaar", "refresh", "2026-12-01 10:00:00"]]);
    expect(runs[0]).toMatchObject({
      message: "klaar",
      action: "refresh",
      startedAt: "2026-12-01 10:00:00",
      created: "",
    });
  });

  test("no rows, or only the header: no runs", () => {
    expect(lastRuns([])).toEqual([]);
    expect(lastRuns([HEADER])).toEqual([]);
  });
});
