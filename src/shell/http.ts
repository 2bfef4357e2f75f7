// The HTTP client: sends a batch of API requests in parallel with UrlFetchApp.fetchAll and turns
// whatever happens (a response, a timeout, a network error, the daily quota) into Exchange values.

import type { ApiRequest, HttpClient } from "../core/ports";
import type { Exchange, Headers } from "../core/responses";
import { addSecret, scrub } from "./outbound";

function failure(error: unknown): Exchange {
  const detail = error instanceof Error ? error.message : String(error);
  // "…too many times for one day" is the daily quota; "…in a short time" is a throttle that passes.
  if (/too many times for one day/i.test(detail)) return { kind: "quota", detail };
  if (/timeout|timed out|deadline/i.test(detail)) return { kind: "timeout", detail };
  return { kind: "network", detail };
}

function scrubHeaders(headers: Headers): Headers {
  const out: Record<string, string | readonly string[]> = {};
  for (const [name, value] of Object.entries(headers))
    out[name] = typeof value === "string" ? scrub(value) : value.map((v) => scrub(v));
  return out;
}

export class ApiClient implements HttpClient {
  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
  ) {
    addSecret(apiKey);
  }

  private toFetch(request: ApiRequest): GoogleAppsScript.URL_Fetch.URLFetchRequest {
    return {
      url: this.baseUrl + request.path,
      method: request.method,
      headers: { Authorization: `Bearer ${this.apiKey}`, Accept: "application/json" },
      muteHttpExceptions: true,
      followRedirects: false,
      ...(request.body === undefined
        ? {}
        : { contentType: "application/json", payload: JSON.stringify(request.body) }),
    };
  }

  /**
   * One round trip for the whole batch. When fetchAll throws (one request timed out or could not
   * connect), Apps Script gives no answer for any of them: every request of the batch gets that
   * failure, and the caller treats each as "may or may not have arrived".
   */
  send(requests: readonly ApiRequest[]): Exchange[] {
    if (requests.length === 0) return [];
    try {
      const responses = UrlFetchApp.fetchAll(requests.map((r) => this.toFetch(r)));
      return responses.map((res) => ({
        kind: "response",
        status: res.getResponseCode(),
        // An API that echoes the request in an error must not carry the key anywhere, in any form
        // (`\/`-escaped, URL-encoded, after "bEaReR"…): redacted here, before anything reads it.
        headers: scrubHeaders(res.getHeaders() as Headers),
        body: scrub(res.getContentText()),
      }));
    } catch (error) {
      const f = failure(new Error(scrub(error instanceof Error ? error.message : String(error))));
      return requests.map(() => f);
    }
  }
}
