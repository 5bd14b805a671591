// @engine: credentials given three ways (stack config secret, environment, a secret `connection`
// input) each work through the real engine, and none reaches the state files or the engine's output.
import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Emulator } from "../../provider/emulator";
import { EngineStack, REPO, installExample, requirePulumiCli } from "./harness";
import { CLIENT_ID, CLIENT_SECRET, IID, assertNoCredentialLeak, koreConfig, startTestEmulator, withoutSecretEnvelopes } from "./common";

describe("@engine credentials: stack config, environment and a connection input each work and none leaks", function () {
    this.timeout(600_000);
    const workDir = path.join(REPO, "examples", "typescript");
    let cliDir: string;
    let emulator: Emulator;
    const stacks: EngineStack[] = [];

    before(async () => {
        cliDir = requirePulumiCli();
        installExample(workDir);
        emulator = await startTestEmulator();
    });
    after(async () => {
        for (const s of stacks) {
            await s.cleanup();
            fs.rmSync(path.join(workDir, `Pulumi.${s.stack.name}.yaml`), { force: true });
        }
        await emulator?.close();
    });

    async function roundTrip(es: EngineStack, accounts: Record<string, string>, inspect?: () => Promise<void>): Promise<void> {
        stacks.push(es);
        const { summary } = await es.up();
        await inspect?.();
        expect(summary).to.deep.equal({ create: 3 });
        for (const [name, account] of Object.entries(accounts))
            expect(
                emulator.campaigns(account).map((c) => c.name),
                `${name} in ${account}`,
            ).to.include(name);
        assertNoCredentialLeak(es.stateFilesText(), "the state files on disk");
        assertNoCredentialLeak(es.engineLog(), "the engine's events and output");
        assertNoCredentialLeak(JSON.stringify(withoutSecretEnvelopes(await es.stack.exportStack())), "the state outside secret envelopes");
        expect((await es.destroy()).summary).to.deep.equal({ delete: 3 });
        for (const account of new Set(Object.values(accounts))) expect(emulator.campaigns(account)).to.deep.equal([]);
    }

    it("stack config: kore:clientSecret set as a secret", async () => {
        const es = await EngineStack.create({
            workDir,
            stackName: `cred-config-${process.pid}`,
            cliDir,
            config: koreConfig(emulator, "acc-config"),
        });
        const stackFile = fs.readFileSync(path.join(workDir, `Pulumi.cred-config-${process.pid}.yaml`), "utf8");
        expect(stackFile).to.match(/kore:clientSecret:\s+secure: /);
        await roundTrip(es, { "Event Reminder SMS Campaign": "acc-config", "Renewal Notice": "acc-config" });
    });

    it("environment: KORE_* variables only, no stack config", async () => {
        const es = await EngineStack.create({
            workDir,
            stackName: `cred-env-${process.pid}`,
            cliDir,
            env: {
                KORE_HOST: emulator.url,
                KORE_IID: IID,
                KORE_ACCOUNT_ID: "acc-env",
                KORE_CLIENT_ID: CLIENT_ID,
                KORE_CLIENT_SECRET: CLIENT_SECRET,
            },
        });
        await roundTrip(es, { "Event Reminder SMS Campaign": "acc-env", "Renewal Notice": "acc-env" });
    });

    it("connection input: one campaign uses its own secret connection, above the stack config; delete uses it too", async () => {
        const es = await EngineStack.create({
            workDir,
            stackName: `cred-connection-${process.pid}`,
            cliDir,
            config: {
                ...koreConfig(emulator, "acc-stack"),
                connectionHost: { value: emulator.url },
                connectionIid: { value: IID },
                connectionAccountId: { value: "acc-connection" },
                connectionClientId: { value: CLIENT_ID },
                connectionClientSecret: { value: CLIENT_SECRET, secret: true },
            },
        });
        await roundTrip(es, { "Event Reminder SMS Campaign": "acc-connection", "Renewal Notice": "acc-stack" }, async () => {
            // The reminder keeps its connection, encrypted, so that refresh and delete can use it later.
            const exported = await es.stack.exportStack();
            const resources = exported.deployment.resources as { urn: string; outputs?: Record<string, unknown> }[];
            const reminder = resources.find((r) => r.urn.endsWith("::event-reminder"))!;
            expect(reminder.outputs!.connection).to.have.property("4dabf18193072939515e22adb298388d");
            expect(es.stateFilesText()).to.match(
                /"connection":\{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","ciphertext":/,
            );
        });
    });
});
