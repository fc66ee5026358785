// JWT verification at the upgrade (jose). Algorithms are pinned from the configured key, `exp` is
// required, `iss`/`aud` are checked when configured; `alg: none` never verifies.
import { createPublicKey, createSecretKey, type KeyObject } from "node:crypto";
import { errors as joseErrors, jwtVerify } from "jose";
import { isValidUserId } from "../core/ids.js";

export interface AuthConfig {
  JWT_SECRET?: string | undefined;
  JWT_PUBLIC_KEY?: string | undefined;
  JWT_ALGORITHMS?: string[] | undefined;
  JWT_ISSUER?: string | undefined;
  JWT_AUDIENCE?: string | undefined;
}

export type AuthFailure = "missing" | "malformed" | "bad_signature" | "bad_algorithm" | "expired" | "claims" | "bad_subject";

export class AuthError extends Error {
  override name = "AuthError";
  constructor(
    readonly reason: AuthFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface Identity {
  userId: string;
  /** Device id from the token's `device` claim, if any. */
  deviceId: string | null;
  /** Expiry in epoch seconds. */
  expSec: number;
}

export class TokenVerifier {
  private readonly key: KeyObject;
  private readonly algorithms: string[];

  constructor(private readonly cfg: AuthConfig) {
    if (cfg.JWT_PUBLIC_KEY !== undefined) {
      this.key = createPublicKey(cfg.JWT_PUBLIC_KEY.replace(/\\n/g, "\n"));
      this.algorithms = cfg.JWT_ALGORITHMS ?? [defaultAlgorithm(this.key)];
    } else if (cfg.JWT_SECRET !== undefined) {
      this.key = createSecretKey(Buffer.from(cfg.JWT_SECRET, "utf8"));
      this.algorithms = cfg.JWT_ALGORITHMS ?? ["HS256"];
    } else {
      throw new Error("TokenVerifier needs JWT_SECRET or JWT_PUBLIC_KEY");
    }
  }

  async verify(token: string): Promise<Identity> {
    if (token.length === 0)
      throw new AuthError("missing", "no token: send Authorization: Bearer <jwt>, Sec-WebSocket-Protocol: bearer, <jwt>, or ?token=");
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        algorithms: this.algorithms,
        requiredClaims: ["exp", "sub"],
        ...(this.cfg.JWT_ISSUER !== undefined ? { issuer: this.cfg.JWT_ISSUER } : {}),
        ...(this.cfg.JWT_AUDIENCE !== undefined ? { audience: this.cfg.JWT_AUDIENCE } : {}),
      }));
    } catch (err) {
      throw classify(err);
    }
    // jose does not check sub's type: a number would pass the id pattern as text but stay a number.
    const userId: unknown = payload.sub;
    if (typeof userId !== "string" || !isValidUserId(userId))
      throw new AuthError("bad_subject", "token sub must be a string matching [A-Za-z0-9_.@-]{1,64}");
    const device = typeof payload["device"] === "string" ? payload["device"] : null;
    // A NumericDate may be fractional; the keepalive files expiries by whole second.
    return { userId, deviceId: device, expSec: Math.floor(payload.exp ?? 0) };
  }
}

function defaultAlgorithm(key: KeyObject): string {
  switch (key.asymmetricKeyType) {
    case "rsa":
      return "RS256";
    case "ec":
      return "ES256";
    case "ed25519":
      return "EdDSA";
    default:
      throw new Error(`unsupported JWT_PUBLIC_KEY type ${key.asymmetricKeyType ?? "unknown"}: set JWT_ALGORITHMS`);
  }
}

function classify(err: unknown): AuthError {
  if (err instanceof joseErrors.JWTExpired) return new AuthError("expired", "token expired: get a fresh one", { cause: err });
  if (err instanceof joseErrors.JOSEAlgNotAllowed) return new AuthError("bad_algorithm", "token algorithm not allowed", { cause: err });
  if (err instanceof joseErrors.JWSSignatureVerificationFailed)
    return new AuthError("bad_signature", "token signature invalid", { cause: err });
  if (err instanceof joseErrors.JWTClaimValidationFailed)
    return new AuthError("claims", `token claim invalid: ${err.message}`, { cause: err });
  return new AuthError("malformed", "token malformed", { cause: err });
}
