import { describe, expect, it } from "vitest";
import {
  isTokenSecretKey,
  normaliseServerUrl,
  plainHttpHost,
  tokenSecretKey,
} from "../../../extension/src/model/server-address.js";
import { userSettingValue } from "../../../extension/src/model/user-setting.js";

describe("server addresses", () => {
  it("spells one server one way, so it keeps one token", () => {
    for (const spelling of ["http://localhost:4000", "HTTP://LocalHost:4000/", "http://localhost:4000/graphql", " http://localhost:4000/graphql/ "]) {
      expect(normaliseServerUrl(spelling)).toBe("http://localhost:4000");
    }
    expect(normaliseServerUrl("https://cchc.hpeza.gov.vn:443/api/graphql?x=1#y")).toBe("https://cchc.hpeza.gov.vn/api");
    expect(normaliseServerUrl("http://user:secret@host:80")).toBe("http://host");
    expect(normaliseServerUrl("ftp://host")).toBeUndefined();
    expect(normaliseServerUrl("not an address")).toBeUndefined();
  });

  it("keys tokens by server: other ports, hosts and schemes are other servers", () => {
    expect(tokenSecretKey("http://localhost:4000/")).toBe("cchc.token:http://localhost:4000");
    const keys = new Set(["http://localhost:4000", "http://localhost:4001", "https://localhost:4000", "http://127.0.0.1:4000"].map(tokenSecretKey));
    expect(keys.size).toBe(4);
    expect(() => tokenSecretKey("javascript:alert(1)")).toThrow(/not an http/);
    expect(isTokenSecretKey("cchc.token")).toBe(true);
    expect(isTokenSecretKey(tokenSecretKey("http://x"))).toBe(true);
    expect(isTokenSecretKey("other.token")).toBe(false);
  });

  it("names the host only when a token would cross the network in the clear", () => {
    for (const local of ["http://localhost:4000", "http://127.0.0.1:4000", "http://[::1]:4000", "http://LOCALHOST", "https://cchc.example"]) {
      expect(plainHttpHost(local)).toBeUndefined();
    }
    expect(plainHttpHost("http://cchc.office.lan:4000")).toBe("cchc.office.lan");
    expect(plainHttpHost("http://10.0.0.5/graphql")).toBe("10.0.0.5");
    // Only the exact loopback names: a look-alike is another host.
    expect(plainHttpHost("http://127.0.0.2:4000")).toBe("127.0.0.2");
    expect(plainHttpHost("http://localhost.evil.example")).toBe("localhost.evil.example");
  });
});

describe("machine-scoped settings", () => {
  it("take the user's value or the default, never a workspace's", () => {
    const inspected = { defaultValue: "http://localhost:4000", workspaceValue: "http://evil.example", workspaceFolderValue: "http://evil2.example" };
    expect(userSettingValue(inspected, "x")).toBe("http://localhost:4000");
    expect(userSettingValue({ ...inspected, globalValue: "https://cchc.office" }, "x")).toBe("https://cchc.office");
    expect(userSettingValue({ workspaceValue: false }, true)).toBe(true);
    expect(userSettingValue(undefined, true)).toBe(true);
  });
});
