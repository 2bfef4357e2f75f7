// Expected outcomes of parsing are values: either the parsed thing or a problem in plain words.

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: string };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const bad = <T = never>(problem: string): Parsed<T> => ({ ok: false, problem });
