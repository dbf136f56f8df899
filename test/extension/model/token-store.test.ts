import { describe, expect, it } from "vitest";
import { PlainHttpConsent } from "../../../extension/src/model/plain-http-consent.js";
import { TokenStore, type SecretsLike } from "../../../extension/src/model/token-store.js";

function secrets(initial: Record<string, string> = {}): SecretsLike & { map: Map<string, string> } {
  const map = new Map(Object.entries(initial));
  return {
    map,
    get: async (key) => map.get(key),
    store: async (key, value) => void map.set(key, value),
    delete: async (key) => void map.delete(key),
  };
}

function memento() {
  const map = new Map<string, unknown>();
  return { map, get: <T>(key: string) => map.get(key) as T | undefined, update: async (key: string, value: unknown) => void map.set(key, value) };
}

describe("TokenStore", () => {
  it("keeps one token per server address", async () => {
    const storage = secrets();
    const tokens = new TokenStore(storage);
    await tokens.store("http://localhost:4000/", "local");
    await tokens.store("https://cchc.office", "office");
    expect(await tokens.get("http://localhost:4000/graphql")).toBe("local");
    expect(await tokens.get("https://cchc.office/")).toBe("office");
    expect(await tokens.get("http://evil.example")).toBeUndefined();
    await tokens.delete("http://localhost:4000");
    expect(await tokens.get("http://localhost:4000")).toBeUndefined();
    expect(await tokens.get("https://cchc.office")).toBe("office");
    expect([...storage.map.keys()]).toEqual(["cchc.token:https://cchc.office"]);
  });

  it("moves the old single token to the current server once, and to no other", async () => {
    const storage = secrets({ "cchc.token": "old" });
    const tokens = new TokenStore(storage);
    expect(await tokens.get("https://cchc.office")).toBe("old");
    expect(storage.map.has("cchc.token")).toBe(false);
    expect(await tokens.get("http://evil.example")).toBeUndefined();
    expect(await tokens.get("https://cchc.office")).toBe("old");
  });

  it("keeps a token already stored for the server over the old one, and drops the old one", async () => {
    const storage = secrets({ "cchc.token": "old", "cchc.token:https://cchc.office": "new" });
    expect(await new TokenStore(storage).get("https://cchc.office")).toBe("new");
    expect([...storage.map.keys()]).toEqual(["cchc.token:https://cchc.office"]);
  });
});

describe("PlainHttpConsent", () => {
  it("never asks for https or this machine", async () => {
    const asked: string[] = [];
    const consent = new PlainHttpConsent(memento(), async (host) => (asked.push(host), false));
    for (const url of ["https://cchc.office", "http://localhost:4000", "http://127.0.0.1:4000", "http://[::1]:4000"]) {
      expect(await consent.allow(url)).toBe(true);
    }
    expect(asked).toEqual([]);
  });

  it("asks once per address naming the host, and remembers a yes", async () => {
    const state = memento();
    const asked: string[] = [];
    const consent = new PlainHttpConsent(state, async (host) => (asked.push(host), true));
    const answers = await Promise.all([consent.allow("http://cchc.lan:4000"), consent.allow("http://cchc.lan:4000/graphql")]);
    expect(answers).toEqual([true, true]);
    expect(asked).toEqual(["cchc.lan"]);
    // Remembered across restarts (globalState), per address: another port is asked again.
    const later = new PlainHttpConsent(state, async (host) => (asked.push(host), true));
    expect(await later.allow("http://CCHC.lan:4000/")).toBe(true);
    expect(asked).toEqual(["cchc.lan"]);
    expect(await later.allow("http://cchc.lan:4001")).toBe(true);
    expect(asked).toEqual(["cchc.lan", "cchc.lan"]);
  });

  it("holds a no until the next sign-in, and never stores it", async () => {
    const state = memento();
    let asked = 0;
    const consent = new PlainHttpConsent(state, async () => (asked++, false));
    expect(await consent.allow("http://10.0.0.5")).toBe(false);
    expect(await consent.allow("http://10.0.0.5")).toBe(false);
    expect(asked).toBe(1);
    consent.forgetRefusal("http://10.0.0.5/");
    expect(await consent.allow("http://10.0.0.5")).toBe(false);
    expect(asked).toBe(2);
    expect(state.map.get("cchc.plainHttpConsent") ?? []).toEqual([]);
  });
});

describe("the extension's manifest", () => {
  it("lets no workspace set the server address or the certificate check", async () => {
    const manifest = (await import("../../../extension/package.json", { with: { type: "json" } })).default as {
      contributes: { configuration: { properties: Record<string, { scope?: string }> } };
    };
    const { properties } = manifest.contributes.configuration;
    for (const key of ["cchc.serverUrl", "cchc.rejectUnauthorized"]) {
      expect(["machine", "application"]).toContain(properties[key].scope);
    }
  });
});
