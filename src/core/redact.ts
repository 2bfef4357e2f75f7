// Removes the API key from any text before it is shown or logged, in every form it can come back
// in: raw, JSON-escaped, URL-encoded, as an HTML entity, escaped twice, after "Bearer", or cut short.

export const REDACTED = "[API key]";
/**
 * A run of this many characters of the key is redacted even when the rest is missing. A server (or
 * a cap on text length) that echoes the key cut short leaves a prefix or a suffix; 12 characters of
 * a random key are some 70 bits of it, too much to show, and ordinary text does not contain 12
 * characters of a random key by chance. The sidebar's last 4 characters stay well below it.
 */
export const PARTIAL_MIN = 12;

/** A text as decoded from a source text: unit k came from source[from[k], to[k]). */
interface Decoded {
  readonly text: string;
  readonly from: (k: number) => number;
  readonly to: (k: number) => number;
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  "/": "/",
  '"': '"',
  "\\": "\\",
  "'": "'",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

const hexAt = (t: string, i: number, n: number): number => {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const d = Number.parseInt(t.charAt(k), 16);
    if (Number.isNaN(d)) return -1;
    v = v * 16 + d;
  }
  return v;
};

/** One step of un-escaping (JSON `\…`, `%XX` below 0x80, `&#…;`), or null when there is none. */
function decodeOnce(src: Decoded): Decoded | null {
  const t = src.text;
  if (!/[\\%&]/.test(t)) return null;
  const out: string[] = [];
  const from = new Int32Array(t.length);
  const to = new Int32Array(t.length);
  let changed = false;
  const emit = (s: string, a: number, b: number) => {
    for (let u = 0; u < s.length; u++) {
      from[out.length] = src.from(a);
      to[out.length] = src.to(b - 1);
      out.push(s.charAt(u));
    }
    if (b - a > 1) changed = true;
    return b;
  };
  for (let i = 0; i < t.length; ) {
    const c = t.charAt(i);
    if (c === "\\") {
      const u = t.charAt(i + 1) === "u" ? hexAt(t, i + 2, 4) : -1;
      const short = SHORT_ESCAPES[t.charAt(i + 1)];
      if (u >= 0) i = emit(String.fromCharCode(u), i, i + 6);
      else if (short !== undefined) i = emit(short, i, i + 2);
      else i = emit(c, i, i + 1);
    } else if (c === "%" && hexAt(t, i + 1, 2) >= 0 && hexAt(t, i + 1, 2) < 0x80) {
      i = emit(String.fromCharCode(hexAt(t, i + 1, 2)), i, i + 3);
    } else if (c === "&" && t.charAt(i + 1) === "#") {
      const m = /^&#(?:[xX]([0-9a-fA-F]{1,6})|(\d{1,7}));/.exec(t.slice(i, i + 12));
      const code = m ? (m[1] !== undefined ? Number.parseInt(m[1], 16) : Number(m[2])) : -1;
      if (m && code <= 0x10ffff) i = emit(String.fromCodePoint(code), i, i + m[0].length);
      else i = emit(c, i, i + 1);
    } else {
      i = emit(c, i, i + 1);
    }
  }
  if (!changed) return null;
  const f = from.subarray(0, out.length);
  const e = to.subarray(0, out.length);
  return { text: out.join(""), from: (k) => f[k] ?? 0, to: (k) => e[k] ?? 0 };
}

/** Source spans [start, end) of every run of ≥ minRun key characters in a decoded text. */
function findRuns(d: Decoded, key: string, minRun: number): [number, number][] {
  const at = new Map<string, number[]>();
  for (let p = 0; p < key.length; p++) {
    const c = key.charAt(p);
    const list = at.get(c);
    if (list) list.push(p);
    else at.set(c, [p]);
  }
  const t = d.text;
  const spans: [number, number][] = [];
  let j = 0;
  while (j < t.length) {
    let best = 0;
    let bestP = -1;
    for (const p of at.get(t.charAt(j)) ?? []) {
      let len = 1;
      while (p + len < key.length && t.charAt(j + len) === key.charAt(p + len)) len++;
      if (len > best) [best, bestP] = [len, p];
    }
    if (best < minRun) {
      j++;
      continue;
    }
    let start = j;
    if (bestP === 0) {
      // `Bearer <key>` goes as a whole (any case, spaces or a `+` from form encoding between).
      let k = j;
      while (k > 0 && /[ \t+]/.test(t.charAt(k - 1))) k--;
      if (k < j && t.slice(Math.max(0, k - 6), k).toLowerCase() === "bearer") start = k - 6;
    }
    spans.push([d.from(start), d.to(j + best - 1)]);
    j += best;
  }
  return spans;
}

/**
 * Every run of PARTIAL_MIN or more key characters starts with one of these: looking for them natively
 * first keeps a long text without the key (a 1 MB error page) cheap.
 */
export function keySeeds(secret: string): string[] {
  const key = secret.trim();
  const minRun = Math.min(PARTIAL_MIN, key.length);
  const seeds: string[] = [];
  for (let p = 0; p + minRun <= key.length; p++) seeds.push(key.slice(p, p + minRun));
  return seeds;
}

/** True when `text` certainly holds no trace of the key whose seeds are given: nothing to decode, no seed. */
export function surelyClean(text: string, seeds: readonly string[]): boolean {
  return !/[\\%&]/.test(text) && !seeds.some((seed) => text.includes(seed));
}

/** `text` with every trace of `secret` replaced by REDACTED. */
export function redactSecret(text: string, secret: string): string {
  const key = secret.trim();
  if (key === "" || text === "") return text;
  const minRun = Math.min(PARTIAL_MIN, key.length);
  // Raw, then un-escaped once (JSON, URL, HTML), then twice (JSON inside JSON, `%255C`…).
  let level: Decoded | null = { text, from: (k) => k, to: (k) => k + 1 };
  const spans: [number, number][] = [];
  const seeds = keySeeds(key);
  for (let depth = 0; level; depth++) {
    const t: string = level.text;
    if (seeds.some((seed) => t.includes(seed))) spans.push(...findRuns(level, key, minRun));
    level = depth < 2 ? decodeOnce(level) : null;
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0]);
  let out = "";
  let pos = 0;
  for (const [start, end] of spans) {
    if (end <= pos) continue;
    if (start >= pos) out += text.slice(pos, start) + REDACTED;
    pos = end;
  }
  return out + text.slice(pos);
}
