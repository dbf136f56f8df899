import { execFileSync } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZipOutput } from "../../../server/src/documents/zip-output.js";
import { extractZipToFolder } from "../../../extension/src/model/zip-extract.js";

/**
 * The letters of a large year pass 65,535 entries (and 4 GiB): the zip writer then writes ZIP64
 * end records, and independent readers (Info-ZIP's unzip, Python's zipfile) and the extension's
 * unzip read every entry. CCHC_TEST_ZIP64_BIG=1 also writes a 4.1 GiB archive (offsets past 4 GiB,
 * ZIP64 extra fields in the directory): slow and big on disk, so not in every run.
 */
const ENTRIES = 70_000;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "cchc-zip64-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeZip(path: string, fill: (zip: ZipOutput) => Promise<void>): Promise<void> {
  const output = createWriteStream(path);
  const zip = new ZipOutput(output);
  await fill(zip);
  await zip.finish();
}

const content = (i: number) => Buffer.from(`letter ${i}\n`.repeat(1 + (i % 3)));

const python = (path: string, script: string) =>
  execFileSync("python3", ["-c", script, path], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).trim();

describe("ZIP64", () => {
  it(`writes ${ENTRIES} entries that unzip, Python's zipfile and the extension all read`, async () => {
    const path = join(dir, "many.zip");
    const when = new Date(2023, 10, 14, 9, 30, 0);
    await writeZip(path, async (zip) => {
      for (let i = 0; i < ENTRIES; i += 1) {
        // Stored and deflated entries, as the letters and the workbook write them.
        zip.add(`xin-loi-H${String(i).padStart(6, "0")}.docx`, content(i), { mtime: when, level: i % 2 ? 6 : undefined });
        if (i % 1000 === 0) await zip.writable();
      }
      const sheet = zip.stream("streamed.xml", { level: 3, mtime: when });
      for (let i = 0; i < 100; i += 1) await sheet.write(`<row r="${i}"/>`);
      await sheet.end();
    });
    const bytes = await readFile(path);
    // The ZIP64 end record and locator stand before the classic end record, whose count says 0xFFFF.
    expect(bytes.readUInt32LE(bytes.length - 22)).toBe(0x06054b50);
    expect(bytes.readUInt16LE(bytes.length - 22 + 10)).toBe(0xffff);
    expect(bytes.readUInt32LE(bytes.length - 22 - 20)).toBe(0x07064b50);

    const listing = execFileSync("unzip", ["-l", path], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    expect(listing).toMatch(new RegExp(`\\s${ENTRIES + 1} files\\s*$`));
    expect(execFileSync("unzip", ["-tq", path], { encoding: "utf8" })).toMatch(/No errors detected/);
    expect(
      python(path, "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nprint(len(z.infolist()), z.testzip(), z.read('xin-loi-H069999.docx').decode().count('letter'), z.getinfo('xin-loi-H000001.docx').date_time)"),
    ).toBe(`${ENTRIES + 1} None 1 (2023, 11, 14, 9, 30, 0)`);

    const folder = join(dir, "out");
    await mkdir(folder);
    const names = await extractZipToFolder(path, folder);
    expect(names.length).toBe(ENTRIES + 1);
    expect((await readdir(folder)).length).toBe(ENTRIES + 1);
    for (const i of [0, 1, 65_535, 65_536, ENTRIES - 1]) {
      expect(await readFile(join(folder, `xin-loi-H${String(i).padStart(6, "0")}.docx`))).toEqual(content(i));
    }
    expect(await readFile(join(folder, "streamed.xml"), "utf8")).toBe(Array.from({ length: 100 }, (_, i) => `<row r="${i}"/>`).join(""));
  }, 300_000);

  it("writes a classic zip (no ZIP64 records) while it fits", async () => {
    const path = join(dir, "few.zip");
    await writeZip(path, async (zip) => {
      zip.add("a.txt", Buffer.from("a"));
      zip.add("b.txt", Buffer.from("b".repeat(1000)), { level: 6 });
    });
    const bytes = await readFile(path);
    expect(bytes.readUInt16LE(bytes.length - 22 + 10)).toBe(2);
    expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x07]))).toBe(false);
    expect(python(path, "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nprint(z.testzip(), z.read('b.txt').decode() == 'b' * 1000)")).toBe("None True");
  });

  it.runIf(process.env.CCHC_TEST_ZIP64_BIG === "1")("writes entries past 4 GiB that unzip, zipfile and the extension read", async () => {
    const path = join(dir, "big.zip");
    const block = Buffer.alloc(64 * 1024 * 1024, 7);
    await writeZip(path, async (zip) => {
      for (let i = 0; i < 66; i += 1) {
        zip.add(`block-${i}.bin`, block);
        await zip.writable();
      }
      zip.add("last.txt", Buffer.from("after 4 GiB"));
    });
    expect((await stat(path)).size).toBeGreaterThan(2 ** 32);
    expect(execFileSync("unzip", ["-p", path, "last.txt"], { encoding: "utf8" })).toBe("after 4 GiB");
    expect(python(path, "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\ni = z.getinfo('last.txt')\nprint(i.header_offset > 2**32, z.read('last.txt').decode())")).toBe(
      "True after 4 GiB",
    );
    const folder = join(dir, "big-out");
    await mkdir(folder);
    await extractZipToFolder(path, folder);
    expect(await readFile(join(folder, "last.txt"), "utf8")).toBe("after 4 GiB");
    expect((await stat(join(folder, "block-65.bin"))).size).toBe(block.length);
  }, 600_000);
});
