/** Bearer-token checks, the OAuth2 token endpoint (JWT-bearer grant) and service-account keys for tests. */
import { generateKeyPairSync, KeyObject, randomBytes, verify } from "node:crypto";
import { ApiError } from "./errors";

export const GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";
export const DEFAULT_PRINCIPAL = "stand-in-user@example.com";

export interface ServiceAccountKey {
  type: "service_account";
  project_id: string;
  private_key_id: string;
  private_key: string;
  client_email: string;
  client_id: string;
  auth_uri: string;
  token_uri: string;
  auth_provider_x509_cert_url: string;
  client_x509_cert_url: string;
  universe_domain: string;
}

interface IssuedToken {
  email: string;
  expiresAt: number;
}

export class TokenError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(`${error}: ${description}`);
  }
}

function base64urlJson(part: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;
}

export class Auth {
  readonly serviceAccounts = new Map<string, KeyObject>();
  readonly issued = new Map<string, IssuedToken>();
  /** When true, only tokens issued by /token (and not expired) are accepted. */
  requireIssuedTokens = false;

  constructor(private readonly tokenUrl: () => string) {}

  createServiceAccountKey(
    email = `samspill-${randomBytes(3).toString("hex")}@stand-in.iam.gserviceaccount.com`,
  ): ServiceAccountKey {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    this.serviceAccounts.set(email, publicKey);
    return {
      type: "service_account",
      project_id: "stand-in-project",
      private_key_id: randomBytes(20).toString("hex"),
      private_key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      client_email: email,
      client_id: String(BigInt("0x" + randomBytes(8).toString("hex"))),
      auth_uri: "https://accounts.google.com/o/oauth2/auth",
      token_uri: this.tokenUrl(),
      auth_provider_x509_cert_url: "https://www.googleapis.com/oauth2/v1/certs",
      client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(email)}`,
      universe_domain: "googleapis.com",
    };
  }

  /** POST /token: verifies the signed JWT against the registered key and issues an access token. */
  token(form: URLSearchParams): Record<string, unknown> {
    const grant = form.get("grant_type");
    if (grant !== "urn:ietf:params:oauth:grant-type:jwt-bearer") {
      throw new TokenError(400, "unsupported_grant_type", `Invalid grant_type: ${grant ?? ""}`);
    }
    const assertion = form.get("assertion") ?? "";
    const parts = assertion.split(".");
    if (parts.length !== 3)
      throw new TokenError(
        400,
        "invalid_grant",
        "Invalid JWT: Token must be a short-lived token and in a reasonable timeframe",
      );
    let header: Record<string, unknown>;
    let claims: Record<string, unknown>;
    try {
      header = base64urlJson(parts[0]);
      claims = base64urlJson(parts[1]);
    } catch {
      throw new TokenError(400, "invalid_grant", "Invalid JWT: could not decode");
    }
    if (header.alg !== "RS256")
      throw new TokenError(400, "invalid_grant", "Invalid JWT: algorithm must be RS256");
    const email = String(claims.iss ?? "");
    const key = this.serviceAccounts.get(email);
    if (!key) throw new TokenError(400, "invalid_grant", "Invalid grant: account not found");
    const ok = verify(
      "RSA-SHA256",
      Buffer.from(`${parts[0]}.${parts[1]}`),
      key,
      Buffer.from(parts[2], "base64url"),
    );
    if (!ok) throw new TokenError(400, "invalid_grant", "Invalid JWT Signature.");
    const aud = String(claims.aud ?? "");
    if (aud !== GOOGLE_TOKEN_URL && aud !== this.tokenUrl())
      throw new TokenError(400, "invalid_grant", `Invalid JWT: audience ${aud}`);
    const now = Math.floor(Date.now() / 1000);
    if (
      typeof claims.exp !== "number" ||
      claims.exp < now ||
      (typeof claims.iat === "number" && claims.iat > now + 300)
    ) {
      throw new TokenError(
        400,
        "invalid_grant",
        "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.",
      );
    }
    if (!claims.scope)
      throw new TokenError(400, "invalid_scope", "Invalid OAuth scope or ID token audience provided.");
    const token = `ya29.stand-in.${randomBytes(24).toString("base64url")}`;
    this.issued.set(token, { email, expiresAt: Date.now() + 3600_000 });
    return { access_token: token, expires_in: 3599, token_type: "Bearer" };
  }

  /** The principal a request acts as; 401 when the bearer header is missing or the token has expired. */
  principal(authorization: string | undefined): string {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
    if (!match) {
      throw new ApiError(
        401,
        "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
      );
    }
    const issued = this.issued.get(match[1]);
    if (issued ? issued.expiresAt < Date.now() : this.requireIssuedTokens) {
      throw new ApiError(
        401,
        "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.",
      );
    }
    return issued?.email ?? DEFAULT_PRINCIPAL;
  }

  reset(): void {
    this.issued.clear();
    this.requireIssuedTokens = false;
  }
}
