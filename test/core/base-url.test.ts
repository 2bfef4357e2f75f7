import { DEFAULT_BASE_URL, parseBaseUrl } from "../../src/core/base-url";

describe("parseBaseUrl: accepted", () => {
  test.each([
    [null, DEFAULT_BASE_URL],
    ["", DEFAULT_BASE_URL],
    ["   \n", DEFAULT_BASE_URL],
    ["https://api.mijnklantportaal.nl/v1", "https://api.mijnklantportaal.nl/v1"],
    ["  https://api.mijnklantportaal.nl/v1/  ", "https://api.mijnklantportaal.nl/v1"],
    ["HTTPS://API.MijnKlantportaal.NL/v1", "https://api.mijnklantportaal.nl/v1"],
    ["https://mijnklantportaal.nl", "https://mijnklantportaal.nl"],
    ["https://mijnklantportaal.nl/", "https://mijnklantportaal.nl"],
    ["https://staging.api.mijnklantportaal.nl/v2//", "https://staging.api.mijnklantportaal.nl/v2"],
    ["https://api.mijnklantportaal.nl:8443/v1", "https://api.mijnklantportaal.nl:8443/v1"],
    ["https://api.mijnklantportaal.nl:443/v1", "https://api.mijnklantportaal.nl:443/v1"],
    ["https://api-2.mijnklantportaal.nl/V1", "https://api-2.mijnklantportaal.nl/V1"],
    ["https://api.mijnklantportaal.nl/v1/a%20b", "https://api.mijnklantportaal.nl/v1/a%20b"],
    ["http://localhost", "http://localhost"],
    ["http://localhost:8080/v1/", "http://localhost:8080/v1"],
    ["HTTP://LocalHost:3000", "http://localhost:3000"],
    ["http://127.0.0.1:54321/v1", "http://127.0.0.1:54321/v1"],
    ["https://localhost:8443/v1", "https://localhost:8443/v1"],
    ["https://127.0.0.1/v1", "https://127.0.0.1/v1"],
    ["http://localhost:08080", "http://localhost:8080"],
  ])("%j → %s", (raw, url) => {
    expect(parseBaseUrl(raw)).toEqual({ ok: true, url });
  });
});

describe("parseBaseUrl: refused", () => {
  test.each([
    // scheme
    ["api.mijnklantportaal.nl/v1", "scheme"],
    ["//api.mijnklantportaal.nl/v1", "scheme"],
    ["http://api.mijnklantportaal.nl/v1", "scheme"],
    ["ftp://api.mijnklantportaal.nl/v1", "scheme"],
    ["javascript:alert(1)", "scheme"],
    ["https:/api.mijnklantportaal.nl/v1", "scheme"],
    ["localhost:8080", "scheme"],
    // user info
    ["https://api.mijnklantportaal.nl@evil.example/v1", "userinfo"],
    ["https://user:pass@api.mijnklantportaal.nl/v1", "userinfo"],
    ["https://evil.example/@api.mijnklantportaal.nl", "userinfo"],
    ["http://localhost@evil.example", "userinfo"],
    // host
    ["https://evil.example/v1", "host"],
    ["https://evilmijnklantportaal.nl/v1", "host"],
    ["https://mijnklantportaal.nl.evil.example/v1", "host"],
    ["https://api.mijnklantportaal.nl./v1", "host"],
    ["https://mijnklantportaal.nl./v1", "host"],
    ["https://api..mijnklantportaal.nl/v1", "host"],
    ["https://-api.mijnklantportaal.nl/v1", "host"],
    ["https://api.mijnklantpοrtaal.nl/v1", "host"], // Greek omicron
    ["https://xn--mijnklantprtaal-0kb.nl/v1", "host"],
    ["https://xn--api-abc.mijnklantportaal.nl/v1", "host"],
    ["https://api%2emijnklantportaal.nl/v1", "host"],
    ["https://evil.example%2f.mijnklantportaal.nl/v1", "host"],
    ["https://[::1]:8080/v1", "host"],
    ["http://[::1]/v1", "host"],
    ["http://127.0.0.2/v1", "host"],
    ["http://127.1/v1", "host"],
    ["http://2130706433/v1", "host"],
    ["http://0x7f.0.0.1/v1", "host"],
    ["http://localhost./v1", "host"],
    ["http://localhost.evil.example/v1", "host"],
    ["https:///v1", "host"],
    ["https://api.mijnklant\tportaal.nl/v1", "host"],
    ["https://api.mijnklantportaal.nl /v1", "host"],
    // port
    ["https://api.mijnklantportaal.nl:0/v1", "port"],
    ["https://api.mijnklantportaal.nl:65536/v1", "port"],
    ["https://api.mijnklantportaal.nl:/v1", "port"],
    ["https://api.mijnklantportaal.nl:443:80/v1", "port"],
    ["https://api.mijnklantportaal.nl:https/v1", "port"],
    // query / fragment
    ["https://api.mijnklantportaal.nl/v1?x=1", "query"],
    ["https://api.mijnklantportaal.nl/v1#top", "query"],
    ["https://api.mijnklantportaal.nl?", "query"],
    // malformed
    ["https://evil.example\\@api.mijnklantportaal.nl/v1", "malformed"],
    ["https://api.mijnklantportaal.nl\\v1", "malformed"],
    ["https://api.mijnklantportaal.nl/v1/a b", "malformed"],
    ["https://api.mijnklantportaal.nl/v1\n/x", "malformed"],
    ["https://api.mijnklantportaal.nl/v1/%zz", "malformed"],
  ])("%j: %s", (raw, reason) => {
    expect(parseBaseUrl(raw)).toEqual({ ok: false, reason });
  });
});
