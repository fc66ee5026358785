// The peers identify a connection by its token's `sub` claim, decoded WITHOUT verifying the
// signature: they are baselines for throughput and memory, not secure servers. (Switchboard verifies
// an HS256 signature on every upgrade; that costs it CPU per connect that the peers do not pay.)

/** The `sub` claim of a JWT, or null if the token does not parse. */
export function jwtSubject(token: string): string | null {
  const part = token.split(".")[1];
  if (part === undefined) return null;
  try {
    const claims = JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as { sub?: unknown };
    return typeof claims.sub === "string" && claims.sub.length > 0 && claims.sub.length < 256 ? claims.sub : null;
  } catch {
    return null;
  }
}
