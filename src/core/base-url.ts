// The API base from script property MKP_BASE_URL. Any editor can set it, but each user's key goes
// there, so only MijnKlantportaal's own hosts (or this machine, for testing) are accepted.

export const DEFAULT_BASE_URL = "https://api.mijnklantportaal.nl/v1";
const MKP_DOMAIN = "mijnklantportaal.nl";
const LOOPBACK = ["localhost", "127.0.0.1"];

/** Why a base was refused; the message catalogue words it. */
export type BaseUrlProblem = "scheme" | "userinfo" | "host" | "port" | "query" | "malformed";

export type BaseUrl =
  | { readonly ok: true; readonly url: string }
  | { readonly ok: false; readonly reason: BaseUrlProblem };

const refuse = (reason: BaseUrlProblem): BaseUrl => ({ ok: false, reason });

/**
 * Checks and normalises a base URL: scheme and host in lower case, no trailing slash. Parsed by hand
 * and strictly (there is no `URL` in Apps Script, and parsers disagree on exactly the odd inputs an
 * attacker would use: backslashes, tabs, `@`, percent-encoded or non-ASCII hosts), so anything a
 * parser could read two ways is refused.
 *
 * Any port is accepted on MijnKlantportaal's hosts: the host decides who receives the key, and all
 * of a host's ports are its owner's.
 */
export function parseBaseUrl(raw: string | null): BaseUrl {
  const text = (raw ?? "").trim();
  if (text === "") return { ok: true, url: DEFAULT_BASE_URL };
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/(.*)$/s.exec(text);
  if (!m) return refuse("scheme");
  const scheme = (m[1] ?? "").toLowerCase();
  const rest = m[2] ?? "";
  if (scheme !== "https" && scheme !== "http") return refuse("scheme");
  // Printable ASCII only: no spaces, tabs or newlines (which some parsers drop), no look-alike letters.
  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd < 0 ? rest : rest.slice(0, authorityEnd);
  const path = authorityEnd < 0 ? "" : rest.slice(authorityEnd);
  if (/[^\x21-\x7e]/.test(authority)) return refuse("host");
  if (/[^\x21-\x7e]/.test(path) || text.includes("\\")) return refuse("malformed");
  if (text.includes("@")) return refuse("userinfo");
  if (/[?#]/.test(path)) return refuse("query");

  const hostPort = /^([^:]*)(?::(\d*))?$/.exec(authority);
  if (!hostPort) return refuse(authority.startsWith("[") ? "host" : "port");
  const host = (hostPort[1] ?? "").toLowerCase();
  const portText = hostPort[2];
  let port = "";
  if (portText !== undefined) {
    const n = Number(portText);
    if (!/^\d{1,5}$/.test(portText) || n < 1 || n > 65535) return refuse("port");
    port = `:${n}`;
  }
  if (!validHostName(host)) return refuse("host");
  const loopback = LOOPBACK.includes(host);
  const mkp = host === MKP_DOMAIN || host.endsWith(`.${MKP_DOMAIN}`);
  if (!loopback && !mkp) return refuse("host");
  // Plain http only to this machine: the key would otherwise travel readable.
  if (scheme === "http" && !loopback) return refuse("scheme");

  if (/%(?![0-9a-fA-F]{2})/.test(path)) return refuse("malformed");
  return { ok: true, url: `${scheme}://${host}${port}${path.replace(/\/+$/, "")}` };
}

/**
 * DNS labels of letters, digits and inner hyphens; no empty label (so no trailing dot), no IP
 * literal but 127.0.0.1, no punycode (`xn--`), whose look-alike letters only show once decoded.
 */
function validHostName(host: string): boolean {
  if (host === "127.0.0.1") return true;
  if (host.length === 0 || host.length > 253) return false;
  const labels = host.split(".");
  if (labels.some((l) => !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(l) || l.startsWith("xn--"))) {
    return false;
  }
  // An all-digit last label is an IPv4 address in some spelling (127.1, 2130706433).
  return !/^\d+$/.test(labels[labels.length - 1] ?? "");
}
