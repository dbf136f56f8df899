const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** The placeholders a sentence uses, in order of appearance. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/**
 * Fills {name} placeholders and normalises the result to NFC (Vietnamese letters typed on some
 * keyboards arrive decomposed). A placeholder without a value is a programming error: the texts
 * were validated against the allowed names when the Office saved them.
 */
export function interpolate(template: string, values: Readonly<Record<string, string>>): string {
  const filled = template.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name];
    if (value === undefined) {
      throw new Error(`Letter text uses {${name}}, which this letter does not provide: "${template}"`);
    }
    return value;
  });
  return filled.normalize("NFC");
}
