// Transport helpers of the MKP double: JSON and raw answers, and the sockets/timers held by timeout and
// delay faults (all released when the server closes).

import type { ServerResponse } from "node:http";
import type { Socket } from "node:net";

/** Sockets held open by timeout faults, and timers of delay faults; all released by close(). */
export class Holds {
  private timers = new Set<NodeJS.Timeout>();
  private sockets = new Set<Socket>();

  hold(socket: Socket, ms: number): void {
    this.sockets.add(socket);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.sockets.delete(socket);
      socket.destroy();
    }, ms);
    this.timers.add(timer);
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  releaseAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    for (const socket of this.sockets) socket.destroy();
    this.timers.clear();
    this.sockets.clear();
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(text),
  });
  res.end(text);
}

/** Answers raw bytes with exactly the given headers (plus Content-Length): fuzz mode's odd answers. */
export function sendRaw(res: ServerResponse, status: number, body: Buffer, headers: Record<string, string>) {
  res.writeHead(status, { ...headers, "Content-Length": body.length });
  res.end(body);
}
