// The browser host's HTTP server, in a worker thread: it keeps answering while the main thread is
// blocked inside a synchronous GasRuntime execution. Each google.script.run call is handed to the
// main thread over a MessagePort (which the main thread may drain synchronously mid-execution).
import { createServer } from "node:http";
import { parentPort, workerData } from "node:worker_threads";

const calls = workerData.calls;
const pages = new Map();
const waiting = new Map();
let nextCall = 0;

const server = createServer((req, res) => {
  const path = (req.url ?? "/").split("?")[0];
  const page = /^\/pages\/(\d+)$/.exec(path);
  if (req.method === "GET" && page && pages.has(page[1])) {
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      // As the iframe HtmlService serves: nothing may come from anywhere but this page.
      "content-security-policy":
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'",
    });
    res.end(pages.get(page[1]));
    return;
  }
  if (req.method === "POST" && (path === "/run" || path === "/host")) {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      let body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        res.writeHead(400).end("bad json");
        return;
      }
      if (path === "/host") {
        parentPort.postMessage({ type: "host", page: String(body.page), action: String(body.action) });
        res.writeHead(204).end();
        return;
      }
      const id = ++nextCall;
      waiting.set(id, res);
      calls.postMessage({ id, page: String(body.page), fn: String(body.fn), args: body.args ?? [] });
    });
    return;
  }
  res.writeHead(404, { "content-type": "text/plain" }).end("not found");
});

calls.on("message", (m) => {
  const res = waiting.get(m.id);
  waiting.delete(m.id);
  res?.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(m.reply));
});

parentPort.on("message", (m) => {
  if (m.type === "page") {
    pages.set(String(m.id), m.html);
    parentPort.postMessage({ type: "page-ready", id: m.id });
  } else if (m.type === "stop") {
    calls.close();
    server.closeAllConnections();
    server.close(() => parentPort.close());
  }
});

server.listen(0, "127.0.0.1", () => {
  parentPort.postMessage({ type: "listening", port: server.address().port });
});
