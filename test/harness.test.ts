// The engine suites must fail, never skip, when the Pulumi CLI is missing.
import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { requirePulumiCli } from "./engine/harness";

/** Runs fn with PATH and PULUMI_CLI_DIR set as given, restoring both afterwards. */
function withCliEnv(vars: { PATH: string; PULUMI_CLI_DIR: string }, fn: () => void): void {
    const saved = { PATH: process.env.PATH, PULUMI_CLI_DIR: process.env.PULUMI_CLI_DIR };
    Object.assign(process.env, vars);
    try {
        fn();
    } finally {
        process.env.PATH = saved.PATH;
        if (saved.PULUMI_CLI_DIR === undefined) delete process.env.PULUMI_CLI_DIR;
        else process.env.PULUMI_CLI_DIR = saved.PULUMI_CLI_DIR;
    }
}

describe("engine harness", () => {
    let dir: string;
    beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "cli-dir-"))));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("fails loudly, saying how to get the CLI, when no Pulumi CLI is on PATH or in PULUMI_CLI_DIR", () => {
        withCliEnv({ PATH: dir, PULUMI_CLI_DIR: dir }, () =>
            expect(() => requirePulumiCli()).to.throw(/was not found in PULUMI_CLI_DIR or on PATH\. Run `scripts\/ensure-pulumi-cli`/),
        );
    });

    it("takes a directory only when it holds pulumi and both Node.js plugins", () => {
        for (const b of ["pulumi", "pulumi-language-nodejs", "pulumi-resource-pulumi-nodejs"]) fs.writeFileSync(path.join(dir, b), "");
        withCliEnv({ PATH: dir, PULUMI_CLI_DIR: dir }, () => expect(requirePulumiCli()).to.equal(dir));
        fs.rmSync(path.join(dir, "pulumi-resource-pulumi-nodejs"));
        withCliEnv({ PATH: dir, PULUMI_CLI_DIR: dir }, () => expect(() => requirePulumiCli()).to.throw(/was not found/));
    });
});
