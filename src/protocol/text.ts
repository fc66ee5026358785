// Whether a string has a UTF-8 form, shared by the gateway and the browser-safe client.

/**
 * False when the string holds an unpaired surrogate (JSON can carry one as "\ud800"): such a
 * string has no UTF-8 form, so a store would keep bytes that strict decoders refuse. Runtimes
 * without String.prototype.isWellFormed (browsers before 2023) use the regex: with the u flag,
 * \p{Cs} matches only unpaired surrogates.
 */
export const isWellFormed: (s: string) => boolean =
  typeof String.prototype.isWellFormed === "function" ? (s) => s.isWellFormed() : (s) => !/\p{Cs}/u.test(s);
