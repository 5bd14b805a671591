// The provider's methods over real HTTP against the emulator: every API path, every error class,
// retries, and the duplicate-safety of create.
import { expect } from "chai";
import { signKoreJwt } from "../provider/auth";
import { createKoreCampaignApi } from "../provider/client";
import { startEmulator } from "../provider/emulator";
import type { Emulator } from "../provider/emulator";
import { createProviderMethods } from "../provider/runtime";
import { rejection, sampleArgs } from "./fixtures";

const CLIENT_ID = "cs-provider-test";
const CLIENT_SECRET = "provider-test-secret-4b1e";
const IID = "st-provider-test";
const ACCOUNT = "acc-provider-test";
const JWT_PATTERN = /eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/;
const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");

type Methods = ReturnType<typeof createProviderMethods>;
type Props = Record<string, unknown>;

describe("provider methods against the emulator", function () {
    this.timeout(30_000);
    let emulator: Emulator;

    const envFor = (overrides: Record<string, string> = {}) => ({
        KORE_HOST: emulator.url,
        KORE_IID: IID,
        KORE_ACCOUNT_ID: ACCOUNT,
        KORE_CLIENT_ID: CLIENT_ID,
        KORE_CLIENT_SECRET: CLIENT_SECRET,
        KORE_MAX_RETRIES: "3",
        ...overrides,
    });
    const methodsWith = (env: Record<string, string>): Methods =>
        createProviderMethods({
            apiFor: (s) => createKoreCampaignApi(s, { retryBackoffLimitMs: 50 }),
            env,
            pollIntervalMs: 50,
            warn: () => undefined,
        });
    const calls = () => emulator.received().map((r) => `${r.method} ${r.path.replace(`/api/v1/public/${IID}`, "")} ${r.status}`);

    let methods: Methods;
    const checked = async (args: Props = sampleArgs()) => {
        const r = await methods.check({}, args);
        expect(r.failures).to.deep.equal([]);
        return r.inputs;
    };
    const expectClean = (message: string) => {
        expect(message).to.not.include(CLIENT_SECRET);
        expect(JWT_PATTERN.test(message), message).to.equal(false);
    };

    beforeEach(async () => {
        emulator = await startEmulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, iid: IID, preparingMs: 200, enforceJti: true });
        methods = methodsWith(envFor());
    });
    afterEach(async () => emulator.close());

    it("creates, waits for Ready, and returns outputs with the message decoded", async () => {
        const { id, outs } = await methods.create(await checked());
        const [stored] = emulator.campaigns();
        expect(id).to.equal(stored._id);
        expect(stored.message.message).to.equal(b64("Hi, This is just reminder for upcoming event"));
        expect(outs).to.include({ campaignId: id, status: "Ready", lname: "event reminder sms campaign" });
        expect(outs!.message.message).to.equal("Hi, This is just reminder for upcoming event");
        expect(calls()[0]).to.equal("POST /agentassist/campaign 200");
        expect(
            calls()
                .slice(1)
                .every((c) => c === `GET /agentassist/campaign/${id} 200`),
        ).to.equal(true);
    });

    it("read shows drift made in Kore.ai, and diff then plans a replacement", async () => {
        const { id, outs } = await methods.create(await checked());
        emulator.patchCampaign(id, { message: { message: b64("Changed in the console") }, priority: "1" });
        const read = await methods.read(id, outs as unknown as Props);
        expect(read.props!.message).to.deep.equal({ message: "Changed in the console", templateId: "" });
        expect(read.props!.priority).to.equal("1");
        const d = await methods.diff(id, read.props as Props, await checked());
        expect(d).to.deep.equal({ changes: true, replaces: ["priority", "message"], deleteBeforeReplace: true });
    });

    it("read of a campaign deleted in Kore.ai returns an empty id", async () => {
        const { id, outs } = await methods.create(await checked());
        emulator.removeCampaign(id);
        expect(await methods.read(id, outs as unknown as Props)).to.deep.equal({ id: "", props: {} });
    });

    it("delete stops an Active campaign first (Kore.ai refuses to delete it otherwise), then deletes it", async () => {
        const { id, outs } = await methods.create(await checked());
        emulator.patchCampaign(id, { status: "Active" });
        emulator.clearReceived();
        await methods.delete(id, outs as unknown as Props);
        expect(calls()).to.deep.equal([
            `GET /agentassist/campaign/${id} 200`,
            `POST /campaign/campaign/${id} 200`,
            `DELETE /agentassist/campaign/${id} 200`,
        ]);
        expect(emulator.campaigns()).to.deep.equal([]);
    });

    it("delete of a campaign already gone is not an error", async () => {
        await methods.delete("cd-never-existed", sampleArgs());
        expect(calls()).to.deep.equal(["GET /agentassist/campaign/cd-never-existed 404"]);
    });

    it("adopts an existing matching campaign without creating one; delete then removes it", async () => {
        const first = await methods.create(await checked());
        emulator.clearReceived();
        const adopted = await methods.create({ ...(await checked()), adoptExistingId: first.id });
        expect(adopted.id).to.equal(first.id);
        expect(calls()).to.deep.equal([`GET /agentassist/campaign/${first.id} 200`]);
        expect(emulator.campaigns()).to.have.length(1);
    });

    it("400: shows Kore.ai's own message and the field", async () => {
        const err = await rejection(methods.create(await checked(sampleArgs({ contactLists: ["No Such List"] }))));
        expect(err.message).to.equal(
            `Kore.ai rejected create campaign (${emulator.url}, iid ${IID}) with 400: Contact list "No Such List" does not exist (field contactLists[0])`,
        );
    });

    it("400 for a name that is taken: names the campaign holding it and how to adopt it", async () => {
        const { id } = await methods.create(await checked());
        const err = await rejection(methods.create(await checked(sampleArgs({ name: "EVENT REMINDER sms campaign" }))));
        expect(err.message).to.include(`Kore.ai already has a campaign named "Event Reminder SMS Campaign" (id ${id}, status Ready)`);
        expect(err.message).to.include(`set adoptExistingId: "${id}"`);
        expect(emulator.campaigns()).to.have.length(1);
    });

    it("401: says the JWT was refused and what to check, without the secret or token", async () => {
        methods = methodsWith(envFor({ KORE_CLIENT_SECRET: "not-the-right-secret" }));
        const err = await rejection(methods.create(await checked()));
        expect(err.message).to.equal(
            `Kore.ai refused the JWT for create campaign (${emulator.url}, iid ${IID}) with 401: Invalid SDK credentials (code 4002). ` +
                "Check that the client id and secret (or the JWT) belong to the app with this iid, that the app is mapped to the " +
                "Campaign Management API scope, and that accountId is right",
        );
        expect(err.message).to.not.include("not-the-right-secret");
        expectClean(err.message);
    });

    it("401 with a ready JWT: the token never appears in the error", async () => {
        const wrong = await signKoreJwt(CLIENT_ID, "wrong-secret");
        methods = methodsWith({ ...envFor(), KORE_CLIENT_ID: "", KORE_CLIENT_SECRET: "", KORE_JWT: wrong });
        const err = await rejection(methods.create(await checked()));
        expect(err.message).to.include("with 401");
        expect(err.message).to.not.include(wrong);
        expectClean(err.message);
    });

    it("403: says the JWT was refused and what to check", async () => {
        emulator.injectFault({ kind: "status", status: 403, count: 1 });
        const err = await rejection(methods.create(await checked()));
        expect(err.message).to.match(/^Kore\.ai refused the JWT for create campaign \(.*\) with 403.*Campaign Management API scope/);
    });

    it("404 on create: points at the host and the iid", async () => {
        methods = methodsWith(envFor({ KORE_IID: "st-wrong-app" }));
        const err = await rejection(methods.create(await checked()));
        expect(err.message).to.equal(
            `Kore.ai answered 404 to create campaign (${emulator.url}, iid st-wrong-app): No app with iid "st-wrong-app" (field iid). Check the host and the iid: the campaign API is not at that address`,
        );
    });

    it("429 with Retry-After: waits as long as Kore.ai asks, then succeeds", async () => {
        emulator.injectFault({ kind: "status", status: 429, retryAfterSeconds: 1, count: 2, match: { method: "POST" } });
        const started = Date.now();
        await methods.create(await checked());
        const elapsed = Date.now() - started;
        // Backoff is capped at 50 ms in this test, so only Retry-After explains two seconds.
        expect(elapsed).to.be.at.least(2000);
        expect(emulator.campaigns()).to.have.length(1);
        // A 429 means the create was not processed: no look-up, just the retry after Retry-After.
        expect(calls().filter((c) => c.startsWith("POST"))).to.deep.equal([
            "POST /agentassist/campaign 429",
            "POST /agentassist/campaign 429",
            "POST /agentassist/campaign 200",
        ]);
    });

    it("5xx: retried with backoff, then fails naming the last status and the attempts", async () => {
        emulator.injectFault({ kind: "status", status: 503, count: 10, match: { method: "GET" } });
        const err = await rejection(methods.read("cd-x", sampleArgs()));
        expect(err.message).to.equal(
            `Kore.ai answered 503 to get campaign cd-x (${emulator.url}, iid ${IID}): Injected fault: HTTP 503 (code 503); gave up after 4 attempt(s)`,
        );
        expect(emulator.received().filter((r) => r.method === "GET")).to.have.length(4);
    });

    it("a 500 on create is retried after looking the name up; exactly one campaign results", async () => {
        emulator.injectFault({ kind: "status", status: 500, count: 1, match: { method: "POST", pathIncludes: "/campaign" } });
        await methods.create(await checked());
        expect(emulator.campaigns()).to.have.length(1);
        expect(calls().slice(0, 3)).to.deep.equal([
            "POST /agentassist/campaign 500",
            "POST /agentassist/campaign/getAllCampaignDetails 200",
            "POST /agentassist/campaign 200",
        ]);
    });

    it("a connection dropped after Kore.ai stored the create leaves exactly one campaign, adopted", async () => {
        emulator.injectFault({ kind: "drop-after-create", count: 1 });
        const { id } = await methods.create(await checked());
        const stored = emulator.campaigns();
        expect(stored).to.have.length(1);
        expect(id).to.equal(stored[0]._id);
        expect(calls()[0]).to.equal("POST /agentassist/campaign 0");
        expect(calls()[1]).to.equal("POST /agentassist/campaign/getAllCampaignDetails 200");
        expect(calls().filter((c) => c.startsWith("POST /agentassist/campaign "))).to.have.length(1);
    });

    it("a create that times out after it was sent ends with exactly one campaign, recovered by name", async () => {
        methods = methodsWith(envFor({ KORE_REQUEST_TIMEOUT_SECONDS: "1" }));
        emulator.injectFault({ kind: "latency", ms: 1500, count: 1, match: { method: "POST", pathIncludes: "/campaign" } });
        const { id } = await methods.create(await checked());
        await new Promise((r) => setTimeout(r, 700)); // let the slow request land in the emulator
        const stored = emulator.campaigns();
        expect(stored).to.have.length(1);
        expect(id).to.equal(stored[0]._id);
        // The look-up ran before the slow request was stored, so the POST was sent again. Of the two, one
        // was stored and Kore.ai refused the other (the name was taken); the provider ends up with the stored one.
        const creates = calls().filter((c) => c.startsWith("POST /agentassist/campaign "));
        expect(creates.map((c) => c.split(" ")[2]).sort()).to.deep.equal(["200", "400"]);
    });

    it("never adopts a same-named campaign that differs, whatever the failure", async () => {
        const other = await methods.create(await checked(sampleArgs({ message: { message: "Someone else's text" } })));
        for (const status of [429, 500]) {
            emulator.clearReceived();
            emulator.injectFault({ kind: "status", status, count: 1, match: { method: "POST", pathIncludes: "/campaign" } });
            const err = await rejection(methods.create(await checked()));
            expect(err.message).to.include(`Kore.ai already has a campaign named "Event Reminder SMS Campaign" (id ${other.id}`);
            expect(emulator.campaigns().map((c) => c._id)).to.deep.equal([other.id]);
        }
    });

    it("a create whose every attempt is lost still finds the stored campaign at the end", async () => {
        methods = methodsWith(envFor({ KORE_MAX_RETRIES: "0" }));
        emulator.injectFault({ kind: "drop-after-create", count: 1 });
        const { id } = await methods.create(await checked());
        expect(emulator.campaigns().map((c) => c._id)).to.deep.equal([id]);
    });

    it("every request carries a fresh HS256 JWT with appId, iid and accountId headers", async () => {
        emulator.injectFault({ kind: "status", status: 503, count: 1 });
        await methods.create(await checked());
        const received = emulator.received();
        for (const r of received) {
            // The fault answers before the token is checked, so only answered requests count as verified.
            if (r.status !== 503) expect(r.jwt.valid, r.jwt.error).to.equal(true);
            expect(r.jwt.claims).to.include({ appId: CLIENT_ID, sub: "pulumi-kore-sms" });
            expect(r).to.include({ iid: IID, accountId: ACCOUNT });
        }
        const jtis = received.map((r) => r.jwt.claims!.jti);
        expect(new Set(jtis).size).to.equal(jtis.length);
    });

    it("refresh and delete use the location recorded at create, even after the settings point elsewhere", async () => {
        const { id, outs } = await methods.create(await checked());
        expect(outs).to.include({ host: emulator.url, iid: IID, accountId: ACCOUNT });
        methods = methodsWith(envFor({ KORE_ACCOUNT_ID: "acc-somewhere-else" }));
        const read = await methods.read(id, outs as unknown as Props);
        expect(read.id).to.equal(id);
        await methods.delete(id, outs as unknown as Props);
        expect(emulator.campaigns()).to.deep.equal([]);
        // And diff replaces a campaign whose settings now point at another account, creating it there first.
        const d = await methods.diff(id, outs as unknown as Props, await checked());
        expect(d).to.deep.equal({ changes: true, replaces: ["accountId"], deleteBeforeReplace: false });
    });

    it("connection settings missing: fails before any request, naming every way to set them", async () => {
        methods = methodsWith({});
        const err = await rejection(methods.create(await methods.check({}, sampleArgs()).then((r) => r.inputs)));
        expect(err.message).to.match(/^Kore\.ai connection settings are incomplete:\n {2}- host is not set/);
        expect(emulator.received()).to.deep.equal([]);
    });
});
