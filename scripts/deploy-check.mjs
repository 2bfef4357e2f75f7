// First step of `npm run deploy`: offline, in a moment, stops with what to do when clasp has no login or
// .clasp.json has no real script ID, instead of failing after the tests. Usage: deploy-check.mjs [dir]
import { existsSync, readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";

const PLACEHOLDER = "PUT-YOUR-SCRIPT-ID-HERE";
const projectDir = resolve(process.argv[2] ?? process.env.MKP_PROJECT_DIR ?? process.cwd());

function readJson(path) {
  try {
    return { value: JSON.parse(readFileSync(path, "utf8")) };
  } catch (e) {
    return { error: e };
  }
}

/** Where clasp 3 keeps its login: --auth / clasp_config_auth (a file or a folder), else ~/.clasprc.json. */
function credentialsPath() {
  const given = process.env.clasp_config_auth;
  if (!given) return join(homedir(), ".clasprc.json");
  const path = resolve(given);
  return existsSync(path) && statSync(path).isDirectory() ? join(path, ".clasprc.json") : path;
}

/** As clasp's FileCredentialStore loads the default user: tokens.default, or an older clasp's file. */
function hasLogin(store) {
  if (store === null || typeof store !== "object") return false;
  if (store.tokens?.default) return true;
  if (store.token && store.oauth2ClientSettings) return true;
  return Boolean(store.access_token);
}

const problems = [];

const authPath = credentialsPath();
const auth = existsSync(authPath) ? readJson(authPath) : null;
if (!auth || auth.error || !hasLogin(auth.value)) {
  const found = !auth ? "there is none" : auth.error ? "it is not valid JSON" : "it holds no login";
  problems.push(
    `clasp is not logged in (looked for ${authPath}; ${found}).\n` +
      "  Run:  npx clasp login\n" +
      "  (once; it opens a browser to sign in with the Google account that owns the script)",
  );
}

const claspPath = join(projectDir, ".clasp.json");
const clasp = existsSync(claspPath) ? readJson(claspPath) : null;
const scriptId = clasp?.value?.scriptId;
if (!clasp || clasp.error) {
  problems.push(`${claspPath} is ${clasp ? "not valid JSON" : "missing"}.`);
} else if (typeof scriptId !== "string" || scriptId.trim() === "" || scriptId === PLACEHOLDER) {
  problems.push(
    `.clasp.json has no script ID yet (scriptId is ${JSON.stringify(scriptId ?? null)}).\n` +
      "  Open your spreadsheet › Extensions › Apps Script › Project Settings, copy the Script ID,\n" +
      `  and put it in ${claspPath} as "scriptId".`,
  );
} else if (clasp.value.rootDir !== "dist") {
  problems.push(`.clasp.json must have "rootDir": "dist" (a push replaces all of the script's files).`);
}

if (problems.length > 0) {
  console.error(`Not deploying:\n\n${problems.map((p) => `- ${p}`).join("\n\n")}\n`);
  process.exit(1);
}
console.log(`deploy check: clasp login found, script ${scriptId}`);
