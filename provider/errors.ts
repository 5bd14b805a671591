// Error types the provider throws. Messages are written for the person running `pulumi up` and never
// carry a credential: everything user-facing passes through `redact` first.

/** A Kore.ai API call that failed, with what to check next. */
export class KoreApiError extends Error {
    override name = "KoreApiError";
    constructor(
        message: string,
        readonly status: number | undefined,
        readonly operation: string,
    ) {
        super(message);
    }
}

/** Connection settings that are missing or malformed. */
export class KoreSettingsError extends Error {
    override name = "KoreSettingsError";
}

/** Replaces every occurrence of each secret (and of anything that looks like a JWT) with a marker. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
    let out = text;
    for (const secret of secrets) {
        if (secret && secret.length >= 4) out = out.split(secret).join("[redacted]");
    }
    // A compact JWS: three base64url parts, the first one a JSON header ("eyJ").
    return out.replace(/eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g, "[redacted-jwt]");
}
