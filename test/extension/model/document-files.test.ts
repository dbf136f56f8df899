import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync, crc32 } from "node:zlib";
import { strToU8, zipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { isArchive } from "../../../extension/src/model/document-files.js";
import { DownloadProgress, megabytes } from "../../../extension/src/model/download-progress.js";
import { extractZipToFolder } from "../../../extension/src/model/zip-extract.js";

const dirs: string[] = [];
async function scratch(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "cchc-ext-test-"));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe("documents", () => {
  it("unpacks a zip of letters entry by entry into flat, safe, unique names", async () => {
    const dir = await scratch();
    const big = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 7) % 251);
    const zipPath = join(dir, "letters.zip");
    await writeFile(
      zipPath,
      zipSync({
        "VP/HS-001.docx": [strToU8("one"), { level: 0 }],
        "QLDT/HS-001.docx": [strToU8("two".repeat(1000)), { level: 6 }],
        "../../escape.docx": strToU8("three"),
        "big.docx": [big, { level: 0 }],
        "empty/": new Uint8Array(0),
      }),
    );
    const folder = join(dir, "out");
    await import("node:fs/promises").then((fs) => fs.mkdir(folder));
    const names = await extractZipToFolder(zipPath, folder, new Set(["escape.docx"]));
    expect(names.sort()).toEqual(["HS-001 (2).docx", "HS-001.docx", "big.docx", "escape (2).docx"]);
    expect((await readdir(folder)).sort()).toEqual(names.sort());
    expect(await readFile(join(folder, "escape (2).docx"), "utf8")).toBe("three");
    expect(await readFile(join(folder, "HS-001 (2).docx"), "utf8")).toBe("two".repeat(1000));
    expect(Buffer.compare(await readFile(join(folder, "big.docx")), Buffer.from(big))).toBe(0);
  });

  it("refuses entries that share their bytes (a zip bomb of honest sizes) before writing anything", async () => {
    // A review's 9 KB archive of 100 entries all pointing at one 4 MiB letter wrote 400 MiB.
    const dir = await scratch();
    const letter = Buffer.alloc(4 * 1024 * 1024, 0x41);
    const packed = deflateRawSync(letter);
    const crc = crc32(letter);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(letter.length, 22);
    local.writeUInt16LE(1, 26);
    const central = Array.from({ length: 100 }, (_, i) => {
      const name = Buffer.from(`${i}.docx`);
      const entry = Buffer.alloc(46);
      entry.writeUInt32LE(0x02014b50, 0);
      entry.writeUInt16LE(20, 4);
      entry.writeUInt16LE(20, 6);
      entry.writeUInt16LE(8, 10);
      entry.writeUInt32LE(crc, 16);
      entry.writeUInt32LE(packed.length, 20);
      entry.writeUInt32LE(letter.length, 24);
      entry.writeUInt16LE(name.length, 28);
      entry.writeUInt32LE(0, 42); // every entry at the same local header
      return Buffer.concat([entry, name]);
    });
    const directory = Buffer.concat(central);
    const body = Buffer.concat([local, Buffer.from("a"), packed]);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(100, 8);
    end.writeUInt16LE(100, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(body.length, 16);
    await writeFile(join(dir, "bomb.zip"), Buffer.concat([body, directory, end]));
    const folder = join(dir, "out");
    await import("node:fs/promises").then((fs) => fs.mkdir(folder));
    await expect(extractZipToFolder(join(dir, "bomb.zip"), folder)).rejects.toThrow(/overlaps the entry before it/);
    expect(await readdir(folder)).toEqual([]);
  });

  it("refuses a file that is not a zip rather than writing half of it", async () => {
    const dir = await scratch();
    await writeFile(join(dir, "bad.zip"), "PK\u0003\u0004 not really a zip at all, cut short");
    await expect(extractZipToFolder(join(dir, "bad.zip"), dir)).rejects.toThrow();
  });

  it("refuses an entry that unpacks to another size than its directory declares, leaving no half-written file", async () => {
    /** The zip with the named entry's uncompressed size in the central directory set to `size`. */
    const withDeclaredSize = (zip: Uint8Array, name: string, size: number): Buffer => {
      const bytes = Buffer.from(zip);
      for (let p = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); p >= 0; p = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p - 1)) {
        const nameLength = bytes.readUInt16LE(p + 28);
        if (bytes.toString("utf8", p + 46, p + 46 + nameLength) === name) {
          bytes.writeUInt32LE(size, p + 24);
          return bytes;
        }
      }
      throw new Error(`${name} not in the directory`);
    };
    const dir = await scratch();
    const large = new Uint8Array(6 * 1024 * 1024).map((_, i) => (i * 7) % 251);
    const cases: [string, Buffer][] = [
      // A flipped or cut letter: it unpacks to fewer bytes than declared.
      ["short.zip", withDeclaredSize(zipSync({ "a.docx": [strToU8("letter".repeat(100)), { level: 6 }] }), "a.docx", 601)],
      // A bomb: a large entry declared small, streamed; it is stopped at the declared size.
      ["bomb.zip", withDeclaredSize(zipSync({ "ok.docx": strToU8("fine"), "b.docx": [large, { level: 9 }] }), "b.docx", 5 * 1024 * 1024)],
      ["stored.zip", withDeclaredSize(zipSync({ "c.docx": [large, { level: 0 }] }), "c.docx", 7 * 1024 * 1024)],
    ];
    for (const [file, bytes] of cases) {
      const folder = join(dir, file.replace(".zip", ""));
      await import("node:fs/promises").then((fs) => fs.mkdir(folder));
      await writeFile(join(dir, file), bytes);
      await expect(extractZipToFolder(join(dir, file), folder), file).rejects.toThrow(/^The zip archive is damaged \(entry \w\.docx/);
      // Only whole letters stay: the bomb's first letter, never a partial one.
      expect(await readdir(folder), file).toEqual(file === "bomb.zip" ? ["ok.docx"] : []);
    }
  });

  it("shows a download's progress in megabytes, and whole percents when the size is known", () => {
    const steps: { message: string; increment?: number }[] = [];
    const known = new DownloadProgress((s) => steps.push(s));
    known.update(1_000, 10_000_000);
    known.update(500_000, 10_000_000);
    known.update(10_000_000, 10_000_000);
    expect(steps).toEqual([
      { message: "0.5 MB of 10.0 MB", increment: 5 },
      { message: "10.0 MB of 10.0 MB", increment: 95 },
    ]);
    const streamed: { message: string }[] = [];
    new DownloadProgress((s) => streamed.push(s)).update(2_500_000, null);
    expect(streamed).toEqual([{ message: "2.5 MB received…" }]);
    expect(megabytes(189_000_000)).toBe("189.0 MB");
  });

  it("tells an archive from a single file", () => {
    expect(isArchive({ fileName: "letters.zip", mimeType: "application/zip" })).toBe(true);
    expect(isArchive({ fileName: "a.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" })).toBe(false);
  });
});
