// What HtmlService gives a page besides its own HTML: `google.script.run` (each call is one
// execution of a global function, answered asynchronously) and `google.script.host`.

/** The script injected before the page's own content; `pageId` names the page for the host. */
export function clientShim(pageId: string): string {
  return `<script>
(function () {
  "use strict";
  var PAGE = ${JSON.stringify(pageId)};
  function post(path, body) {
    return fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  }
  function call(fn, args, success, failure, userObject) {
    post("/run", { page: PAGE, fn: fn, args: args })
      .then(function (res) { return res.json(); })
      .then(function (reply) {
        if (reply.ok) { if (success) success(reply.value, userObject); return; }
        var error = new Error(reply.message);
        error.name = reply.name || "ScriptError";
        if (failure) failure(error, userObject);
        else console.error("google.script.run." + fn + " failed: " + reply.message);
      }, function (e) {
        if (failure) failure(new Error("NetworkError: Connection failure due to HTTP 0"), userObject);
        else console.error(e);
      });
  }
  function runner(success, failure, userObject) {
    return new Proxy({}, {
      get: function (_target, name) {
        if (name === "withSuccessHandler") return function (f) { return runner(f, failure, userObject); };
        if (name === "withFailureHandler") return function (f) { return runner(success, f, userObject); };
        if (name === "withUserObject") return function (o) { return runner(success, failure, o); };
        if (typeof name !== "string" || name === "then") return undefined;
        return function () { call(name, Array.prototype.slice.call(arguments), success, failure, userObject); };
      },
    });
  }
  function host(action) { return function () { post("/host", { page: PAGE, action: action }); }; }
  window.google = window.google || {};
  window.google.script = {
    run: runner(null, null, undefined),
    host: { close: host("close"), setHeight: host("setHeight"), setWidth: host("setWidth"), editor: { focus: host("focus") } },
  };
})();
</script>`;
}

/**
 * The page as the browser gets it: exactly the HTML the product's code produced, with the shim
 * placed before it (after its doctype, so the page stays in standards mode).
 */
export function servedPage(productHtml: string, pageId: string): string {
  const doctype = /^\s*<!doctype[^>]*>/i.exec(productHtml)?.[0] ?? "";
  return `${doctype}${clientShim(pageId)}${productHtml.slice(doctype.length)}`;
}
