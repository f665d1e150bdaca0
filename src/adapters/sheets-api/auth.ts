import { createPrivateKey } from "node:crypto";
import { readFile } from "node:fs/promises";
import { AuthClient, GoogleAuth, JWT } from "google-auth-library";

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

const GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";

export interface AuthOptions {
  /** A service-account key (JSON). Without it, Application Default Credentials are used. */
  credentialsFile?: string;
  /** Tests: a local stand-in that also answers the token endpoint at `/token`. */
  apiRoot?: string;
  scopes?: string[];
}

interface ServiceAccountKey {
  type?: string;
  client_email?: string;
  private_key?: string;
  private_key_id?: string;
}

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
export async function readServiceAccountKey(file: string): Promise<Required<Pick<ServiceAccountKey, "client_email" | "private_key">> & ServiceAccountKey> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new GoogleModeError(`Fant ikke nøkkelfilen «${file}».`, "auth");
    if (code === "EISDIR") throw new GoogleModeError(`«${file}» er en mappe, ikke en nøkkelfil.`, "auth");
    throw new GoogleModeError(`Kunne ikke lese nøkkelfilen «${file}» (${code ?? "ukjent feil"}).`, "auth");
  }
  let key: ServiceAccountKey;
  try {
    key = JSON.parse(text) as ServiceAccountKey;
  } catch {
    throw new GoogleModeError(`Nøkkelfilen «${file}» er ikke gyldig JSON. Last ned en ny JSON-nøkkel for tjenestekontoen.`, "auth");
  }
  if (!key || typeof key !== "object" || key.type !== "service_account" || typeof key.client_email !== "string" || typeof key.private_key !== "string") {
    const kind = key && typeof key === "object" && typeof key.type === "string" ? ` (type «${key.type}»)` : "";
    throw new GoogleModeError(`Nøkkelfilen er ikke en tjenestekonto-nøkkel${kind}. Last ned en JSON-nøkkel under «Tjenestekontoer → Nøkler» i Google Cloud Console, eller bruk standardpålogging (ADC) uten --credentials.`, "auth");
  }
  try {
    createPrivateKey(key.private_key);
  } catch {
    throw new GoogleModeError(`Nøkkelfilen «${file}» har en ødelagt privat nøkkel. Last ned en ny JSON-nøkkel for tjenestekontoen.`, "auth");
  }
  return key as Required<Pick<ServiceAccountKey, "client_email" | "private_key">> & ServiceAccountKey;
}

/** Points a client's token requests at the stand-in's /token (tests only). */
function redirectTokenRequests(client: AuthClient, apiRoot: string): void {
  const tokenUrl = new URL("/token", apiRoot);
  client.transporter.interceptors.request.add({
    resolved: async (options) => {
      if (String(options.url).startsWith(GOOGLE_TOKEN_URL)) options.url = new URL(tokenUrl.href);
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
  }
  if (options.apiRoot) redirectTokenRequests(client, options.apiRoot);
  try {
    await client.getAccessToken();
  } catch (error) {
    throw new GoogleModeError(`Google avviste innloggingen: ${authReason(error, false)}. Sjekk at nøkkelen ikke er slettet eller utløpt, og at klokken på maskinen går riktig.`, "auth");
  }
  return credentials;
}
