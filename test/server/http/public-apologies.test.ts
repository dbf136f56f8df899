import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../server/src/app.js";
import { Apology } from "../../../server/src/entities/apology.entity.js";
import { Case } from "../../../server/src/entities/case.entity.js";
import { testDrivers } from "../../support/databases.js";
import { ADMIN_TOKEN, dataOf, startTestServer, type TestServer } from "../../support/test-server.js";
import { seedBasics } from "../../support/fixtures.js";

/**
 * GET /cong-khai, /cong-khai.json and /cong-khai/feed.atom against the real app on each driver:
 * what is public (published, not in the future), how names are protected, paging, filters,
 * caching headers, the rate limit, and that nothing of the API is reachable from there.
 */
const NOW = Date.now();
const DAY = 86_400_000;

/** Applicants, as the one-stop system may have typed them, with what the public may see. */
const NAMED = [
  { code: "H01", name: "Nguyễn Văn An", shown: "Nguyễn V. A.", unit: "QLĐT" },
  { code: "H02", name: "Ông Park Min-jun", shown: "Ông Park M.", unit: "QLĐT" },
  { code: "H03", name: "  Trương   Thị  Bích Ngọc ", shown: "Trương T. B. N.", unit: "QLLĐ" },
  { code: "H04", name: "Lê Hoàng Yến".normalize("NFD"), shown: "Lê H. Y.", unit: "QLLĐ" },
  { code: "H05", name: "Rahman", shown: "Rahman", unit: "QLLĐ" },
  { code: "H06", name: "Công ty TNHH Cơ khí Đình Vũ", shown: "Công ty TNHH Cơ khí Đình Vũ", unit: "QLĐT" },
  { code: "H07", name: "CHI NHÁNH CÔNG TY CP Logistics Hải Phòng", shown: "CHI NHÁNH CÔNG TY CP Logistics Hải Phòng", unit: "QLĐT" },
  { code: "h08/2023", name: "Hop tac xa Dich vu Dinh Vu", shown: "Hop tac xa Dich vu Dinh Vu", unit: "QLLĐ" },
];
/** Full names of people that must never appear, in any form the page could print them. */
const PRIVATE = ["Nguyễn Văn An", "Park Min-jun", "Thị Bích Ngọc", "Bích Ngọc", "Hoàng Yến", "Văn An", "Min-jun"];

interface JsonPage {
  page: number;
  pageSize: number;
  totalCount: number;
  totalPages: number;
  next: string | null;
  previous: string | null;
  items: { caseCode: string; applicant: string; unit: { code: string; name: string }; apologyNumber: string; issuedAt: string; publishedAt: string; [k: string]: unknown }[];
}

/** Waits until the clock's second turns: HTTP dates are whole seconds. */
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1_000 - (Date.now() % 1_000) + 20));

