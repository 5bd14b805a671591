import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
// The built package, as a program gets it: the serialized form depends on the compiled code.
import { SmsCampaign, smsCampaignProvider } from "pulumi-kore-sms";
import { sampleArgs } from "./fixtures";

interface Registered {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
}

function outputValue<T>(o: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => o.apply((v) => resolve(v)));
}

describe("SmsCampaign resource class (pulumi.runtime.setMocks)", () => {
    const registered: Registered[] = [];
    before(async () => {
        await pulumi.runtime.setMocks(
            {
                newResource: (args) => {
                    registered.push({ type: args.type, name: args.name, inputs: args.inputs });
                    return {
                        id: "cd-mock-1",
                        state: { ...args.inputs, campaignId: "cd-mock-1", status: "Ready", createdAt: "t0", updatedAt: "t0" },
                    };
                },
                call: (args) => args.inputs,
            },
            "project",
            "stack",
            false,
        );
    });

    it("registers a dynamic resource of type kore:SmsCampaign whose outputs carry id, status and timestamps", async () => {
        const campaign = new SmsCampaign("reminder", sampleArgs() as never);
        expect(await outputValue(campaign.campaignId)).to.equal("cd-mock-1");
        expect(await outputValue(campaign.status)).to.equal("Ready");
        expect(await outputValue(campaign.createdAt)).to.equal("t0");
        expect(await outputValue(campaign.id)).to.equal("cd-mock-1");
        const reg = registered.find((r) => r.name === "reminder")!;
        expect(reg.type).to.equal("pulumi-nodejs:dynamic/kore:SmsCampaign");
        expect(reg.inputs.name).to.equal("Event Reminder SMS Campaign");
        expect(reg.inputs.__provider).to.be.a("string");
    });

    it("stores a connection as a secret even when the user passes it in plain text", async () => {
        const campaign = new SmsCampaign(
            "with-connection",
            sampleArgs({ connection: { host: "https://platform.kore.ai", clientSecret: "plain-secret" } }) as never,
        );
        await outputValue(campaign.id);
        const inputs = registered.find((r) => r.name === "with-connection")!.inputs;
        // The monitor receives it in Pulumi's secret envelope, so the engine encrypts it in state.
        expect(inputs.connection).to.deep.equal({
            "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
            value: { host: "https://platform.kore.ai", clientSecret: "plain-secret" },
        });
        // The serialized provider never holds it.
        expect(inputs.__provider as string).to.not.include("plain-secret");
    });
});

describe("the serialized provider", () => {
    it("is small, holds no credential, and only loads the runtime from the installed package", async () => {
        process.env.KORE_CLIENT_SECRET = "env-secret-must-not-be-captured";
        try {
            const serialized = await pulumi.runtime.serializeFunction(() => smsCampaignProvider, { isFactoryFunction: true });
            const size = Buffer.byteLength(serialized.text);
            console.log(`      serialized provider: ${size} bytes`);
            expect(size).to.be.below(4096);
            expect(serialized.text).to.not.include("env-secret-must-not-be-captured");
            expect(serialized.text).to.include(`require(RUNTIME_MODULE)`);
            expect(serialized.text).to.include(`"pulumi-kore-sms/provider-runtime"`);
            // Nothing but the module name is captured: no got, jose, zod or settings.
            expect(serialized.text).to.not.match(/got|jose|zod|KORE_|clientSecret/);
            for (const method of ["configure", "check", "diff", "create", "read", "update", "delete"])
                expect(serialized.text).to.include(`${method}: __f`);
        } finally {
            delete process.env.KORE_CLIENT_SECRET;
        }
    });
});
