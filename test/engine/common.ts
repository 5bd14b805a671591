// Shared by the engine suites: the emulator's identity, stack config for it, and leak checks.
import { expect } from "chai";
import { startEmulator } from "../../provider/emulator";
import type { Emulator } from "../../provider/emulator";

export const IID = "st-engine-test";
export const ACCOUNT = "acc-engine-test";
export const CLIENT_ID = "cs-engine-test";
export const CLIENT_SECRET = "engine-test-client-secret-7f3a9c";
export const JWT_PATTERN = /eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/;
export const CREATE_PATH = `/agentassist/api/v1/public/${IID}/campaign`;
export const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");

export const DEFAULT_REMINDER = "Hi, this is a reminder for the upcoming event.";

export function koreConfig(emulator: Emulator, accountId = ACCOUNT) {
    return {
        "kore:host": { value: emulator.url },
        "kore:iid": { value: IID },
        "kore:accountId": { value: accountId },
        "kore:clientId": { value: CLIENT_ID },
        "kore:clientSecret": { value: CLIENT_SECRET, secret: true },
    };
}

export function startTestEmulator(): Promise<Emulator> {
    return startEmulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, iid: IID, preparingMs: 300, enforceJti: true });
}

export function assertNoCredentialLeak(text: string, label: string): void {
    expect(text.includes(CLIENT_SECRET), `${label} holds the client secret in plain text`).to.equal(false);
    expect(JWT_PATTERN.test(text), `${label} holds a JWT`).to.equal(false);
}

const SECRET_SIG = "4dabf18193072939515e22adb298388d";

/** A copy with every Pulumi secret envelope (`{ "4dabf…": "1b47…", … }`) replaced by a marker. */
export function withoutSecretEnvelopes(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(withoutSecretEnvelopes);
    if (value && typeof value === "object") {
        if (SECRET_SIG in value) return "[secret]";
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutSecretEnvelopes(v)]));
    }
    return value;
}
