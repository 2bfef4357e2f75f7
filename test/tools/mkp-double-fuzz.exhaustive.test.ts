// Tests of the MKP double's fuzz mode over HTTP: determinism per seed, the share of odd answers, every
// status and body kind (incl. the token echoed in several encodings), path filters, and creates that
// really happened (or not) before the odd answer.

import { createHash } from "node:crypto";
import { startMkpDouble } from "../../tools/mkp-double/client";
import type { DoubleClient, FuzzRecord } from "../../tools/mkp-double/types";

const KEY = "key/with+odd=chars-0001";
const T0 = Date.UTC(2025, 3, 14, 9, 0, 0);

let double: DoubleClient;

beforeAll(async () => {
  double = await startMkpDouble();
});
afterAll(async () => {
  await double?.stop();
});

interface Answer {
  status: number;
  contentType: string | null;
  body: Buffer;
}

async function call(method: string, path: string, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = { authorization: `Bearer ${KEY}`, "x-virtual-now": String(T0) };
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${double.baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: res.status,
    contentType: res.headers.get("content-type"),
    body: Buffer.from(await res.arrayBuffer()),
  };
}

const fingerprint = (a: Answer) =>
  `${a.status} ${a.contentType} ${createHash("sha1").update(a.body).digest("hex")}`;

async function run(n: number): Promise<Answer[]> {
  const out: Answer[] = [];
  for (let i = 0; i < n; i += 1) out.push(await call("GET", i % 2 === 0 ? "/customer-offers" : "/customers"));
  return out;
}

const base = { apiKeys: [KEY], rateLimit: 100_000 };

test("same seed, same answers; another seed, other answers; about `rate` of the requests are odd", async () => {
  await double.reset({ ...base, fuzz: { seed: 42, rate: 0.5 } });
  const first = (await run(80)).map(fingerprint);
  const log = await double.requests();
  const fuzzed = log.filter((r) => r.fuzz !== undefined).length;
  expect(fuzzed).toBeGreaterThan(20);
  expect(fuzzed).toBeLessThan(60);
  expect((await double.stats()).fuzzed).toBe(fuzzed);
  // Requests not fuzzed are normal list pages.
  for (const r of log.filter((e) => e.fuzz === undefined)) expect(r.status).toBe(200);
  await double.reset({ ...base, fuzz: { seed: 42, rate: 0.5 } });
  expect((await run(80)).map(fingerprint)).toEqual(first);
  await double.reset({ ...base, fuzz: { seed: 43, rate: 0.5 } });
  expect((await run(80)).map(fingerprint)).not.toEqual(first);
  await double.configure({ fuzz: null });
  expect((await run(4)).map((a) => a.status)).toEqual([200, 200, 200, 200]);
});

test("every status and body kind occurs, each as recorded in the request log", async () => {
  await double.reset({ ...base, fuzz: { seed: 7, rate: 1 } });
  const answers = await run(400);
  const log = await double.requests();
  const records = log.map((r) => r.fuzz as FuzzRecord);
  const statuses = new Set(answers.map((a) => a.status));
  expect([...statuses].sort((a, b) => a - b)).toEqual([
    200, 201, 400, 404, 408, 409, 422, 429, 500, 502, 503, 504,
  ]);
  const kinds = new Set(records.map((r) => r.body.replace(/:.*/, "")));
  expect([...kinds].sort()).toEqual(
    [
      "binary",
      "empty",
      "html",
      "huge",
      "json-laravel",
      "json-message",
      "json-random",
      "token-echo",
      "truncated-json",
      "wrong-content-type",
    ].sort(),
  );
  const echoes = new Set<string>();
  answers.forEach((answer, i) => {
    const record = records[i] as FuzzRecord;
    const text = answer.body.toString("latin1");
    expect(answer.status).toBe(record.status);
    expect(log[i]?.status).toBe(record.status);
    expect(answer.contentType).toBe(record.contentType);
    if (record.body === "huge") expect(answer.body.length).toBeGreaterThanOrEqual(1024 * 1024);
    if (record.body === "empty") expect(answer.body.length).toBe(0);
    if (record.body === "html") expect(text).toMatch(/^<!DOCTYPE html>/);
    if (record.body === "truncated-json") expect(() => JSON.parse(text)).toThrow();
    if (record.body === "json-random" || record.body === "json-laravel")
      JSON.parse(answer.body.toString("utf8"));
    if (record.body.startsWith("token-echo:")) echoes.add(record.body.slice(11));
    const expected: Record<string, string[]> = {
      "token-echo:raw": [KEY],
      "token-echo:bearer": [`Bearer ${KEY}`],
      "token-echo:bearer-odd-case": [`bEaReR ${KEY}`],
      "token-echo:json-slash": ["key\\/with+odd=chars-0001"],
      "token-echo:json-u002f": ["key\\u002fwith+odd=chars-0001"],
      "token-echo:json-unicode-all": ["\\u006b\\u0065\\u0079\\u002f"],
      "token-echo:url": [encodeURIComponent(KEY)],
      "token-echo:url-all": ["%6B%65%79%2F"],
      "token-echo:html-entity": ["key&#47;with&#43;odd&#61;chars-0001"],
      "token-echo:json-twice": ["key\\\\/with+odd=chars-0001"],
      "token-echo:all": [KEY, `Bearer ${KEY}`, "key\\/with", "key\\u002fwith", encodeURIComponent(KEY)],
    };
    for (const needle of expected[record.body] ?? []) expect(text).toContain(needle);
  });
  expect(echoes.size).toBe(11);
  const long = answers.some((a) => a.body.toString("utf8").includes("x".repeat(50_001)));
  expect(long).toBe(true);
});

test("creates: fuzz decides and records whether the offer was created before the odd answer", async () => {
  await double.reset({
    ...base,
    fuzz: { seed: 99, rate: 1, paths: ["/customer-offers/manual", "/customers"] },
  });
  for (let i = 0; i < 40; i += 1) {
    await call("POST", "/customer-offers/manual", {
      customerId: "cst_demo0001",
      offerNumber: `Z-${i}`,
      issuedAt: "2025-04-14",
      expiresAt: "2025-05-14",
      lines: [{ description: "x", amountExclVat: "1.00", vatRate: 21 }],
    });
  }
  // Not in `paths`: answered normally.
  const list = await call("GET", "/customer-offers?page=1");
  expect(list.status).toBe(200);
  const log = await double.requests();
  const posts = log.filter((r) => r.method === "POST");
  const created = posts.filter((r) => r.fuzz?.created === true);
  expect(created.length).toBeGreaterThan(5);
  expect(created.length).toBeLessThan(35);
  for (const r of posts) expect(r.fuzz?.created).toBe(r.offerId !== undefined);
  // A 4xx says the request was not processed: a create never happens before one.
  for (const r of posts)
    if ((r.status ?? 0) >= 400 && (r.status ?? 0) < 500) expect(r.fuzz?.created).toBe(false);
  const stored = (await double.offers()).map((o) => o.offerNumber).sort();
  expect(stored).toEqual(created.map((r) => (r.body as { offerNumber: string }).offerNumber).sort());
  expect(log.at(-1)?.fuzz).toBeUndefined();
  const stats = await double.stats();
  expect(stats).toMatchObject({ offersCreated: created.length, fuzzed: 40, duplicateOfferNumbers: [] });
  // A product retrying a created offer would show up here.
  await double.configure({ fuzz: null });
  const retried = created[0]?.body as { offerNumber: string };
  const again = retried.offerNumber;
  await call("POST", "/customer-offers/manual", retried);
  expect((await double.stats()).duplicateOfferNumbers).toEqual([again]);
});
