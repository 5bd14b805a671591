// Runs real Pulumi programs through the real engine (Automation API + the CLI built by
// scripts/ensure-pulumi-cli) against the emulator, recording what the engine and the emulator saw.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { EngineEvent, LocalWorkspace, OpMap, PulumiCommand, Stack } from "@pulumi/pulumi/automation";

export const REPO = path.resolve(__dirname, "..", "..");
export const PASSPHRASE = "engine-test-passphrase";

/**
 * The directory holding `pulumi`, `pulumi-language-nodejs` and `pulumi-resource-pulumi-nodejs`.
 * A missing CLI is a failure, never a skip: these tests are the proof that the provider works.
 */
export function requirePulumiCli(): string {
    const candidates = [process.env.PULUMI_CLI_DIR, ...(process.env.PATH ?? "").split(path.delimiter)].filter(Boolean) as string[];
    for (const dir of candidates) {
        const ok = ["pulumi", "pulumi-language-nodejs", "pulumi-resource-pulumi-nodejs"].every((b) => fs.existsSync(path.join(dir, b)));
        if (ok) return dir;
    }
    throw new Error(
        "The Pulumi CLI (pulumi, pulumi-language-nodejs, pulumi-resource-pulumi-nodejs) was not found in PULUMI_CLI_DIR or on PATH. " +
            "Run `scripts/ensure-pulumi-cli` (it builds the pinned version from Go modules) and put the directory it prints on PATH, " +
            "or run the tests with `npm test`, which does both.",
    );
}

/**
 * Installs an example's dependencies, with this repository's package copied in as from the registry.
 * npm keeps an existing copy of a `file:` dependency whose version did not change, so the copy is
 * removed first, and then checked against the freshly built dist: the engine must run this code.
 */
export function installExample(dir: string): void {
    const copy = path.join(dir, "node_modules", "pulumi-kore-sms");
    fs.rmSync(copy, { recursive: true, force: true });
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir, stdio: "pipe", timeout: 300_000 });
    for (const file of fs.readdirSync(path.join(REPO, "dist")).filter((f) => f.endsWith(".js"))) {
        const built = fs.readFileSync(path.join(REPO, "dist", file), "utf8");
        const installed = fs.readFileSync(path.join(copy, "dist", file), "utf8");
        expect(installed, `${dir}: installed dist/${file} differs from the built one`).to.equal(built);
    }
}

export interface RunRecord {
    events: EngineEvent[];
    output: string;
}

interface RecordingOptions {
    onEvent: (e: EngineEvent) => void;
    onOutput: (s: string) => void;
    color: "never";
}

export interface EngineStackOptions {
    workDir: string;
    stackName: string;
    cliDir: string;
    /** Extra environment for the CLI, the program and the provider process. */
    env?: Record<string, string>;
    config?: Record<string, { value: string; secret?: boolean }>;
}

/** One stack of a real project on a file backend in a temp dir, with every run's events kept. */
export class EngineStack {
    readonly runs: RunRecord[] = [];
    private constructor(
        readonly stack: Stack,
        readonly backendDir: string,
    ) {}

    static async create(opts: EngineStackOptions): Promise<EngineStack> {
        const backendDir = fs.mkdtempSync(path.join(os.tmpdir(), "kore-sms-backend-"));
        const pulumiHome = fs.mkdtempSync(path.join(os.tmpdir(), "kore-sms-home-"));
        const pulumiCommand = await PulumiCommand.get({ root: path.dirname(opts.cliDir), skipVersionCheck: false });
        const envVars: Record<string, string> = {
            PATH: `${opts.cliDir}${path.delimiter}${process.env.PATH}`,
            PULUMI_BACKEND_URL: `file://${backendDir}`,
            PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
            PULUMI_HOME: pulumiHome,
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
            ...opts.env,
        };
        const stack = await LocalWorkspace.createStack(
            { stackName: opts.stackName, workDir: opts.workDir },
            { envVars, pulumiCommand, pulumiHome },
        );
        if (opts.config) await stack.setAllConfig(opts.config);
        return new EngineStack(stack, backendDir);
    }

    /** Runs one operation with the engine's events and output recorded (also when it fails). */
    private async record<T>(operation: (opts: RecordingOptions) => Promise<T>): Promise<{ result: T; run: RunRecord }> {
        const run: RunRecord = { events: [], output: "" };
        try {
            const result = await operation({ onEvent: (e) => run.events.push(e), onOutput: (s) => (run.output += s), color: "never" });
            return { result, run };
        } finally {
            this.runs.push(run);
        }
    }

    async up(): Promise<{ summary: OpMap; outputs: Record<string, unknown>; run: RunRecord }> {
        const { result, run } = await this.record((o) => this.stack.up(o));
        const outputs = Object.fromEntries(Object.entries(result.outputs).map(([k, v]) => [k, v.value]));
        return { summary: result.summary.resourceChanges ?? {}, outputs, run };
    }

    async preview(): Promise<{ summary: OpMap; run: RunRecord }> {
        const { result, run } = await this.record((o) => this.stack.preview({ ...o, diff: true }));
        return { summary: result.changeSummary, run };
    }

    async refresh(): Promise<{ summary: OpMap; run: RunRecord }> {
        const { result, run } = await this.record((o) => this.stack.refresh(o));
        return { summary: result.summary.resourceChanges ?? {}, run };
    }

    async destroy(): Promise<{ summary: OpMap; run: RunRecord }> {
        const { result, run } = await this.record((o) => this.stack.destroy(o));
        return { summary: result.summary.resourceChanges ?? {}, run };
    }

    /** Steps of one run by resource name, e.g. { "event-reminder": ["replace"] }. */
    static steps(run: RunRecord): Record<string, string[]> {
        const out: Record<string, string[]> = {};
        for (const e of run.events) {
            const m = e.resourcePreEvent?.metadata;
            if (!m || m.type === "pulumi:pulumi:Stack") continue;
            const name = m.urn.split("::").pop()!;
            (out[name] ??= []).push(m.op);
        }
        return out;
    }

    /** Everything the engine said in every run, as text: events and console output. */
    engineLog(): string {
        return this.runs.map((r) => JSON.stringify(r.events) + "\n" + r.output).join("\n");
    }

    /** Every file the file backend wrote (current state, history, backups), as the bytes on disk. */
    stateFilesText(): string {
        const out: string[] = [];
        const walk = (dir: string) => {
            for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
                const p = path.join(dir, entry.name);
                if (entry.isDirectory()) walk(p);
                else out.push(fs.readFileSync(p, "utf8"));
            }
        };
        walk(this.backendDir);
        expect(out.length, "the file backend wrote no state").to.be.greaterThan(0);
        return out.join("\n");
    }

    async cleanup(): Promise<void> {
        await this.stack.workspace.removeStack(this.stack.name, { force: true }).catch(() => undefined);
        fs.rmSync(this.backendDir, { recursive: true, force: true });
    }
}

/** Fails with the command's error text when the promise resolves. */
export async function expectFailure(promise: Promise<unknown>): Promise<string> {
    try {
        await promise;
    } catch (e) {
        const err = e as { stderr?: string; stdout?: string; message?: string };
        return [err.message, err.stdout, err.stderr].filter(Boolean).join("\n");
    }
    throw new Error("expected the Pulumi operation to fail");
}
