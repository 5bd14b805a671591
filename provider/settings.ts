// Where the provider finds Kore.ai connection settings, resolved when a method runs (never captured
// in the serialized provider). Highest first: the resource's `connection` input, stack config read
// in `configure` (`kore:*`), then environment variables (`KORE_*`).
import { ConnectionInput } from "./types";
import { KoreSettingsError } from "./errors";

export const SETTING_KEYS = ["host", "iid", "accountId", "clientId", "clientSecret", "jwt"] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];
export type SettingValues = Partial<Record<SettingKey, string>>;

const CONFIG_KEY: Record<SettingKey, string> = {
    host: "kore:host",
    iid: "kore:iid",
    accountId: "kore:accountId",
    clientId: "kore:clientId",
    clientSecret: "kore:clientSecret",
    jwt: "kore:jwt",
};
const ENV_KEY: Record<SettingKey, string> = {
    host: "KORE_HOST",
    iid: "KORE_IID",
    accountId: "KORE_ACCOUNT_ID",
    clientId: "KORE_CLIENT_ID",
    clientSecret: "KORE_CLIENT_SECRET",
    jwt: "KORE_JWT",
};
const EXAMPLE: Record<SettingKey, string> = {
    host: "https://platform.kore.ai",
    iid: "st-...",
    accountId: "<account id>",
    clientId: "cs-...",
    clientSecret: "<client secret> --secret",
    jwt: "<token> --secret",
};

/** Tuning knobs (config `kore:<name>`, env `KORE_<NAME>`); safe to log. */
export const TUNING_KEYS = ["requestTimeoutSeconds", "maxRetries"] as const satisfies readonly (keyof HttpTuning)[];

export interface HttpTuning {
    requestTimeoutSeconds: number;
    maxRetries: number;
}

export type Credentials = { kind: "jwt"; jwt: string } | { kind: "client"; clientId: string; clientSecret: string };

export interface KoreSettings {
    /** Origin only, e.g. `https://platform.kore.ai`. */
    baseUrl: string;
    iid: string;
    accountId: string;
    credentials: Credentials;
    tuning: HttpTuning;
}

export interface SettingsSource {
    label: string;
    values: SettingValues;
}

export function settingsFromConfig(get: (key: string) => string | undefined): SettingValues {
    const values: SettingValues = {};
    for (const key of SETTING_KEYS) {
        const v = get(CONFIG_KEY[key]);
        if (v) values[key] = v;
    }
    return values;
}

export function settingsFromEnv(env: NodeJS.ProcessEnv): SettingValues {
    const values: SettingValues = {};
    for (const key of SETTING_KEYS) {
        const v = env[ENV_KEY[key]];
        if (v) values[key] = v;
    }
    return values;
}

export function tuningFrom(config: (key: string) => string | undefined, env: NodeJS.ProcessEnv): HttpTuning {
    const pick = (name: string, envName: string, fallback: number, max: number): number => {
        const raw = config(`kore:${name}`) ?? env[envName];
        if (raw === undefined || raw === "") return fallback;
        const n = Number(raw);
        if (!Number.isInteger(n) || n < 0 || n > max)
            throw new KoreSettingsError(`kore:${name} (or ${envName}) must be a whole number from 0 to ${max}; got ${JSON.stringify(raw)}`);
        return n;
    };
    return {
        requestTimeoutSeconds: pick("requestTimeoutSeconds", "KORE_REQUEST_TIMEOUT_SECONDS", 30, 600) || 30,
        maxRetries: pick("maxRetries", "KORE_MAX_RETRIES", 4, 10),
    };
}

function howToSet(key: SettingKey): string {
    return `the resource's \`connection.${key}\` input, \`pulumi config set ${CONFIG_KEY[key]} ${EXAMPLE[key]}\`, or the ${ENV_KEY[key]} environment variable`;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** `platform.kore.ai` or `https://platform.kore.ai/` -> `https://platform.kore.ai`; http only on loopback. */
export function normaliseHost(host: string): string {
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(host) ? host : `https://${host}`;
    let url: URL;
    try {
        url = new URL(withScheme);
    } catch {
        throw new KoreSettingsError(
            `Kore.ai host ${JSON.stringify(host)} is not a URL; use the environment's origin, e.g. https://platform.kore.ai`,
        );
    }
    if (url.pathname !== "/" || url.search || url.hash || url.username || url.password)
        throw new KoreSettingsError(
            `Kore.ai host ${JSON.stringify(host)} must be an origin only (scheme and host, e.g. https://platform.kore.ai), without a path, query or credentials`,
        );
    if (url.protocol === "http:" && !LOOPBACK.test(url.hostname))
        throw new KoreSettingsError(
            `Kore.ai host ${JSON.stringify(host)} uses http; https is required (plain http is allowed only on loopback, for the emulator)`,
        );
    if (url.protocol !== "http:" && url.protocol !== "https:")
        throw new KoreSettingsError(`Kore.ai host ${JSON.stringify(host)} must use https`);
    return url.origin;
}

/**
 * Resolves the settings from the given sources (highest first). Each field comes from the highest
 * source that sets it; credentials come as a unit from the highest source that sets any of them, so a
 * JWT in one place and a client secret in another never mix. Throws one error naming every gap.
 */
export function resolveSettings(sources: SettingsSource[], tuning: HttpTuning): KoreSettings {
    const problems: string[] = [];
    const pick = (key: "host" | "iid" | "accountId"): string | undefined => {
        const v = sources.find((s) => s.values[key])?.values[key];
        if (!v) problems.push(`${key} is not set; set it with ${howToSet(key)}`);
        return v;
    };
    const host = pick("host");
    const iid = pick("iid");
    const accountId = pick("accountId");

    let credentials: Credentials | undefined;
    const credSource = sources.find((s) => s.values.jwt || s.values.clientId || s.values.clientSecret);
    if (!credSource) {
        problems.push(
            `credentials are not set; give either a client id and secret (${howToSet("clientId")}; and ${howToSet("clientSecret")}) or a ready JWT (${howToSet("jwt")})`,
        );
    } else if (credSource.values.jwt) {
        credentials = { kind: "jwt", jwt: credSource.values.jwt };
    } else if (!credSource.values.clientId) {
        problems.push(`clientId is not set in ${credSource.label}, which sets clientSecret; set it with ${howToSet("clientId")}`);
    } else if (!credSource.values.clientSecret) {
        problems.push(`clientSecret is not set in ${credSource.label}, which sets clientId; set it with ${howToSet("clientSecret")}`);
    } else {
        credentials = { kind: "client", clientId: credSource.values.clientId, clientSecret: credSource.values.clientSecret };
    }

    let baseUrl: string | undefined;
    if (host) {
        try {
            baseUrl = normaliseHost(host);
        } catch (err) {
            problems.push((err as Error).message);
        }
    }
    if (problems.length > 0 || !baseUrl || !iid || !accountId || !credentials)
        throw new KoreSettingsError(`Kore.ai connection settings are incomplete:\n  - ${problems.join("\n  - ")}`);
    return { baseUrl, iid, accountId, credentials, tuning };
}

export function connectionSource(connection: ConnectionInput | undefined): SettingsSource {
    const values: SettingValues = {};
    for (const key of SETTING_KEYS) {
        const v = connection?.[key];
        if (v) values[key] = v;
    }
    return { label: "the resource's `connection` input", values };
}

/** Every credential value in the settings, for redaction. */
export function secretsOf(settings: KoreSettings | undefined): string[] {
    if (!settings) return [];
    return settings.credentials.kind === "jwt" ? [settings.credentials.jwt] : [settings.credentials.clientSecret];
}
