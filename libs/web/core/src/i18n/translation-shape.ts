/** The shape another language must fill for a set of Vietnamese strings: the same keys, any text. */
export type TranslationOf<T> = { [K in keyof T]: T[K] extends string ? string : TranslationOf<T[K]> };
