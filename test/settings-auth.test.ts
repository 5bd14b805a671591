import { expect } from "chai";
import { JWT_LIFETIME_SECONDS, JWT_SUBJECT, signKoreJwt } from "../provider/auth";
import { redact } from "../provider/errors";
import { connectionSource, normaliseHost, resolveSettings, settingsFromConfig, settingsFromEnv, tuningFrom } from "../provider/settings";

const TUNING = { requestTimeoutSeconds: 30, maxRetries: 4 };
const src = (label: string, values: Record<string, string>) => ({ label, values });

describe("JWT", () => {
    it("is HS256, signed with the client secret, with sub, appId, iat, exp and a fresh jti", async () => {
        const { jwtVerify, decodeProtectedHeader } = await import("jose");
        const now = Date.now();
        const token = await signKoreJwt("cs-client", "the-client-secret", now);
        const { payload } = await jwtVerify(token, new TextEncoder().encode("the-client-secret"), { algorithms: ["HS256"] });
        expect(decodeProtectedHeader(token)).to.deep.equal({ alg: "HS256", typ: "JWT" });
        expect(payload.appId).to.equal("cs-client");
        expect(payload.sub).to.equal(JWT_SUBJECT);
        expect(payload.iat).to.equal(Math.floor(now / 1000));
        expect(payload.exp).to.equal(Math.floor(now / 1000) + JWT_LIFETIME_SECONDS);
        expect(payload.exp! - payload.iat!).to.be.at.most(3600);
        expect(payload.jti).to.match(/^[0-9a-f-]{36}$/);
        const other = await jwtVerify(
            await signKoreJwt("cs-client", "the-client-secret", now),
            new TextEncoder().encode("the-client-secret"),
        );
        expect(other.payload.jti).to.not.equal(payload.jti);
    });

    it("does not verify with another secret", async () => {
        const { jwtVerify } = await import("jose");
        const token = await signKoreJwt("cs-client", "the-client-secret");
        let error: unknown;
        await jwtVerify(token, new TextEncoder().encode("another-secret")).catch((e) => (error = e));
        expect((error as Error)?.name).to.equal("JWSSignatureVerificationFailed");
    });
});