describe.each(testDrivers())("public apologies on %s", (driver) => {
  let server: TestServer;
  const lastWriteAt = async () => {
    const [row] = await server.database.db.query("SELECT at FROM audit_entries ORDER BY id DESC LIMIT 1");
    return row.at instanceof Date ? row.at.getTime() : Date.parse(`${String(row.at).replace(" ", "T")}Z`);
  };
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });
  const json = async (path: string) => (await (await get(path)).json()) as JsonPage;

  beforeAll(async () => {
    server = await startTestServer(driver);
    await seedBasics(server, [
      ["QLĐT", "Phòng Quản lý Đầu tư", "DEPARTMENT"],
      ["QLLĐ", "Phòng Quản lý Lao động", "DEPARTMENT"],
    ]);
    const db = server.database.db;
    const units = new Map((await db.query("SELECT id, code FROM units")).map((u: { id: number; code: string }) => [u.code, Number(u.id)]));
    const caseRow = (code: string, applicantName: string, unit: string, i: number) => ({
      code, procedureName: "Cấp giấy phép lao động cho người nước ngoài", applicantName, unitId: units.get(unit) as number,
      receivedAt: new Date(NOW - 90 * DAY), dueAt: new Date(NOW - 60 * DAY + i * 1000), resolvedAt: null,
    });
    // Straight into the tables: a name exactly as stored by an older import (NFD, extra spaces included).
    const named = await db.getRepository(Case).save(NAMED.map((n, i) => caseRow(n.code, n.name, n.unit, i)));
    const bulk = await db.getRepository(Case).save(Array.from({ length: 55 }, (_, i) => caseRow(`B${String(i).padStart(3, "0")}`, `Phạm Quốc Bảo${i}`, "QLĐT", i)));
    const hidden = await db.getRepository(Case).save([caseRow("F01", "Đỗ Tương Lai", "QLĐT", 0), caseRow("U01", "Vũ Chưa Công", "QLĐT", 0)]);
    const apology = (c: Case, i: number, publishedAt: Date | null, issuedAt = new Date(NOW - 50 * DAY + i * 60_000)) => ({
      caseId: c.id, number: `${i + 1}/PXL`, issuedAt, reason: "Chờ ý kiến thẩm định <của> Sở & ngành", newDueAt: new Date(NOW - 40 * DAY),
      signer: "Lê Thu Trang", publishedAt, publishedVia: "Cổng TTĐT",
    });
    await db.getRepository(Apology).save([
      // Newest publication first: H01 last published, then the others in order.
      ...named.map((c, i) => apology(c, i, new Date(NOW - (i + 1) * 3_600_000))),
      // The bulk: published earlier, and in 2023 (Vietnam time) for the year filter; B054 on 31/12/2023 23:30 in Hanoi.
      ...bulk.map((c, i) => apology(c, 100 + i, new Date(NOW - 10 * DAY - i * 60_000), i === 54 ? new Date("2023-12-31T16:30:00Z") : new Date("2023-06-01T02:00:00Z"))),
      apology(hidden[0], 500, new Date(NOW + DAY)),
      apology(hidden[1], 501, null),
    ]);
  });
  afterAll(() => server?.close());

  it("shows only apologies published at or before now, newest first, 50 a page, names protected", async () => {
    const first = await json("/cong-khai.json");
    expect(first).toMatchObject({ page: 1, pageSize: 50, totalCount: 63, totalPages: 2, previous: null });
    expect(first.items).toHaveLength(50);
    expect(first.items.slice(0, NAMED.length).map((i) => [i.caseCode, i.applicant])).toEqual(NAMED.map((n) => [n.code, n.shown]));
    const second = await json(new URL(first.next as string).pathname + new URL(first.next as string).search);
    expect(second).toMatchObject({ page: 2, totalCount: 63, next: null });
    expect(second.items).toHaveLength(13);
    const codes = [...first.items, ...second.items].map((i) => i.caseCode);
    expect(new Set(codes).size).toBe(63);
    expect(codes).not.toContain("F01");
    expect(codes).not.toContain("U01");
    const times = [...first.items, ...second.items].map((i) => Date.parse(i.publishedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect((await json("/cong-khai.json?trang=3")).items).toEqual([]);
  });

  it("never shows a person's name in full, nor an internal id, in the HTML, the JSON or the feed", async () => {
    for (const path of ["/cong-khai", "/cong-khai?trang=2", "/cong-khai.json", "/cong-khai/feed.atom", "/cong-khai?ma=H01", "/cong-khai/feed.atom?trang=2"]) {
      const body = (await (await get(path)).text()).normalize("NFC");
      for (const secret of PRIVATE) expect(body, `${path} shows ${secret}`).not.toContain(secret);
      expect(body).not.toContain("Tương Lai");
      expect(body).not.toContain("Lê Thu Trang");
      expect(body).not.toMatch(/"id"\s*:/);
      expect(body).not.toContain("Bảo1");
    }
    const page = await (await get("/cong-khai")).text();
    expect(page).toContain("Nguyễn V. A.");
    expect(page).toContain("Công ty TNHH Cơ khí Đình Vũ");
    expect(page).toContain("Phạm Q. B.");
    // Text is escaped, never markup.
    expect(page).toContain("Chờ ý kiến thẩm định &lt;của&gt; Sở &amp; ngành");
    const item = (await json("/cong-khai.json")).items[0];
    expect(Object.keys(item).sort()).toEqual(["apologyNumber", "applicant", "caseCode", "issuedAt", "newDueAt", "procedureName", "publishedAt", "reason", "unit"]);
  });

  it("finds a case by its code (whole, ignoring case), and filters by unit and year", async () => {
    expect((await json("/cong-khai.json?ma=H08/2023")).items.map((i) => i.caseCode)).toEqual(["h08/2023"]);
    expect((await json("/cong-khai.json?ma=%20h01%20")).items.map((i) => i.caseCode)).toEqual(["H01"]);
    expect((await json("/cong-khai.json?ma=H0")).items).toEqual([]);
    expect((await json("/cong-khai.json?ma=F01")).items).toEqual([]);
    const page = await (await get("/cong-khai?ma=H02")).text();
    expect(page).toContain("Ông Park M.");
    expect(page).not.toContain("Nguyễn V. A.");
    const labour = await json(`/cong-khai.json?don-vi=${encodeURIComponent("QLLĐ")}`);
    expect(labour.items.map((i) => i.caseCode).sort()).toEqual(["H03", "H04", "H05", "h08/2023"]);
    // The apology's year in Vietnam time: 31/12/2023 23:30 there is 2023, the 2023-06 ones too.
    const year2023 = await json("/cong-khai.json?nam=2023");
    expect(year2023.totalCount).toBe(55);
    expect((await json("/cong-khai.json?nam=2023&ma=B054")).items.map((i) => i.caseCode)).toEqual(["B054"]);
    expect((await json("/cong-khai.json?nam=2024&ma=B054")).items).toEqual([]);
    expect((await json(`/cong-khai.json?nam=2023&don-vi=${encodeURIComponent("QLLĐ")}`)).items).toEqual([]);
  });

  it("refuses a bad parameter with a readable sentence, an unknown unit with 404", async () => {
    const badYear = await get("/cong-khai.json?nam=abc");
    expect(badYear.status).toBe(400);
    expect(await badYear.json()).toMatchObject({ error: { code: "BAD_USER_INPUT" } });
    expect((await get("/cong-khai?trang=0")).status).toBe(400);
    expect((await get("/cong-khai?ma=a&ma=b")).status).toBe(400);
    const unknown = await get("/cong-khai?don-vi=NOPE");
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("Không có đơn vị mã &quot;NOPE&quot;");
    expect((await get("/cong-khai.json?don-vi=NOPE")).status).toBe(404);
  });

  it("serves a well-formed Atom feed with stable tag: ids and updated", async () => {
    const response = await get("/cong-khai/feed.atom");
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await response.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    const entries = xml.match(/<entry>[\s\S]*?<\/entry>/g) ?? [];
    expect(entries).toHaveLength(50);
    for (const entry of entries) {
      expect(entry).toMatch(/<id>tag:heza\.gov\.vn,2023:cchc\/xin-loi\/[^<]+<\/id>/);
      expect(entry).toMatch(/<updated>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z<\/updated>/);
      expect(entry).toMatch(/<title>[^<]+<\/title>/);
    }
    expect(entries[0]).toContain("<id>tag:heza.gov.vn,2023:cchc/xin-loi/H01</id>");
    expect(xml).toContain('<link rel="next" href="');
    // The same entry keeps its id through another page, filter or host.
    const filtered = await (await get("/cong-khai/feed.atom?ma=h08%2F2023", { host: "portal.example" })).text();
    expect(filtered).toContain("<id>tag:heza.gov.vn,2023:cchc/xin-loi/h08%2F2023</id>");
    expect(xml).toContain("<id>tag:heza.gov.vn,2023:cchc/xin-loi/h08%2F2023</id>");
    // The feed's updated: the newest publication, or the latest write (the seeding's) when later.
    const newest = Math.max(Date.parse((await json("/cong-khai.json")).items[0].publishedAt), await lastWriteAt());
    expect(xml).toContain(`<updated>${new Date(newest).toISOString()}</updated>\n<author>`);
  });

  it("lets pollers ask cheaply: ETag, Last-Modified, Cache-Control and 304", async () => {
    await nextSecond(); // no Last-Modified is given in the second of the latest change
    const changed = Math.max(NOW - 3_600_000, await lastWriteAt());
    for (const path of ["/cong-khai", "/cong-khai.json", "/cong-khai/feed.atom"]) {
      const first = await get(path);
      const etag = first.headers.get("etag") as string;
      const lastModified = first.headers.get("last-modified") as string;
      expect(etag).toMatch(/^"[\w-]+"$/);
      expect(first.headers.get("cache-control")).toBe("public, max-age=300");
      expect(Date.parse(lastModified)).toBe(Math.floor(changed / 1000) * 1000);
      expect((await get(path, { "if-none-match": etag })).status).toBe(304);
      expect((await get(path, { "if-modified-since": lastModified })).status).toBe(304);
      expect((await get(path, { "if-modified-since": new Date(Date.parse(lastModified) - 1000).toUTCString() })).status).toBe(200);
      expect((await get(path, { "if-none-match": '"other"' })).status).toBe(200);
      // An If-None-Match that does not match wins over an If-Modified-Since that would.
      expect((await get(path, { "if-none-match": '"other"', "if-modified-since": lastModified })).status).toBe(200);
      expect((await get(path, { "if-none-match": `"x", W/${etag}` })).status).toBe(304);
    }
    // Publishing one more changes both validators.
    const before = await get("/cong-khai.json");
    const id = (await server.database.db.query("SELECT a.id FROM apologies a JOIN cases c ON c.id = a.caseId WHERE c.code = 'F01'"))[0].id;
    dataOf(await server.gql(`mutation($id: ID!, $at: DateTime) { publishApology(id: $id, publishedAt: $at) { id } }`, { id: String(id), at: new Date().toISOString() }));
    const after = await get("/cong-khai.json", { "if-none-match": before.headers.get("etag") as string });
    expect(after.status).toBe(200);
    expect(((await after.json()) as JsonPage).items[0].caseCode).toBe("F01");
    await nextSecond();
    const later = await get("/cong-khai.json");
    expect(Date.parse(later.headers.get("last-modified") as string)).toBeGreaterThan(Date.parse(before.headers.get("last-modified") as string));
  });

  it("moves Last-Modified when a published case is corrected, so If-Modified-Since does not answer 304 on the old page", async () => {
    // A review corrected "TRUONG VAN AN" to "Trương Văn An" and the pages kept answering 304 to dates.
    await nextSecond();
    const before = await get("/cong-khai.json?ma=H01");
    const lastModified = before.headers.get("last-modified") as string;
    expect(((await before.json()) as JsonPage).items[0].applicant).toBe("Nguyễn V. A.");
    expect((await get("/cong-khai.json?ma=H01", { "if-modified-since": lastModified })).status).toBe(304);
    const corrected = { code: "H01", procedureName: "Cấp giấy phép lao động cho người nước ngoài", applicantName: "Trần Văn An", unitCode: "QLĐT" };
    const stored = (await server.database.db.query("SELECT receivedAt, dueAt FROM cases WHERE code = 'H01'"))[0];
    const moment = (value: unknown) => (value instanceof Date ? value : new Date(`${String(value).replace(" ", "T")}Z`)).toISOString();
    dataOf(
      await server.gql(`mutation($input: CaseInput!) { upsertCase(input: $input) { code } }`, {
        input: { ...corrected, receivedAt: moment(stored.receivedAt), dueAt: moment(stored.dueAt) },
      }),
    );
    // In the same second as the correction (no Last-Modified yet) and after it, the old date gets the new page.
    for (let i = 0; i < 2; i += 1) {
      const after = await get("/cong-khai.json?ma=H01", { "if-modified-since": lastModified });
      expect(after.status).toBe(200);
      expect(((await after.json()) as JsonPage).items[0].applicant).toBe("Trần V. A.");
      if (i === 0) await nextSecond();
    }
  });

  it("takes the Office's organisation prefixes from the settings", async () => {
    expect((await json("/cong-khai.json?ma=H05")).items[0].applicant).toBe("Rahman");
    const patch = JSON.stringify({ publicApologies: { organisationPrefixes: ["Công ty", "Chi nhánh", "Hợp tác xã", "Phạm Quốc"] } });
    dataOf(await server.gql(`mutation($j: String!) { updateLetterTexts(json: $j) }`, { j: patch }));
    try {
      expect((await json("/cong-khai.json?ma=B000")).items[0].applicant).toBe("Phạm Quốc Bảo0");
      const refused = await server.gql(`mutation($j: String!) { updateLetterTexts(json: $j) }`, { j: JSON.stringify({ publicApologies: { organisationPrefixes: [] } }) });
      expect(refused.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    } finally {
      dataOf(await server.gql(`mutation { resetLetterTexts }`));
    }
    expect((await json("/cong-khai.json?ma=B000")).items[0].applicant).toBe("Phạm Q. B.");
  });

  it("needs no token, takes none, and reaches nothing of the API; strict CSP", async () => {
    const open = await get("/cong-khai.json");
    const withToken = await get("/cong-khai.json", { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(await withToken.text()).toBe(await open.text());
    for (const path of ["/cong-khai/graphql", "/cong-khai/documents/apology-letter?caseCode=H01", "/cong-khai.json/x"]) {
      const response = await get(path);
      expect(response.status === 404 || response.status === 401, `${path}: ${response.status}`).toBe(true);
      expect(await response.text()).not.toContain("Nguyễn Văn An");
    }
    expect((await fetch(`${server.url}/cong-khai`, { method: "POST", body: "{}" })).status).toBe(404);
    const csp = (await get("/cong-khai")).headers.get("content-security-policy") as string;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain("script-src");
    expect((await get("/cong-khai/giao-dien.css")).headers.get("content-type")).toMatch(/^text\/css/);
  });
});

describe("public pages settings", () => {
  it("limits requests per address (429 past the limit, across the public routes) and can be turned off", async () => {
    const app = await createApp({
      database: { type: "sqlite", path: ":memory:" },
      adminToken: ADMIN_TOKEN,
      publicPages: { enabled: true, ratePerMinute: 4, baseUrl: "https://cchc.example.vn" },
    });
    const off = await createApp({
      database: { type: "sqlite", path: ":memory:" },
      adminToken: ADMIN_TOKEN,
      publicPages: { enabled: false, ratePerMinute: 4, baseUrl: null },
    });
    try {
      const base = `http://127.0.0.1:${await app.listen(0, "127.0.0.1")}`;
      const statuses: number[] = [];
      for (const path of ["/cong-khai", "/cong-khai.json", "/cong-khai/feed.atom", "/cong-khai/giao-dien.css", "/cong-khai", "/cong-khai.json"]) {
        statuses.push((await fetch(`${base}${path}`)).status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
      const refused = await fetch(`${base}/cong-khai.json`);
      expect(await refused.text()).toContain("Quá nhiều yêu cầu");
      expect(refused.headers.get("ratelimit-policy") ?? refused.headers.get("ratelimit")).toBeTruthy();
      // The API is not behind the public pages' limit.
      expect((await fetch(`${base}/health`)).status).toBe(200);
      const offBase = `http://127.0.0.1:${await off.listen(0, "127.0.0.1")}`;
      for (const path of ["/cong-khai", "/cong-khai.json", "/cong-khai/feed.atom"]) expect((await fetch(`${offBase}${path}`)).status).toBe(404);
    } finally {
      for (const a of [app, off]) {
        await a.close();
        await new Promise<void>((resolve) => a.httpServer.close(() => resolve()));
      }
    }
  });
});
