// HtmlService: HtmlOutput from the project's .html files or from a string (templates are not
// imitated). The Spreadsheet fake's Ui.showModalDialog reads the content with getContent().
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { enumOf, strict } from "./env";
import type { ExecEnv } from "./execution";

export function createHtmlService(env: ExecEnv, distDir: string): object {
  return strict(
    "HtmlService",
    {
      SandboxMode: strict("HtmlService.SandboxMode", enumOf("EMULATED", "IFRAME", "NATIVE"), env),
      XFrameOptionsMode: strict("HtmlService.XFrameOptionsMode", enumOf("ALLOWALL", "DEFAULT"), env),
      createHtmlOutput(html?: unknown) {
        env.record("HtmlService", "createHtmlOutput");
        return htmlOutput(env, html === undefined || html === null ? "" : String(html));
      },
      createHtmlOutputFromFile(name: string) {
        env.record("HtmlService", "createHtmlOutputFromFile");
        const base = String(name).replace(/\.html$/, "");
        const file = join(distDir, `${base}.html`);
        if (base.includes("/") || base.includes("\\") || !existsSync(file)) {
          throw env.makeError(`No HTML file named ${name} was found.`);
        }
        return htmlOutput(env, readFileSync(file, "utf8"));
      },
      createTemplate: () => env.notImplemented("HtmlService.createTemplate"),
      createTemplateFromFile: () => env.notImplemented("HtmlService.createTemplateFromFile"),
    },
    env,
  );
}

/** The HtmlOutput object; `getContent()` is what a dialog shows. */
export function htmlOutput(env: ExecEnv, initial: string): object {
  let content = initial;
  let title = "";
  let width = 0;
  let height = 0;
  const call = (method: string) => env.record("HtmlOutput", method);
  const self: object = strict(
    "HtmlOutput",
    {
      getContent(): string {
        call("getContent");
        return content;
      },
      setContent(html: string) {
        call("setContent");
        content = String(html);
        return self;
      },
      append(html: string) {
        call("append");
        content += String(html);
        return self;
      },
      clear() {
        call("clear");
        content = "";
        return self;
      },
      setTitle(t: string) {
        call("setTitle");
        title = String(t);
        return self;
      },
      getTitle(): string {
        call("getTitle");
        return title;
      },
      setWidth(w: number) {
        call("setWidth");
        width = Number(w);
        return self;
      },
      getWidth(): number {
        call("getWidth");
        return width;
      },
      setHeight(h: number) {
        call("setHeight");
        height = Number(h);
        return self;
      },
      getHeight(): number {
        call("getHeight");
        return height;
      },
      setSandboxMode(_mode: string) {
        call("setSandboxMode");
        return self;
      },
      setXFrameOptionsMode(_mode: string) {
        call("setXFrameOptionsMode");
        return self;
      },
    },
    env,
  );
  return self;
}
