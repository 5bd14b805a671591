import { expect } from "chai";
import { createProviderMethods } from "../provider/runtime";
import { KoreApiError } from "../provider/errors";
import type { CampaignInputs } from "../provider/types";
import { FakeCampaignApi } from "./fake-api";
import { rejection, sampleArgs } from "./fixtures";

const ENV = {
    KORE_HOST: "https://platform.kore.ai",
    KORE_IID: "st-test",
    KORE_ACCOUNT_ID: "acc-test",
    KORE_CLIENT_ID: "cs-test",
    KORE_CLIENT_SECRET: "super-secret-value",
};

function setup(env: Record<string, string> = ENV) {
    const api = new FakeCampaignApi();
    const warnings: string[] = [];
    const methods = createProviderMethods({ apiFor: async () => api, env, pollIntervalMs: 1, warn: (m) => warnings.push(m) });
    return { api, methods, warnings };
}

async function checkedInputs(methods: ReturnType<typeof createProviderMethods>, args: Record<string, unknown>) {
    const r = await methods.check({}, args);
    expect(r.failures).to.deep.equal([]);
    return r.inputs;
}

describe("provider methods (fake API)", () => {
    it("create POSTs once and returns the id, status, timestamps and the plain-text message", async () => {
        const { api, methods } = setup();
        const result = await methods.create(await checkedInputs(methods, sampleArgs()));
        expect(api.calls).to.deep.equal(["create Event Reminder SMS Campaign"]);
        expect(result.id).to.equal("cd-1");
        expect(result.outs).to.include({
            campaignId: "cd-1",
            status: "Ready",
            createdAt: "t0",
            updatedAt: "t0",
            lname: "event reminder sms campaign",
        });
        expect(result.outs!.message.message).to.equal("Hi, This is just reminder for upcoming event");
        // The API received Base64, the state holds the text.
        expect(api.campaigns.get("cd-1")!.message!.message).to.equal(
            Buffer.from("Hi, This is just reminder for upcoming event").toString("base64"),
        );
    });

    it("create waits while the campaign is Preparing, up to readyTimeoutSeconds", async () => {
        const { api, methods } = setup();
        api.createdStatus = "Preparing";
        api.statusSequence = ["Preparing", "Ready"];
        const result = await methods.create(await checkedInputs(methods, sampleArgs({ readyTimeoutSeconds: 5 })));
        expect(result.outs!.status).to.equal("Ready");
        expect(api.calls.filter((c) => c.startsWith("get"))).to.have.length(2);
    });

    it("create does not wait when readyTimeoutSeconds is 0", async () => {
        const { api, methods } = setup();
        api.createdStatus = "Preparing";
        const result = await methods.create(await checkedInputs(methods, sampleArgs({ readyTimeoutSeconds: 0 })));
        expect(result.outs!.status).to.equal("Preparing");
        expect(api.calls).to.deep.equal(["create Event Reminder SMS Campaign"]);
    });

    it("create stops waiting at the timeout and reports the campaign as it is", async () => {
        const { api, methods } = setup();
        api.createdStatus = "Preparing";
        const started = Date.now();
        const result = await methods.create(await checkedInputs(methods, sampleArgs({ readyTimeoutSeconds: 1 })));
        expect(result.outs!.status).to.equal("Preparing");
        expect(Date.now() - started).to.be.within(900, 3000);
    });

    it("create refused because the name is taken says which campaign holds it and how to adopt it", async () => {
        const { api, methods } = setup();
        api.seed({ name: "EVENT REMINDER SMS CAMPAIGN" });
        const err = await rejection(methods.create(await checkedInputs(methods, sampleArgs())));
        expect(err.message).to.equal(
            'Kore.ai rejected create campaign with 400: Campaign with name "Event Reminder SMS Campaign" already exists. ' +
                'Kore.ai already has a campaign named "EVENT REMINDER SMS CAMPAIGN" (id cd-1, status Ready), and names are unique per account ' +
                'regardless of case. If an earlier run created it, set adoptExistingId: "cd-1" to take it over; otherwise rename this campaign or delete that one',
        );
    });

    it("adopts an existing campaign that matches the program, without creating one", async () => {
        const { api, methods } = setup();
        const inputs = (await checkedInputs(methods, sampleArgs())) as unknown as CampaignInputs;
        const existing = api.seed({ ...inputs, message: { message: Buffer.from(inputs.message.message).toString("base64") } });
        const result = await methods.create({ ...inputs, adoptExistingId: existing._id });
        expect(result.id).to.equal(existing._id);
        expect(api.calls).to.deep.equal([`get ${existing._id}`]);
        expect(result.outs).to.include({ adoptExistingId: existing._id, campaignId: existing._id });
    });

    it("refuses to adopt a campaign that differs from the program, naming the differences", async () => {
        const { api, methods } = setup();
        const inputs = (await checkedInputs(methods, sampleArgs())) as unknown as CampaignInputs;
        const existing = api.seed({ ...inputs, priority: "2", message: { message: "Other text" } });
        const err = await rejection(methods.create({ ...inputs, adoptExistingId: existing._id }));
        expect(err.message).to.equal(
            `adoptExistingId: campaign ${existing._id} ("Event Reminder SMS Campaign") differs from this program in priority, message. ` +
                "Make the program match the campaign as Kore.ai holds it, then adopt; adopting never changes the campaign",
        );
        expect(api.calls.some((c) => c.startsWith("create"))).to.equal(false);
    });

    it("refuses to adopt a campaign that does not exist", async () => {
        const { methods } = setup();
        const err = await rejection(methods.create({ ...(await checkedInputs(methods, sampleArgs())), adoptExistingId: "cd-missing" }));
        expect(err.message).to.equal(
            "adoptExistingId: Kore.ai has no campaign cd-missing (it answered 404); check the id, the iid and the accountId",
        );
    });

    it("read returns what the API holds now, keeping provider options", async () => {
        const { api, methods } = setup();
        const created = await methods.create(await checkedInputs(methods, sampleArgs({ messageEncoding: "plain" })));
        api.campaigns.get(created.id)!.message = { message: "Edited in the console" };
        api.campaigns.get(created.id)!.status = "Active";
        const read = await methods.read(created.id, { ...created.outs, __provider: "p" });
        expect(read.id).to.equal(created.id);
        expect(read.props).to.include({ status: "Active", messageEncoding: "plain" });
        expect(read.props!.message).to.deep.equal({ message: "Edited in the console", templateId: "" });
    });

    it("read of a campaign deleted outside Pulumi returns an empty id", async () => {
        const { api, methods } = setup();
        const created = await methods.create(await checkedInputs(methods, sampleArgs()));
        api.campaigns.clear();
        expect(await methods.read(created.id, created.outs as unknown as Record<string, unknown>)).to.deep.equal({ id: "", props: {} });
    });

    it("update re-stores provider options without calling the API", async () => {
        const { api, methods } = setup();
        const created = await methods.create(await checkedInputs(methods, sampleArgs()));
        api.calls = [];
        const news = await checkedInputs(methods, sampleArgs({ readyTimeoutSeconds: 5, messageEncoding: "plain" }));
        const updated = await methods.update(created.id, created.outs as unknown as Record<string, unknown>, news);
        expect(api.calls).to.deep.equal([]);
        expect(updated.outs).to.include({
            readyTimeoutSeconds: 5,
            messageEncoding: "plain",
            apiMessageEncoding: "base64",
            campaignId: created.id,
        });
    });

    it("update refuses a definition change (diff replaces those)", async () => {
        const { methods } = setup();
        const created = await methods.create(await checkedInputs(methods, sampleArgs()));
        const news = await checkedInputs(methods, sampleArgs({ message: { message: "changed" } }));
        const err = await rejection(methods.update(created.id, created.outs as unknown as Record<string, unknown>, news));
        expect(err.message).to.equal("update cannot change message of a Kore.ai campaign; these changes replace it");
    });

    it("delete stops an Active campaign before deleting it", async () => {
        const { api, methods } = setup();
        const created = await methods.create(await checkedInputs(methods, sampleArgs()));
        api.campaigns.get(created.id)!.status = "Active";
        api.calls = [];
        await methods.delete(created.id, created.outs as unknown as Record<string, unknown>);
        expect(api.calls).to.deep.equal([`get ${created.id}`, `stop ${created.id}`, `delete ${created.id}`]);
        expect(api.campaigns.size).to.equal(0);
    });

    it("delete of a campaign already gone succeeds without calling delete", async () => {
        const { api, methods } = setup();
        await methods.delete("cd-gone", sampleArgs());
        expect(api.calls).to.deep.equal(["get cd-gone"]);
    });

    it("check fails at preview, naming every way to set what is missing, when no connection is configured", async () => {
        const { methods } = setup({});
        const r = await methods.check({}, sampleArgs());
        expect(r.failures).to.have.length(1);
        expect(r.failures[0].property).to.equal("");
        expect(r.failures[0].reason).to.include(
            "host is not set; set it with the resource's `connection.host` input, `pulumi config set kore:host https://platform.kore.ai`, or the KORE_HOST environment variable",
        );
    });

    it("check uses stack config given to configure", async () => {
        const { methods } = setup({});
        const config: Record<string, string> = {
            "kore:host": "platform.kore.ai",
            "kore:iid": "st-x",
            "kore:accountId": "acc",
            "kore:jwt": "header.payload.signature",
        };
        await methods.configure({ config: { get: (k: string) => config[k], require: (k: string) => config[k] } } as never);
        expect((await methods.check({}, sampleArgs())).failures).to.deep.equal([]);
    });

    it("check lets an unknown connection through during preview", async () => {
        const { methods } = setup({});
        expect((await methods.check({}, sampleArgs({ connection: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" }))).failures).to.deep.equal([]);
    });

    it("errors never carry the client secret or a token, even if the API echoes them", async () => {
        const { api, methods } = setup();
        api.createError = new KoreApiError(
            `Kore.ai answered 500: bad secret super-secret-value in eyJhbGciOiJIUzI1NiJ9.eyJhcHBJZCI6ImNzIn0.c2lnbmF0dXJl`,
            500,
            "create",
        );
        const err = await rejection(methods.create(await checkedInputs(methods, sampleArgs())));
        expect(err.message).to.equal("Kore.ai answered 500: bad secret [redacted] in [redacted-jwt]");
    });

    it("diff warns, naming the campaign, the change and the contact lists, when it plans a replacement", async () => {
        const { methods, warnings } = setup();
        const created = await methods.create(await checkedInputs(methods, sampleArgs()));
        const news = await checkedInputs(methods, sampleArgs({ message: { message: "changed" } }));
        await methods.diff(created.id, created.outs as unknown as Record<string, unknown>, news);
        expect(warnings).to.deep.equal([
            'SmsCampaign "Event Reminder SMS Campaign" (cd-1) differs from the program in message, so `pulumi up` REPLACES it: the campaign is deleted first, ' +
                'then created again. A new campaign may send its message again to every contact in "Renewal Due - May/June 2025".',
        ]);
        await methods.diff(
            created.id,
            created.outs as unknown as Record<string, unknown>,
            await checkedInputs(methods, sampleArgs({ readyTimeoutSeconds: 1 })),
        );
        expect(warnings).to.have.length(1);
    });

    it("check reports nested failures at resource level (the engine cannot show a nested value), top-level ones by property", async () => {
        const { methods } = setup();
        const args = sampleArgs({ priority: "9" });
        (args.dialingStrategy as { callerId: { phoneNumber: string } }).callerId.phoneNumber = "12345";
        const r = await methods.check({}, args);
        expect(r.failures).to.deep.equal([
            { property: "priority", reason: 'priority must be "1" to "5" (a number 1 to 5 is also accepted); got "9"' },
            {
                property: "",
                reason: 'dialingStrategy.callerId.phoneNumber must be a phone number in E.164 form, e.g. "+14155550123"; got "12345"',
            },
        ]);
    });

    it("diff always answers changes explicitly and ignores __provider", async () => {
        const { methods } = setup();
        const created = await methods.create(await checkedInputs(methods, sampleArgs()));
        const olds = { ...created.outs, __provider: "v1" } as unknown as Record<string, unknown>;
        const news = { ...(await checkedInputs(methods, sampleArgs())), __provider: "v2" };
        expect(await methods.diff(created.id, olds, news)).to.deep.equal({ changes: false, replaces: [], deleteBeforeReplace: false });
    });

    it("create with invalid inputs (called without check) fails before any API call", async () => {
        const { api, methods } = setup();
        const err = await rejection(methods.create(sampleArgs({ priority: "9" }) as never));
        expect(err.message).to.equal(
            `invalid SmsCampaign inputs:\n  - priority must be "1" to "5" (a number 1 to 5 is also accepted); got "9"`,
        );
        expect(api.calls).to.deep.equal([]);
    });
});
