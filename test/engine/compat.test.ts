// @engine: the oldest @pulumi/pulumi our peer range claims (3.139.0, the first with dynamic
// `configure`) runs the TypeScript example through the engine: create, no perpetual diff, replace, destroy.
import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Emulator } from "../../provider/emulator";
import { assertNoCredentialLeak, koreConfig, startTestEmulator } from "./common";
import { EngineStack, REPO, installExample, requirePulumiCli } from "./harness";

export const OLDEST_SDK = "3.139.0";

describe(`@engine oldest supported SDK: @pulumi/pulumi ${OLDEST_SDK}`, function () {
    this.timeout(600_000);
    let workDir: string;
    let emulator: Emulator;
    let es: EngineStack;

    before(async () => {
        const cliDir = requirePulumiCli();
        // A copy of the TypeScript example whose only change is the SDK version (and where to find this package).
        workDir = fs.mkdtempSync(path.join(os.tmpdir(), "kore-sms-compat-"));
        const source = path.join(REPO, "examples", "typescript");
        for (const file of ["Pulumi.yaml", "index.ts", "tsconfig.json", ".npmrc"])
            fs.copyFileSync(path.join(source, file), path.join(workDir, file));
        const pkg = JSON.parse(fs.readFileSync(path.join(source, "package.json"), "utf8"));
        pkg.dependencies["@pulumi/pulumi"] = OLDEST_SDK;
        pkg.dependencies["pulumi-kore-sms"] = `file:${REPO}`;
        fs.writeFileSync(path.join(workDir, "package.json"), JSON.stringify(pkg, null, 2));
        installExample(workDir);
        const installed = JSON.parse(fs.readFileSync(path.join(workDir, "node_modules", "@pulumi", "pulumi", "package.json"), "utf8"));
        expect(installed.version).to.equal(OLDEST_SDK);
        emulator = await startTestEmulator();
        es = await EngineStack.create({ workDir, stackName: "compat", cliDir, config: koreConfig(emulator) });
    });

    after(async () => {
        await es?.cleanup();
        await emulator?.close();
        if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
    });

    it("creates, shows no changes on a second preview, replaces on a new message, and destroys", async () => {
        expect((await es.up()).summary).to.deep.equal({ create: 3 });
        expect(emulator.campaigns()).to.have.length(2);
        expect((await es.preview()).summary).to.deep.equal({ same: 3 });

        await es.stack.setConfig("reminderMessage", { value: "Changed with the oldest SDK." });
        expect((await es.up()).summary).to.deep.equal({ replace: 1, same: 2 });
        expect(emulator.campaigns().filter((c) => c.lname === "event reminder sms campaign")).to.have.length(1);

        assertNoCredentialLeak(es.stateFilesText(), "the state files on disk");
        expect((await es.destroy()).summary).to.deep.equal({ delete: 3 });
        expect(emulator.campaigns()).to.deep.equal([]);
    });
});
