// scripts/deploy-check.mjs, the first step of `npm run deploy`: run as npm runs it, in a temporary
// project and with HOME pointed at a temporary folder, so no real clasp login or script is involved.

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "@jest/globals";

const SCRIPT = join(__dirname, "..", "..", "scripts", "deploy-check.mjs");
const temp = mkdtempSync(join(tmpdir(), "deploy-check-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

let count = 0;
/** A fresh empty home and project folder, with the given files. */
function setUp(files: { home?: Record<string, unknown>; project?: Record<string, unknown> }) {
  const base = join(temp, String(++count));
  const home = join(base, "home");
  const project = join(base, "project");
  mkdirSync(home, { recursive: true });
  mkdirSync(project, { recursive: true });
  for (const [name, json] of Object.entries(files.home ?? {}))
    writeFileSync(join(home, name), JSON.stringify(json));
  for (const [name, json] of Object.entries(files.project ?? {})) {
    writeFileSync(join(project, name), JSON.stringify(json));
  }
  return { home, project };
}

function check(home: string, project: string) {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home };
  const started = performance.now();
  const run = spawnSync(process.execPath, [SCRIPT, project], { env, encoding: "utf8", timeout: 20_000 });
  return { status: run.status, stderr: run.stderr, stdout: run.stdout, ms: performance.now() - started };
}

const LOGIN = { tokens: { default: { type: "authorized_user", refresh_token: "r", client_id: "c" } } };
const PLACEHOLDER = { scriptId: "PUT-YOUR-SCRIPT-ID-HERE", rootDir: "dist" };

describe("deploy check", () => {
  test("no clasp login and the placeholder script ID: stops within 10 s, saying what to run and to fill in", () => {
    const { home, project } = setUp({ project: { ".clasp.json": PLACEHOLDER } });
    const run = check(home, project);
    expect(run.status).not.toBe(0);
    expect(run.status).not.toBeNull();
    expect(run.ms).toBeLessThan(10_000);
    expect(run.stderr).toContain("clasp is not logged in");
    expect(run.stderr).toContain(join(home, ".clasprc.json"));
    expect(run.stderr).toContain("npx clasp login");
    expect(run.stderr).toContain("no script ID yet");
    expect(run.stderr).toContain('"PUT-YOUR-SCRIPT-ID-HERE"');
    expect(run.stderr).toContain("Project Settings");
  });

  test("logged in, but .clasp.json without a scriptId: stops, naming the file", () => {
    const { home, project } = setUp({
      home: { ".clasprc.json": LOGIN },
      project: { ".clasp.json": { rootDir: "dist" } },
    });
    const run = check(home, project);
    expect(run.status).toBe(1);
    expect(run.stderr).not.toContain("not logged in");
    expect(run.stderr).toContain("no script ID yet");
    expect(run.stderr).toContain(join(project, ".clasp.json"));
  });

  test("a .clasprc.json without a login (after clasp logout) counts as no login", () => {
    const { home, project } = setUp({
      home: { ".clasprc.json": { tokens: {} } },
      project: { ".clasp.json": { scriptId: "1AbC", rootDir: "dist" } },
    });
    const run = check(home, project);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("it holds no login");
    expect(run.stderr).toContain("npx clasp login");
    expect(run.stderr).not.toContain("script ID");
  });

  test("logged in, with a real script ID: passes", () => {
    const { home, project } = setUp({
      home: { ".clasprc.json": LOGIN },
      project: { ".clasp.json": { scriptId: "1AbC", rootDir: "dist" } },
    });
    const run = check(home, project);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("script 1AbC");
  });
});
