export type Locales = Record<string, Record<string, string[]>>;
export function readLocales(localesDir: string): Locales;
export function missingKeys(locales: Locales): string[];
