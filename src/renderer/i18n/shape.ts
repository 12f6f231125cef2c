/** The same keys as the Dutch catalogue, any text: a missing or extra key fails compilation. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
