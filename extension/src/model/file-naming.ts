import * as path from "node:path";

// Characters Windows, macOS or Linux refuse in a file name, and control characters.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f]/g;

/**
 * A name the server (or a zip entry) proposes, made safe to join to a folder: no directories, so an
 * entry like "../../x.docx" cannot escape the folder the user picked; no characters a file system refuses.
 */
export function safeFileName(proposed: string, fallback = "document"): string {
  const base = proposed.split(/[/\\]/).pop() ?? "";
  const cleaned = base.normalize("NFC").replace(UNSAFE, "_").replace(/^[\s.]+|[\s.]+$/g, "");
  if (cleaned.length === 0) return fallback;
  const ext = path.extname(cleaned);
  // A short extension is kept; the stem is cut to what file systems take (255 bytes, here 200 of UTF-8).
  const keptExt = ext.length > 1 && ext.length <= 10 ? ext : "";
  let stem = cutToBytes(keptExt ? cleaned.slice(0, -keptExt.length) : cleaned, MAX_NAME_BYTES - Buffer.byteLength(keptExt, "utf8"));
  stem = stem.replace(/[\s.]+$/, "");
  if (stem.length === 0) return fallback;
  // Windows refuses CON, NUL, COM1 … as a name whatever follows the dot.
  if (WINDOWS_DEVICE.test(stem)) stem = `_${stem}`;
  return `${stem}${keptExt}`;
}

/** The longest start of `text` of at most `maxBytes` in UTF-8, never cutting a character. */
function cutToBytes(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const character of text) {
    bytes += Buffer.byteLength(character, "utf8");
    if (bytes > maxBytes) break;
    end += character.length;
  }
  return text.slice(0, end);
}

const MAX_NAME_BYTES = 200;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** "a.docx", then "a (2).docx", "a (3).docx" … for names already taken (compared case-insensitively). */
export function uniqueFileName(name: string, taken: ReadonlySet<string>): string {
  return uniqueAmongLowerCase(name, new Set([...taken].map((n) => n.toLowerCase())));
}

/**
 * uniqueFileName against names kept in lower case, without copying them: unpacking an archive of
 * hundreds of thousands of letters asks once per entry.
 */
export function uniqueAmongLowerCase(name: string, lower: ReadonlySet<string>, next?: Map<string, number>): string {
  if (!lower.has(name.toLowerCase())) return name;
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  // `next` remembers where the count of each name stopped, so 70,000 entries of one name are not
  // each counted up from (2) again (that took minutes).
  const key = name.toLowerCase();
  for (let i = next?.get(key) ?? 2; ; i++) {
    const candidate = `${stem} (${i})${ext}`;
    if (!lower.has(candidate.toLowerCase())) {
      next?.set(key, i + 1);
      return candidate;
    }
  }
}

export const REPORT_EXTENSIONS = { XLSX: "xlsx", CSV: "csv", MARKDOWN: "md" } as const;

/** The server's file name, with the extension the format implies when the name lacks it. */
export function reportFileName(serverName: string, format: keyof typeof REPORT_EXTENSIONS): string {
  const ext = REPORT_EXTENSIONS[format];
  const safe = safeFileName(serverName, `compliance-report.${ext}`);
  return safe.toLowerCase().endsWith(`.${ext}`) ? safe : `${safe}.${ext}`;
}

/** The report format a chosen file name implies (for a save dialog whose type filter the user changed). */
export function formatFromFileName(fileName: string): keyof typeof REPORT_EXTENSIONS | undefined {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  if (ext === "xlsx") return "XLSX";
  if (ext === "csv") return "CSV";
  if (ext === "md" || ext === "markdown") return "MARKDOWN";
  return undefined;
}
