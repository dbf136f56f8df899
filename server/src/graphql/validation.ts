import { MaxLength, validate, type ValidationError } from "class-validator";
import { holdsReplacementCharacter, storedText } from "../domain/stored-text.js";
import { BadUserInputError } from "../core/errors.js";

/**
 * An input's length check, from the one table of text limits (domain/text-limits.ts) the columns
 * and the import formats read too: "<field> must be at most <n> characters", BAD_USER_INPUT.
 */
export const MaxText = (limit: number): PropertyDecorator =>
  MaxLength(limit, { message: ({ property }) => `${property} must be at most ${limit} characters` });

/** The contract's text rule: every String input is stored trimmed and in Unicode NFC. */
export function normalizeText(value: string): string {
  return storedText(value);
}

/**
 * A required String argument that is not inside an input object (a lookup key such as
 * unit(code:)): validateArgument never sees it, yet the contract's rule holds for it too, so an
 * empty key after trimming is BAD_USER_INPUT rather than a lookup that matches nothing.
 */
export function requiredText(name: string, value: string): string {
  const text = normalizeText(value);
  if (text === "") throw new BadUserInputError(`${name} must not be empty.`);
  return text;
}

export function normalizeOptionalText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = normalizeText(value);
  return text === "" ? null : text;
}

/**
 * type-graphql's validateFn: normalise every string of an input object in place, then run its
 * class-validator rules. Because normalisation comes first, "   " fails @IsNotEmpty like "".
 */
export async function validateArgument(argValue: unknown): Promise<void> {
  if (argValue === null || typeof argValue !== "object" || argValue instanceof Date) return;
  if (Array.isArray(argValue)) {
    for (const item of argValue) await validateArgument(item);
    return;
  }
  const garbled: string[] = [];
  normalizeStrings(argValue as Record<string, unknown>, "", garbled);
  const errors = await validate(argValue, { forbidUnknownValues: false });
  const problems = [...flatten(errors), ...garbled.map((field) => ({ field, message: garbledMessage(field) }))];
  if (problems.length > 0) throw new BadUserInputError(problems.map((p) => p.message).join(" "), { fields: problems });
}

function normalizeStrings(target: Record<string, unknown>, prefix: string, garbled: string[]): void {
  for (const [key, value] of Object.entries(target)) {
    if (typeof value === "string") {
      target[key] = normalizeText(value);
      if (holdsReplacementCharacter(value)) garbled.push(prefix + key);
    } else if (value !== null && typeof value === "object" && !(value instanceof Date)) {
      normalizeStrings(value as Record<string, unknown>, `${prefix}${key}.`, garbled);
    }
  }
}

/** U+FFFD: a text read in the wrong encoding on its way here (domain/stored-text.ts). */
function garbledMessage(field: string): string {
  return `${field} holds \uFFFD, the character a program leaves where it could not read a letter: the text was read in the wrong encoding and its letters are lost; send it as it was written.`;
}

function flatten(errors: ValidationError[], prefix = ""): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = prefix + error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message: `${message}.` }));
    return [...own, ...flatten(error.children ?? [], `${field}.`)];
  });
}
