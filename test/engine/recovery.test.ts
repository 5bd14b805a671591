// @engine: a run interrupted after Kore.ai stored a campaign but before Pulumi saved it leaves no
// invisible orphan and no duplicate: the next run names the campaign and how to adopt it, and
// adopting it takes it over without a second create.
import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Emulator } from "../../provider/emulator";
import { koreConfig, startTestEmulator } from "./common";
import { EngineStack, REPO, expectFailure, installExample, requirePulumiCli } from "./harness";

describe("@engine recovery from an interrupted run", function () {
    this.timeout(600_000);
    const workDir = path.join(REPO, "examples", "typescript");
    const stackName = `recovery-${process.pid}`;
    let emulator: Emulator;
    let es: EngineStack;

    before(async () => {
        const cliDir = requirePulumiCli();
        installExample(workDir);
        emulator = await startTestEmulator();
        es = await EngineStack.create({ workDir, stackName, cliDir, config: koreConfig(emulator) });
    });
    after(async () => {
        await es?.cleanup();
        await emulator?.close();
        fs.rmSync(path.join(workDir, `Pulumi.${stackName}.yaml`), { force: true });
    });

    it("names the campaign the lost run created, adopts it on request, and never creates a duplicate", async () => {
        await es.up();
        const orphan = emulator.campaigns().find((c) => c.name === "Event Reminder SMS Campaign")!;

        // The state write of that create is lost: the campaign exists, the state does not know it.
        const state = await es.stack.exportStack();
        state.deployment.resources = (state.deployment.resources as { urn: string }[]).filter((r) => !r.urn.endsWith("::event-reminder"));
        await es.stack.importStack(state);
        expect((await es.preview()).summary).to.deep.equal({ create: 1, same: 2 });

        emulator.clearReceived();
        const error = await expectFailure(es.up());
        expect(error).to.include(`Kore.ai already has a campaign named "Event Reminder SMS Campaign" (id ${orphan._id}`);
        expect(error).to.include(`set adoptExistingId: "${orphan._id}" to take it over`);
        expect(emulator.campaigns()).to.have.length(2);

        await es.stack.setConfig("reminderAdoptId", { value: orphan._id });
        emulator.clearReceived();
        expect((await es.up()).summary).to.deep.equal({ create: 1, same: 2 });
        expect(emulator.received().filter((r) => r.method === "POST")).to.deep.equal([]);
        expect(emulator.campaigns().map((c) => c._id)).to.include(orphan._id);
        expect(emulator.campaigns()).to.have.length(2);

        // Once adopted, dropping adoptExistingId changes nothing in Kore.ai.
        await es.stack.removeConfig("reminderAdoptId");
        emulator.clearReceived();
        expect((await es.up()).summary).to.deep.equal({ update: 1, same: 2 });
        expect(emulator.received()).to.deep.equal([]);

        expect((await es.destroy()).summary).to.deep.equal({ delete: 3 });
        expect(emulator.campaigns()).to.deep.equal([]);
    });
});
