// The Ui and Menu facades: alerts (answered from model.alertReplies, else OK/YES), menus recorded into
// model.menus, dialogs and sidebars recorded into model.dialogs. prompt() is not imitated.
import type { Ctx } from "./context";
import type { Dialog, MenuRecord } from "./model";
import type { ButtonName, ButtonSetName, HtmlLike, MenuFacade, UiFacade } from "./types";

const BUTTONS: Readonly<Record<ButtonName, ButtonName>> = {
  CLOSE: "CLOSE",
  OK: "OK",
  CANCEL: "CANCEL",
  YES: "YES",
  NO: "NO",
};
const BUTTON_SETS: Readonly<Record<ButtonSetName, ButtonSetName>> = {
  OK: "OK",
  OK_CANCEL: "OK_CANCEL",
  YES_NO: "YES_NO",
  YES_NO_CANCEL: "YES_NO_CANCEL",
};
const ALLOWED: Record<ButtonSetName, ButtonName[]> = {
  OK: ["OK", "CLOSE"],
  OK_CANCEL: ["OK", "CANCEL", "CLOSE"],
  YES_NO: ["YES", "NO", "CLOSE"],
  YES_NO_CANCEL: ["YES", "NO", "CANCEL", "CLOSE"],
};

function isButtonSet(v: unknown): v is ButtonSetName {
  return typeof v === "string" && v in BUTTON_SETS;
}

function makeMenu(ctx: Ctx, name: string): MenuFacade {
  const record: MenuRecord = { name, items: [] };
  let self: MenuFacade;
  const menu: MenuFacade = {
    addItem(caption, functionName) {
      ctx.call("Menu", "addItem");
      record.items.push({ label: String(caption), functionName: String(functionName) });
      return self;
    },
    addSeparator() {
      ctx.call("Menu", "addSeparator");
      return self;
    },
    addSubMenu(sub) {
      ctx.call("Menu", "addSubMenu");
      const subRecord = typeof sub === "object" && sub !== null ? ctx.menuOf.get(sub) : undefined;
      if (!subRecord) throw ctx.error("Invalid argument: menu (expected a Menu from createMenu()).");
      for (const item of subRecord.items) {
        record.items.push({ label: `${subRecord.name} > ${item.label}`, functionName: item.functionName });
      }
      return self;
    },
    addToUi() {
      ctx.call("Menu", "addToUi");
      const copy = { name: record.name, items: record.items.map((i) => ({ ...i })) };
      const menus = ctx.model.menus;
      const at = menus.findIndex((m) => m.name === record.name);
      if (at >= 0) menus[at] = copy;
      else menus.push(copy);
    },
  };
  self = ctx.wrap("Menu", menu);
  ctx.menuOf.set(self, record);
  return self;
}

function htmlOf(ctx: Ctx, output: unknown): HtmlLike {
  if (typeof output !== "object" || output === null || !("getContent" in output)) {
    throw ctx.error("Invalid argument: userInterface (expected an HtmlOutput).");
  }
  return output as HtmlLike;
}

/** A dialog record from an HtmlOutput: its content, and its size when it has one. */
function dialogOf(ctx: Ctx, output: unknown, title: unknown, kind: Dialog["kind"]): Dialog {
  const html = htmlOf(ctx, output);
  const dialog: Dialog = { title: String(title), html: String(html.getContent()), kind };
  const width = "getWidth" in html && typeof html.getWidth === "function" ? Number(html.getWidth()) : 0;
  const height = "getHeight" in html && typeof html.getHeight === "function" ? Number(html.getHeight()) : 0;
  if (width > 0) dialog.width = width;
  if (height > 0) dialog.height = height;
  return dialog;
}

export function makeUi(ctx: Ctx): UiFacade {
  const model = ctx.model;
  const ui: UiFacade = {
    Button: ctx.wrap("Button", { ...BUTTONS }),
    ButtonSet: ctx.wrap("ButtonSet", { ...BUTTON_SETS }),
    alert(a, b, c) {
      ctx.call("Ui", "alert");
      const [title, message, buttons] =
        c !== undefined ? [a, b, c] : isButtonSet(b) ? [undefined, a, b] : [undefined, a, undefined];
      const set: ButtonSetName = isButtonSet(buttons) ? buttons : "OK";
      const queued = model.alertReplies.shift() as ButtonName | undefined;
      if (queued !== undefined && !ALLOWED[set].includes(queued)) {
        throw new Error(`alertReplies: "${queued}" is not a button of ${set}`);
      }
      const reply = queued ?? ALLOWED[set][0]!;
      model.alerts.push({
        ...(title === undefined ? {} : { title: String(title) }),
        message: String(message),
        ...(buttons === undefined ? {} : { buttons: set }),
        reply,
      });
      return reply;
    },
    prompt() {
      ctx.call("Ui", "prompt");
      return ctx.env.notImplemented("Ui.prompt");
    },
    createMenu(caption) {
      ctx.call("Ui", "createMenu");
      return makeMenu(ctx, String(caption));
    },
    createAddonMenu() {
      ctx.call("Ui", "createAddonMenu");
      return makeMenu(ctx, "Add-on");
    },
    showModalDialog(output, title) {
      ctx.call("Ui", "showModalDialog");
      model.dialogs.push(dialogOf(ctx, output, title, "modal"));
    },
    showModelessDialog(output, title) {
      ctx.call("Ui", "showModelessDialog");
      model.dialogs.push(dialogOf(ctx, output, title, "modeless"));
    },
    showSidebar(output) {
      ctx.call("Ui", "showSidebar");
      const html = htmlOf(ctx, output);
      const title = "getTitle" in html && typeof html.getTitle === "function" ? String(html.getTitle()) : "";
      model.dialogs.push(dialogOf(ctx, html, title, "sidebar"));
    },
  };
  return ctx.wrap("Ui", ui);
}
