/**
 * The applicant's name as a public apology may show it (docs/domain.md, "Personal data and public
 * apologies"; Decree 13/2023/NĐ-CP): an organisation's name in full, a person's name masked to the
 * family name and initials ("Nguyễn Văn An" → "Nguyễn V. A."). A leading title Ông or Bà stays and
 * is not the family name ("Ông Park Min-jun" → "Ông Park M."); a one-word name stays as it is.
 */

/** The prefixes seen on dossiers; the Office extends the list (see the public page's settings). */
export const DEFAULT_ORGANISATION_PREFIXES: readonly string[] = [
  "Công ty",
  "Tổng công ty",
  "Chi nhánh",
  "Văn phòng đại diện",
  "Hợp tác xã",
  "Liên hiệp hợp tác xã",
  "Doanh nghiệp",
  "Doanh nghiệp tư nhân",
  "Ngân hàng",
  "Quỹ",
  "Trường",
  "Bệnh viện",
  "Ban quản lý",
];

const TITLES = ["Ông", "Bà"];

/** For comparing words: NFC, trimmed, spaces collapsed, lower case, without diacritics (đ → d). */
export function foldForComparison(text: string): string {
  return text
    .normalize("NFC")
    .trim()
    .replace(/\s+/gu, " ")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/gu, "d")
    .toLowerCase();
}

function words(name: string): string[] {
  const text = name.normalize("NFC").trim();
  return text === "" ? [] : text.split(/\s+/u);
}

const lower = (word: string): string => word.normalize("NFC").toLocaleLowerCase("vi");
const isPlain = (word: string): boolean => foldForComparison(word) === lower(word);

/**
 * Two words are the same ignoring case and diacritics, as docs/domain.md asks, except that two
 * words that both carry diacritics must carry the same ones: "Trương" (a family name) is not
 * "Trường" (a school), and reading it as one would publish a person's name in full. A word typed
 * without diacritics ("Cong ty", "TRUONG") still matches by its letters.
 */
export function sameWord(a: string, b: string): boolean {
  if (foldForComparison(a) !== foldForComparison(b)) return false;
  return isPlain(a) || isPlain(b) || lower(a) === lower(b);
}

/**
 * Family names that, written without diacritics, are a one-word prefix: "TRUONG VAN AN" is far more
 * often Trương Văn An than a school (Trường), "QUY THI LAN" Quý Thị Lan than a fund (Quỹ). A name
 * that begins so without its diacritics is masked: an organisation shown masked loses nothing a
 * person's name shown in full would (Decree 13/2023/NĐ-CP).
 */
const FAMILY_NAMES_LIKE_A_PREFIX = new Set(["Trương", "Quý"].map(foldForComparison));

/** A name that starts with one of the prefixes as whole words ("Công ty …", not "Côngty …"). */
export function isOrganisationName(name: string, prefixes: readonly string[]): boolean {
  const nameWords = words(name);
  const plainFamilyName = nameWords.length > 0 && isPlain(nameWords[0]) && FAMILY_NAMES_LIKE_A_PREFIX.has(foldForComparison(nameWords[0]));
  return prefixes.some((prefix) => {
    const prefixWords = words(prefix);
    if (prefixWords.length === 1 && plainFamilyName) return false;
    return (
      prefixWords.length > 0 &&
      prefixWords.length <= nameWords.length &&
      prefixWords.every((word, i) => sameWord(word, nameWords[i]))
    );
  });
}

function initial(word: string): string {
  const first = [...word][0] ?? "";
  return `${first.toLocaleUpperCase("vi")}.`;
}

/** A person's name masked: an optional title, the family name in full, every other word as an initial. */
export function maskPersonName(name: string): string {
  const parts = words(name);
  const title = parts.length > 1 && TITLES.some((t) => sameWord(t, parts[0])) ? [parts[0]] : [];
  const rest = parts.slice(title.length);
  if (rest.length <= 1) return parts.join(" ");
  return [...title, rest[0], ...rest.slice(1).map(initial)].join(" ");
}

/** What the public page shows for an applicant: organisations in full (spaces tidied), people masked. */
export function publicApplicantName(name: string, prefixes: readonly string[]): string {
  return isOrganisationName(name, prefixes) ? words(name).join(" ") : maskPersonName(name);
}
