// @engine: the real Pulumi engine drives the example programs against the emulator.
// program -> engine -> pulumi-resource-pulumi-nodejs -> deserialized provider -> HTTP -> emulator.
import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Emulator, ReceivedRequest } from "../../provider/emulator";
import {
    ACCOUNT,
    CLIENT_ID,
    CREATE_PATH,
    DEFAULT_REMINDER,
    IID,
    assertNoCredentialLeak,
    b64,
    koreConfig,
    startTestEmulator,
    withoutSecretEnvelopes,
} from "./common";
import { EngineStack, REPO, expectFailure, installExample, requirePulumiCli } from "./harness";

const weekdays = ["MO", "TU", "WE", "TH", "FR"].map((day) => ({ day, start: "9:00 AM", end: "6:00 PM" }));

/** The bodies Kore.ai's docs say a create takes, for the two campaigns of the example programs. */
function documentedBodies(reminderMessage: string) {
    return {
        "Event Reminder SMS Campaign": {
            name: "Event Reminder SMS Campaign",
            description: "Reminds registered users of the upcoming event.",
            contactLists: ["Renewal Due - May/June 2025"],
            campaignType: "sms",
            priority: "5",
            format: "simple",
            message: { templateId: "", message: b64(reminderMessage) },
            dialingStrategy: {
                callerId: { phoneNumber: "+919876543210" },
                callingHours: { frequency: "WEEKLY", timezone: "Asia/Kolkata", days: weekdays },
            },
            schedule: { isSchedulingEnabled: false },
        },
        "Renewal Notice": {
            name: "Renewal Notice",
            contactLists: ["Newsletter", "VIP Customers"],
            campaignType: "sms",
            priority: "3",
            format: "simple",
            message: { templateId: "", message: "Your plan renews next week. Reply STOP to opt out." },
            dialingStrategy: {
                callerId: { phoneNumber: "+14155550123" },
                callingHours: {
                    frequency: "DAILY",
                    timezone: "America/New_York",
                    days: [{ day: "SA", start: "10:00 AM", end: "4:30 PM" }],
                },
            },
        },
    };
}

const apiCalls = (emulator: Emulator): ReceivedRequest[] => emulator.received();
const mutating = (reqs: ReceivedRequest[]) => reqs.filter((r) => r.method !== "GET");

