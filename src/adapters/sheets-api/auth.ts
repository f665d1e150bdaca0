import { createPrivateKey } from "node:crypto";
import { readFile } from "node:fs/promises";
import { AuthClient, GoogleAuth, JWT } from "google-auth-library";
import { z } from "zod";

/** What the Sheets and Drive clients are given: a service account, or Application Default Credentials. */
export type GoogleCredentials = JWT | GoogleAuth;
import { GoogleModeError, googleReason } from "./errors";

/**
 * Least privilege: `spreadsheets` to read associations and write the central spreadsheet, and
 * `drive.file` (only files the tool created or was given) to create and share partner views.
 */
export const GOOGLE_SCOPES = ["https://www.googleapis.com/auth/spreadsheets", "https://www.googleapis.com/auth/drive.file"];

/** Node's own fetch: gaxios would otherwise load node-fetch with a dynamic import. */
const NATIVE_FETCH = { fetchImplementation: fetch };

/** Google's token endpoint; a key file's own `token_uri` may name another (a proxy, a private endpoint). */
const GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";

export interface AuthOptions {
  /** A service-account key (JSON). Without it, Application Default Credentials are used. */
  credentialsFile?: string;
  scopes?: string[];
}

/** The fields of a service-account key file Samspill uses (the file Google Cloud Console downloads). */
const ServiceAccountKeySchema = z.object({
  type: z.literal("service_account"),
  client_email: z.string().min(1),
  private_key: z.string().min(1),
  private_key_id: z.string().optional(),
  token_uri: z.url({ protocol: /^https?$/ }).optional(),
});
type ServiceAccountKey = z.infer<typeof ServiceAccountKeySchema>;

/** What a file that is not a service-account key is, in Norwegian, from its shape. */
function keyFileKind(json: unknown): string {
  const key = (json ?? {}) as Record<string, unknown>;
  if (typeof json !== "object" || Array.isArray(json)) return "ikke et JSON-objekt";
  if (key.installed || key.web) return "en OAuth-klientfil (for innlogging som bruker)";
  if (key.type === "authorized_user") return "en brukerpålogging (fra gcloud)";
  if (key.type === "external_account") return "en pålogging for arbeidsbelastningsidentitet (workload identity)";
  if (typeof key.type === "string" && key.type !== "service_account") return `en fil av typen «${key.type}»`;
  return "";
}

const NOT_A_KEY_HELP = "Last ned en JSON-nøkkel under «Tjenestekontoer → Nøkler» i Google Cloud Console, eller bruk standardpålogging (ADC) uten --credentials.";

/**
 * Why Google refused a sign-in, in Norwegian: the known reasons of google-auth-library and the
 * OAuth token endpoint (RFC 6749 §5.2 error codes) are translated, never appended in English.
 * Empty when the reason adds nothing to the message it ends (no default credentials found).
 */
export function authReason(error: unknown, optional: boolean): string {
  const reason = googleReason(error);
  const known: Array<[RegExp, string]> = [
    [/could not load the default credentials/i, ""],
    [/invalid_grant|invalid jwt|signature/i, "nøkkelen er ugyldig, slettet eller trukket tilbake"],
    [/account not found|no such account|invalid_client/i, "tjenestekontoen finnes ikke (lenger)"],
    [/unauthorized_client|access_denied|insufficient/i, "kontoen har ikke lov til å bruke disse tilgangene"],
    [/expired/i, "påloggingen er utløpt; logg inn på nytt"],
    [/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|fetch failed|network/i, "fikk ikke kontakt med Google; sjekk nettforbindelsen"],
    [/ENOENT|no such file/i, "filen som GOOGLE_APPLICATION_CREDENTIALS peker på, finnes ikke"],
    [/JSON|Unexpected token/i, "påloggingsfilen er ikke gyldig JSON"],
  ];
  const found = known.find(([pattern]) => pattern.test(reason));
  const text = found ? found[1] : optional ? "" : "Google oppga en grunn Samspill ikke kjenner (kjør med SAMSPILL_DEBUG=1 for detaljer)";
  return text;
}