describe("connection settings", () => {
    const full = { host: "https://platform.kore.ai", iid: "st-1", accountId: "acc-1", clientId: "cs-1", clientSecret: "sec-1" };

    it("takes each field from the highest source that sets it", () => {
        const s = resolveSettings(
            [
                src("connection", { iid: "st-from-connection" }),
                src("config", { host: "eu-platform.kore.ai", accountId: "acc-config" }),
                src("env", full),
            ],
            TUNING,
        );
        expect(s).to.deep.include({ baseUrl: "https://eu-platform.kore.ai", iid: "st-from-connection", accountId: "acc-config" });
        expect(s.credentials).to.deep.equal({ kind: "client", clientId: "cs-1", clientSecret: "sec-1" });
    });

    it("takes credentials as a unit: a JWT above never mixes with a client secret below", () => {
        const s = resolveSettings([src("config", { jwt: "ready.jwt.token" }), src("env", full)], TUNING);
        expect(s.credentials).to.deep.equal({ kind: "jwt", jwt: "ready.jwt.token" });
    });

    it("names every missing setting and every way to provide it", () => {
        let message = "";
        try {
            resolveSettings([src("connection", {}), src("config", {}), src("env", {})], TUNING);
        } catch (e) {
            message = (e as Error).message;
        }
        expect(message).to.equal(
            [
                "Kore.ai connection settings are incomplete:",
                "  - host is not set; set it with the resource's `connection.host` input, `pulumi config set kore:host https://platform.kore.ai`, or the KORE_HOST environment variable",
                "  - iid is not set; set it with the resource's `connection.iid` input, `pulumi config set kore:iid st-...`, or the KORE_IID environment variable",
                "  - accountId is not set; set it with the resource's `connection.accountId` input, `pulumi config set kore:accountId <account id>`, or the KORE_ACCOUNT_ID environment variable",
                "  - credentials are not set; give either a client id and secret (the resource's `connection.clientId` input, `pulumi config set kore:clientId cs-...`, or the KORE_CLIENT_ID environment variable; and the resource's `connection.clientSecret` input, `pulumi config set kore:clientSecret <client secret> --secret`, or the KORE_CLIENT_SECRET environment variable) or a ready JWT (the resource's `connection.jwt` input, `pulumi config set kore:jwt <token> --secret`, or the KORE_JWT environment variable)",
            ].join("\n"),
        );
    });

    it("says which source has a client secret without its client id, without showing the secret", () => {
        let message = "";
        try {
            resolveSettings([src("stack config (kore:*)", { ...full, clientId: "" }), src("env", full)], TUNING);
        } catch (e) {
            message = (e as Error).message;
        }
        expect(message).to.include("clientId is not set in stack config (kore:*), which sets clientSecret");
        expect(message).to.not.include("sec-1");
    });

    const hosts: [string, string][] = [
        ["platform.kore.ai", "https://platform.kore.ai"],
        ["https://platform.kore.ai/", "https://platform.kore.ai"],
        ["https://de-platform.kore.ai", "https://de-platform.kore.ai"],
        ["http://127.0.0.1:8787", "http://127.0.0.1:8787"],
        ["http://localhost:8787", "http://localhost:8787"],
    ];
    for (const [given, origin] of hosts) it(`accepts host ${given}`, () => expect(normaliseHost(given)).to.equal(origin));

    const badHosts: [string, string][] = [
        [
            "http://platform.kore.ai",
            `Kore.ai host "http://platform.kore.ai" uses http; https is required (plain http is allowed only on loopback, for the emulator)`,
        ],
        [
            "https://platform.kore.ai/agentassist",
            `Kore.ai host "https://platform.kore.ai/agentassist" must be an origin only (scheme and host, e.g. https://platform.kore.ai), without a path, query or credentials`,
        ],
        ["ftp://platform.kore.ai", `Kore.ai host "ftp://platform.kore.ai" must use https`],
    ];
    for (const [given, message] of badHosts) it(`refuses host ${given}`, () => expect(() => normaliseHost(given)).to.throw(message));

    it("reads stack config keys and environment variables by their documented names", () => {
        const config: Record<string, string> = {
            "kore:host": "h",
            "kore:iid": "i",
            "kore:accountId": "a",
            "kore:clientId": "c",
            "kore:clientSecret": "s",
            "kore:jwt": "j",
        };
        expect(settingsFromConfig((k) => config[k])).to.deep.equal({
            host: "h",
            iid: "i",
            accountId: "a",
            clientId: "c",
            clientSecret: "s",
            jwt: "j",
        });
        expect(
            settingsFromEnv({
                KORE_HOST: "h",
                KORE_IID: "i",
                KORE_ACCOUNT_ID: "a",
                KORE_CLIENT_ID: "c",
                KORE_CLIENT_SECRET: "s",
                KORE_JWT: "j",
            }),
        ).to.deep.equal({ host: "h", iid: "i", accountId: "a", clientId: "c", clientSecret: "s", jwt: "j" });
        expect(connectionSource({ host: "h", clientSecret: "" }).values).to.deep.equal({ host: "h" });
    });

    it("reads tuning from config, then env, and refuses nonsense", () => {
        expect(tuningFrom(() => undefined, {})).to.deep.equal({ requestTimeoutSeconds: 30, maxRetries: 4 });
        expect(
            tuningFrom((k) => (k === "kore:maxRetries" ? "2" : undefined), { KORE_MAX_RETRIES: "9", KORE_REQUEST_TIMEOUT_SECONDS: "5" }),
        ).to.deep.equal({
            requestTimeoutSeconds: 5,
            maxRetries: 2,
        });
        expect(() => tuningFrom(() => undefined, { KORE_MAX_RETRIES: "-1" })).to.throw(
            `kore:maxRetries (or KORE_MAX_RETRIES) must be a whole number from 0 to 10; got "-1"`,
        );
    });
});

describe("redact", () => {
    it("removes known secrets and anything shaped like a JWT", async () => {
        const token = await signKoreJwt("cs", "s3cr3t-value");
        expect(redact(`secret s3cr3t-value and token ${token}.`, ["s3cr3t-value"])).to.equal("secret [redacted] and token [redacted-jwt].");
    });
});