for (const example of ["typescript", "esm"]) {
    describe(`@engine ${example} example: preview, up, refresh and destroy through the real engine`, function () {
        this.timeout(600_000);
        const workDir = path.join(REPO, "examples", example);
        let emulator: Emulator;
        let es: EngineStack;
        const ids: Record<string, string> = {};

        before(async function () {
            const cliDir = requirePulumiCli();
            installExample(workDir);
            emulator = await startTestEmulator();
            es = await EngineStack.create({ workDir, stackName: `lifecycle-${process.pid}`, cliDir, config: koreConfig(emulator) });
        });

        after(async () => {
            await es?.cleanup();
            await emulator?.close();
            fs.rmSync(path.join(workDir, `Pulumi.lifecycle-${process.pid}.yaml`), { force: true });
        });

        it("1. up creates both campaigns with exactly the documented requests; outputs carry id, status and timestamps", async () => {
            const { summary, outputs } = await es.up();
            expect(summary).to.deep.equal({ create: 3 });

            const calls = apiCalls(emulator);
            const creates = calls.filter((r) => r.method === "POST");
            expect(creates.map((r) => r.path)).to.deep.equal([CREATE_PATH, CREATE_PATH]);
            const bodies = documentedBodies(DEFAULT_REMINDER);
            for (const r of creates) {
                expect(r.query).to.deep.equal({ campaignType: "sms" });
                expect(r.body).to.deep.equal(bodies[(r.body as { name: keyof typeof bodies }).name]);
            }
            // The rest are status polls on the documented get path, while the campaigns were Preparing.
            const stored = emulator.campaigns();
            expect(stored).to.have.length(2);
            for (const c of stored) ids[c.name] = c._id;
            for (const r of calls.filter((c) => c.method !== "POST")) {
                expect(r.method).to.equal("GET");
                expect(Object.values(ids).map((id) => `${CREATE_PATH}/${id}`)).to.include(r.path);
            }
            for (const r of calls) {
                expect(r).to.include({ iid: IID, accountId: ACCOUNT, status: 200 });
                expect(r.jwt.valid, r.jwt.error).to.equal(true);
                expect(r.jwt.claims).to.include({ appId: CLIENT_ID, sub: "pulumi-kore-sms" });
            }

            const campaigns = outputs.campaigns as Record<string, { id: string; status: string; createdAt: string; updatedAt: string }>;
            expect(campaigns.reminder.id).to.equal(ids["Event Reminder SMS Campaign"]);
            expect(campaigns.renewal.id).to.equal(ids["Renewal Notice"]);
            for (const c of Object.values(campaigns)) {
                expect(c.status).to.equal("Ready");
                expect(Number.isNaN(Date.parse(c.createdAt)), c.createdAt).to.equal(false);
                expect(Number.isNaN(Date.parse(c.updatedAt)), c.updatedAt).to.equal(false);
            }
        });

        it("2. an immediate preview shows no changes, and so does one after refresh", async () => {
            emulator.clearReceived();
            expect((await es.preview()).summary).to.deep.equal({ same: 3 });
            expect(apiCalls(emulator)).to.deep.equal([]);
            const refreshed = await es.refresh();
            expect(refreshed.summary).to.deep.equal({ same: 3 });
            expect(apiCalls(emulator).map((r) => r.method)).to.deep.equal(["GET", "GET"]);
            expect((await es.preview()).summary).to.deep.equal({ same: 3 });
        });

        it("3. a new message replaces that campaign only, deleting it first; one campaign of that name remains", async () => {
            await es.stack.setConfig("reminderMessage", { value: "The event starts at 10:00 tomorrow." });
            const preview = await es.preview();
            expect(preview.summary).to.deep.equal({ replace: 1, same: 2 });
            const steps = EngineStack.steps(preview.run);
            expect(steps["event-reminder"]).to.include("replace");
            expect(steps["renewal-notice"]).to.deep.equal(["same"]);
            expect(preview.run.output).to.match(/event-reminder/);
            // The people on the contact list may get the message again: the engine reports the provider's
            // warning as a diagnostic (the CLI prints it under "Diagnostics").
            const diagnostics = preview.run.events.map((e) => e.diagnosticEvent?.message ?? "").filter((m) => m.startsWith("warning:"));
            expect(diagnostics.join("\n")).to.include(
                `SmsCampaign "Event Reminder SMS Campaign" (${ids["Event Reminder SMS Campaign"]}) differs from the program in message, so \`pulumi up\` REPLACES it`,
            );

            emulator.clearReceived();
            const { summary } = await es.up();
            expect(summary).to.deep.equal({ replace: 1, same: 2 });
            const calls = mutating(apiCalls(emulator));
            expect(calls.map((r) => `${r.method} ${r.path}`)).to.deep.equal([
                `DELETE ${CREATE_PATH}/${ids["Event Reminder SMS Campaign"]}`,
                `POST ${CREATE_PATH}`,
            ]);
            const named = emulator.campaigns().filter((c) => c.lname === "event reminder sms campaign");
            expect(named).to.have.length(1);
            expect(named[0].message.message).to.equal(b64("The event starts at 10:00 tomorrow."));
            expect(emulator.campaigns().find((c) => c.name === "Renewal Notice")!._id).to.equal(ids["Renewal Notice"]);
            ids["Event Reminder SMS Campaign"] = named[0]._id;
        });

        it("4. a provider-only option, or a new version of the provider's code, replaces nothing and calls no create or delete", async () => {
            await es.stack.setConfig("readyTimeoutSeconds", { value: "5" });
            expect((await es.preview()).summary).to.deep.equal({ update: 2, same: 1 });
            emulator.clearReceived();
            expect((await es.up()).summary).to.deep.equal({ update: 2, same: 1 });
            expect(apiCalls(emulator)).to.deep.equal([]);

            // Simulate upgrading the package: new code in the installed copy changes the serialized provider.
            const installed = path.join(workDir, "node_modules", "pulumi-kore-sms", "dist", "resource.js");
            const code = fs.readFileSync(installed, "utf8");
            expect(code).to.include(".check(olds, news);");
            fs.writeFileSync(installed, code.replace(".check(olds, news);", ".check(olds, news); /* upgraded */"));
            try {
                expect((await es.preview()).summary).to.deep.equal({ same: 3 });
                const { summary } = await es.up();
                expect(summary.create ?? 0).to.equal(0);
                expect(summary.replace ?? 0).to.equal(0);
                expect(summary.delete ?? 0).to.equal(0);
                expect(mutating(apiCalls(emulator))).to.deep.equal([]);
                const state = JSON.stringify(await es.stack.exportStack());
                expect(state).to.include("/* upgraded */");
            } finally {
                fs.writeFileSync(installed, code);
            }
        });

        it("5. drift: a change in Kore.ai shows in refresh; a campaign deleted there drops out of state and the next up recreates it", async () => {
            emulator.patchCampaign(ids["Renewal Notice"], { priority: "1" });
            const refreshed = await es.refresh();
            expect(refreshed.summary).to.deep.equal({ update: 1, same: 2 });
            const preview = await es.preview();
            expect(EngineStack.steps(preview.run)["renewal-notice"]).to.include("replace");

            emulator.removeCampaign(ids["Event Reminder SMS Campaign"]);
            const gone = await es.refresh();
            // The renewal's drift is still there, so refresh keeps reporting it.
            expect(gone.summary).to.deep.equal({ delete: 1, update: 1, same: 1 });
            const state = await es.stack.exportStack();
            const names = (state.deployment.resources as { urn: string }[]).map((r) => r.urn.split("::").pop());
            expect(names).to.not.include("event-reminder");

            const { summary } = await es.up();
            expect(summary).to.deep.equal({ create: 1, replace: 1, same: 1 });
            const stored = emulator.campaigns();
            expect(stored.map((c) => c.name).sort()).to.deep.equal(["Event Reminder SMS Campaign", "Renewal Notice"]);
            expect(stored.find((c) => c.name === "Renewal Notice")!.priority).to.equal("3");
        });

        it("6. bad input fails preview with the property-named message, and the API receives nothing", async () => {
            await es.stack.setConfig("reminderPriority", { value: "9" });
            emulator.clearReceived();
            try {
                const error = await expectFailure(es.preview());
                expect(error).to.include(`priority must be "1" to "5" (a number 1 to 5 is also accepted); got "9"`);
                expect(apiCalls(emulator)).to.deep.equal([]);
            } finally {
                await es.stack.removeConfig("reminderPriority");
            }
        });

        it("8. neither the state files nor the engine's events hold the client secret or a JWT; __provider is small", async () => {
            assertNoCredentialLeak(es.stateFilesText(), "the state files on disk");
            assertNoCredentialLeak(
                fs.readFileSync(path.join(workDir, `Pulumi.lifecycle-${process.pid}.yaml`), "utf8"),
                "the stack config file",
            );
            assertNoCredentialLeak(es.engineLog(), "the engine's events and output");
            // exportStack decrypts (--show-secrets): there the secret may appear only inside a secret envelope.
            const state = await es.stack.exportStack();
            assertNoCredentialLeak(JSON.stringify(withoutSecretEnvelopes(state)), "the exported state outside secret envelopes");
            const resources = (state.deployment.resources as { type: string; urn: string; inputs?: { __provider?: string } }[]).filter(
                (r) => r.type.startsWith("pulumi-nodejs:dynamic"),
            );
            expect(resources).to.have.length(2);
            for (const r of resources) {
                const bytes = Buffer.byteLength(r.inputs!.__provider!);
                console.log(`      __provider of ${r.urn.split("::").pop()}: ${bytes} bytes`);
                expect(bytes).to.be.below(4096);
            }
        });

        it("7. destroy leaves the emulator empty", async () => {
            const { summary } = await es.destroy();
            expect(summary).to.deep.equal({ delete: 3 });
            expect(emulator.campaigns()).to.deep.equal([]);
            const state = await es.stack.exportStack();
            expect(state.deployment.resources ?? []).to.deep.equal([]);
        });
    });
}