/** Reads and checks a service-account key file; every failure is a Norwegian message. */
export async function readServiceAccountKey(file: string): Promise<ServiceAccountKey> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new GoogleModeError(`Fant ikke nøkkelfilen «${file}».`, "auth");
    if (code === "EISDIR") throw new GoogleModeError(`«${file}» er en mappe, ikke en nøkkelfil.`, "auth");
    throw new GoogleModeError(`Kunne ikke lese nøkkelfilen «${file}» (${code ?? "ukjent feil"}).`, "auth");
  }
  if (/^\s*"?AIza[0-9A-Za-z_-]{30,}/.test(text)) throw new GoogleModeError(`«${file}» inneholder en API-nøkkel, ikke en tjenestekonto-nøkkel. ${NOT_A_KEY_HELP}`, "auth");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new GoogleModeError(`Nøkkelfilen «${file}» er ikke gyldig JSON. Last ned en ny JSON-nøkkel for tjenestekontoen.`, "auth");
  }
  const kind = keyFileKind(json);
  if (kind) throw new GoogleModeError(`«${file}» er ${kind}, ikke en tjenestekonto-nøkkel. ${NOT_A_KEY_HELP}`, "auth");
  const parsed = ServiceAccountKeySchema.safeParse(json);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0].path[0] ?? "type");
    const problem = field === "token_uri" ? "har et ugyldig «token_uri» (ikke en nettadresse)" : `mangler feltet «${field}»`;
    throw new GoogleModeError(`Nøkkelfilen «${file}» ${problem}. Last ned en ny JSON-nøkkel for tjenestekontoen.`, "auth");
  }
  const key = parsed.data;
  try {
    createPrivateKey(key.private_key);
  } catch {
    throw new GoogleModeError(`Nøkkelfilen «${file}» har en ødelagt privat nøkkel. Last ned en ny JSON-nøkkel for tjenestekontoen.`, "auth");
  }
  return key;
}

/**
 * A key file's `token_uri` (part of the key format Google documents) is where its tokens come from.
 * google-auth-library 10 (gtoken 8) posts every service-account token request to Google's own endpoint
 * whatever the key says, so a key naming another endpoint (a proxy, a private endpoint) is honoured here,
 * on the client's own transporter (gaxios interceptors, documented by gaxios).
 */
function honourTokenUri(client: AuthClient, tokenUri: unknown): void {
  if (typeof tokenUri !== "string" || tokenUri === GOOGLE_TOKEN_URL) return;
  client.transporter.interceptors.request.add({
    resolved: async (options) => {
      if (String(options.url).startsWith(GOOGLE_TOKEN_URL)) options.url = new URL(tokenUri);
      return options;
    },
  });
}

/**
 * The signed-in client: a service account from `--credentials`, else Application Default
 * Credentials. A token is fetched at once, so a refused or broken credential is reported before any
 * spreadsheet is touched.
 */
export async function googleAuth(options: AuthOptions = {}): Promise<GoogleCredentials> {
  const scopes = options.scopes ?? GOOGLE_SCOPES;
  let credentials: GoogleCredentials;
  let client: AuthClient;
  if (options.credentialsFile) {
    const key = await readServiceAccountKey(options.credentialsFile);
    credentials = client = new JWT({ email: key.client_email, key: key.private_key, keyId: key.private_key_id, scopes, transporterOptions: NATIVE_FETCH });
    honourTokenUri(client, key.token_uri);
  } else {
    credentials = new GoogleAuth({ scopes, clientOptions: { transporterOptions: NATIVE_FETCH } });
    try {
      client = (await credentials.getClient()) as AuthClient;
    } catch (error) {
      throw new GoogleModeError(
        `Fant ingen Google-pålogging. Bruk --credentials FIL med en tjenestekonto-nøkkel, sett GOOGLE_APPLICATION_CREDENTIALS, eller kjør «gcloud auth application-default login --scopes=${scopes.join(",")},https://www.googleapis.com/auth/cloud-platform».${authReason(error, true) ? ` Grunn: ${authReason(error, true)}.` : ""}`,
        "auth",
      );
    }
    honourTokenUri(client, (credentials.jsonContent as { token_uri?: unknown } | null)?.token_uri);
  }
  try {
    await client.getAccessToken();
  } catch (error) {
    throw new GoogleModeError(`Google avviste innloggingen: ${authReason(error, false)}. Sjekk at nøkkelen ikke er slettet eller utløpt, og at klokken på maskinen går riktig.`, "auth");
  }
  return credentials;
}
