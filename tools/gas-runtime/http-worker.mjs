// The worker thread behind UrlFetchApp: sends a batch of real HTTP requests in parallel and answers
// synchronously to the runtime (through synckit) with one result per request, never throwing.
import http from "node:http";
import https from "node:https";
import { runAsWorker } from "synckit";

// No keep-alive: a reused socket the server already closed would fail as a spurious network error.
const agents = {
  "http:": new http.Agent({ keepAlive: false }),
  "https:": new https.Agent({ keepAlive: false }),
};
const MAX_REDIRECTS = 10;

/**
 * @param {{ url: string, method: string, headers: [string, string][], body?: string, followRedirects: boolean }} req
 * @param {number} deadline epoch ms (real time) after which the request counts as timed out
 */
function send(req, deadline, redirects = 0) {
  return new Promise((resolve) => {
    let url;
    try {
      url = new URL(req.url);
    } catch (e) {
      resolve({ error: "invalid", message: String(e?.message) });
      return;
    }
    const lib = url.protocol === "https:" ? https : url.protocol === "http:" ? http : null;
    if (!lib) {
      resolve({ error: "invalid", message: `unsupported protocol ${url.protocol}` });
      return;
    }
    let done = false;
    const finish = (result) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(result);
    };
    const headers = {};
    for (const [name, value] of req.headers) headers[name] = value;
    const hasLength = Object.keys(headers).some((h) => h.toLowerCase() === "content-length");
    if (req.body !== undefined && !hasLength) headers["Content-Length"] = String(Buffer.byteLength(req.body));
    const request = lib.request(url, { method: req.method, headers, agent: agents[url.protocol] }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("error", (e) => finish({ error: "network", message: String(e.message) }));
      res.on("end", () => {
        const status = res.statusCode ?? 0;
        const location = res.headers.location;
        if (req.followRedirects && location && [301, 302, 303, 307, 308].includes(status)) {
          if (redirects >= MAX_REDIRECTS) {
            finish({ error: "network", message: "too many redirects" });
            return;
          }
          const next = {
            ...req,
            url: new URL(location, url).toString(),
            ...(status === 303 || ((status === 301 || status === 302) && req.method === "POST")
              ? { method: "GET", body: undefined }
              : {}),
          };
          clearTimeout(timer);
          done = true;
          send(next, deadline, redirects + 1).then(resolve);
          return;
        }
        finish({ status, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks).toString("utf8") });
      });
    });
    const timer = setTimeout(
      () => {
        finish({ error: "timeout", message: `no response within the wall-time limit` });
        request.destroy();
      },
      Math.max(0, deadline - Date.now()),
    );
    request.on("error", (e) => {
      const code = e?.code;
      const kind = code === "ENOTFOUND" || code === "EAI_AGAIN" ? "dns" : "network";
      finish({ error: kind, message: `${code ?? ""} ${e.message}`.trim() });
    });
    if (req.body !== undefined) request.write(req.body);
    request.end();
  });
}

runAsWorker(async (requests, wallTimeoutMs) => {
  const deadline = Date.now() + wallTimeoutMs;
  return Promise.all(requests.map((r) => send(r, deadline)));
});
