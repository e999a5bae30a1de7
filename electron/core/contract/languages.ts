export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'zh-CN';

/** Text given in every language the product speaks. */
export type LocalizedText = Record<Language, string>;
