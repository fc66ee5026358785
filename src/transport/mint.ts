// Mints HS256 tokens the gateway accepts: for `npm run token`, tests and the load tool.
import { SignJWT } from "jose";

export async function mintToken(
  secret: string,
  user: string,
  opts: { device?: string | undefined; ttlSec?: number; issuer?: string | undefined; audience?: string | undefined } = {},
): Promise<string> {
  let jwt = new SignJWT(opts.device !== undefined ? { device: opts.device } : {})
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(user)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + (opts.ttlSec ?? 3600));
  if (opts.issuer !== undefined) jwt = jwt.setIssuer(opts.issuer);
  if (opts.audience !== undefined) jwt = jwt.setAudience(opts.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
