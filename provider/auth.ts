// Kore.ai's API auth: an HS256 JWT signed with the app's client secret, sent raw in the `auth` header.
import { randomUUID } from "node:crypto";
import { Credentials } from "./settings";

export const JWT_SUBJECT = "pulumi-kore-sms";
/** Short-lived on purpose; apps with "Enforce JTI" accept at most one hour. */
export const JWT_LIFETIME_SECONDS = 300;

/** Signs `{ sub, appId, iat, exp, jti }` with HS256. A fresh `jti` per token satisfies "Enforce JTI". */
export async function signKoreJwt(clientId: string, clientSecret: string, nowMs: number = Date.now()): Promise<string> {
    const { SignJWT } = await import("jose");
    const iat = Math.floor(nowMs / 1000);
    return new SignJWT({ appId: clientId })
        .setProtectedHeader({ alg: "HS256", typ: "JWT" })
        .setSubject(JWT_SUBJECT)
        .setIssuedAt(iat)
        .setExpirationTime(iat + JWT_LIFETIME_SECONDS)
        .setJti(randomUUID())
        .sign(new TextEncoder().encode(clientSecret));
}

/** The value of the `auth` header for one request. */
export async function authHeaderValue(credentials: Credentials): Promise<string> {
    return credentials.kind === "jwt" ? credentials.jwt : signKoreJwt(credentials.clientId, credentials.clientSecret);
}
