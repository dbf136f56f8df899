import { existsSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "../../../extension/src/api/api-error.js";
import { CchcApi } from "../../../extension/src/api/cchc-api.js";
import { GraphQLClient } from "../../../extension/src/api/graphql-client.js";
import { extractZipToFolder } from "../../../extension/src/model/zip-extract.js";
import { ADMIN_TOKEN, startTestServer, type TestServer } from "../../support/test-server.js";
import { FIXTURE_AS_OF, seedReportFixture } from "../../server/documents/report-fixture.js";

/**
 * The extension's documents against the real server: the operations ask only for downloadPath,
 * the client streams it to disk with the token (progress reported, Cancel leaves no file), and
 * the letters' zip is unpacked entry by entry, one .docx per apology of the scope.
 */
describe("document downloads (extension client, real server)", () => {
  let server: TestServer;
  let directiveId: string;
  let dir: string;
  let client: GraphQLClient;

  beforeAll(async () => {
    server = await startTestServer("sqlite");
    directiveId = String((await seedReportFixture(server.database.db)).id);
    dir = await mkdtemp(join(tmpdir(), "cchc-download-"));
    client = new GraphQLClient({ serverUrl: server.url, token: ADMIN_TOKEN });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("saves the XLSX report from its downloadPath, with progress", async () => {
    const doc = await new CchcApi(client).complianceReport(directiveId, "XLSX");
    expect(doc.downloadPath).toMatch(/^\/documents\/compliance-report\?/);
    const seen: number[] = [];
    const target = join(dir, doc.fileName);
    const bytes = await client.download(doc.downloadPath, target, { onProgress: (received) => seen.push(received) });
    expect(seen.at(-1)).toBe(bytes);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(target);
    expect(book.worksheets[0].getCell("B1").value).toMatch(/BÁO CÁO TỔNG HỢP/);
    expect(existsSync(`${target}.part`)).toBe(false);
  }, 60_000);

  it("unpacks the letters' zip into the folder, one .docx per apology", async () => {
    const doc = await new CchcApi(client).apologyLetters(directiveId, undefined);
    const zipPath = join(dir, "letters.zip");
    await client.download(doc.downloadPath, zipPath);
    const folder = join(dir, "letters");
    await import("node:fs/promises").then((fs) => fs.mkdir(folder));
    const names = await extractZipToFolder(zipPath, folder);
    const [{ n }] = await server.database.db.query("SELECT COUNT(*) AS n FROM apologies");
    expect(names.length).toBe(Number(n));
    expect((await readdir(folder)).length).toBe(Number(n));
    expect((await readFile(join(folder, names[0]))).subarray(0, 2).toString()).toBe("PK");
  }, 60_000);

  it("turns the server's JSON errors into ApiErrors and leaves no file", async () => {
    const target = join(dir, "missing.docx");
    const error = await client.download("/documents/apology-letter?caseCode=NOPE", target).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe("NOT_FOUND");
    expect(existsSync(target) || existsSync(`${target}.part`)).toBe(false);
    const denied = await new GraphQLClient({ serverUrl: server.url, token: "wrong-token-0123456789abcdef" })
      .download(`/documents/compliance-report?directiveId=${directiveId}&format=CSV`, target)
      .catch((e) => e);
    expect(denied.code).toBe("UNAUTHENTICATED");
  });

  it("cancels mid-download: CANCELLED, and neither the file nor its part stays", async () => {
    const controller = new AbortController();
    const target = join(dir, "cancelled.md");
    const error = await client
      .download(`/documents/compliance-report?directiveId=${directiveId}&format=MARKDOWN&asOf=${FIXTURE_AS_OF.toISOString()}`, target, {
        signal: controller.signal,
        onProgress: () => controller.abort(),
      })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe("CANCELLED");
    expect(existsSync(target) || existsSync(`${target}.part`)).toBe(false);
  });
});
