#!/usr/bin/env node
// kore-campaign-emulator: runs the offline Kore.ai campaign API emulator until SIGINT/SIGTERM.
// Every flag also reads from KORE_EMULATOR_<NAME> (a flag wins). See docs/emulator.md.
import { parseArgs } from "node:util";
import { startEmulator } from "./server";
import { DEFAULT_CONTACT_LISTS, DEFAULT_PREPARING_MS, type EmulatorOptions } from "./types";

const USAGE = `Usage: kore-campaign-emulator [options]

  --port N            port (default 8787; 0 = a free one)          KORE_EMULATOR_PORT
  --host H            loopback address only (default 127.0.0.1)     KORE_EMULATOR_HOST
  --client-id ID      the app's client id (default cs-emulator)     KORE_EMULATOR_CLIENT_ID
  --client-secret S   the JWT signing secret (default emulator-secret; prefer the env var)
                                                                    KORE_EMULATOR_CLIENT_SECRET
  --iid IID           the app id in paths (default st-emulator)     KORE_EMULATOR_IID
  --account-id A      accepted accountId; repeatable or "A,B" (default: any)
                                                                    KORE_EMULATOR_ACCOUNT_ID
  --contact-lists L   existing contact lists, "A,B" (default: ${DEFAULT_CONTACT_LISTS.join(", ")})
                                                                    KORE_EMULATOR_CONTACT_LISTS
  --preparing-ms N    ms a new campaign stays Preparing (default ${DEFAULT_PREPARING_MS})  KORE_EMULATOR_PREPARING_MS
  --data-file F       persist campaigns to this JSON file           KORE_EMULATOR_DATA_FILE
  --enforce-jti       require a fresh jti and a lifetime <= 1 h     KORE_EMULATOR_ENFORCE_JTI=1
  -h, --help          this text
`;

class UsageError extends Error {}

const list = (values: readonly string[]): string[] =>
    values
        .flatMap((v) => v.split(","))
        .map((v) => v.trim())
        .filter(Boolean);

function integer(name: string, raw: string, min: number, max: number): number {
    const n = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(n) || n < min || n > max)
        throw new UsageError(`${name} must be an integer ${min} to ${max}; got "${raw}"`);
    return n;
}

function flag(raw: string | undefined): boolean {
    return raw !== undefined && /^(1|true|yes|on)$/i.test(raw.trim());
}

/** Options from argv and the environment (a flag wins over its variable). Exported for tests. */
export function optionsFrom(argv: string[], env: NodeJS.ProcessEnv): (EmulatorOptions & { port: number; host: string }) | "help" {
    let parsed;
    try {
        parsed = parseArgs({
            args: argv,
            strict: true,
            allowPositionals: false,
            options: {
                port: { type: "string" },
                host: { type: "string" },
                "client-id": { type: "string" },
                "client-secret": { type: "string" },
                iid: { type: "string" },
                "account-id": { type: "string", multiple: true },
                "contact-lists": { type: "string", multiple: true },
                "preparing-ms": { type: "string" },
                "data-file": { type: "string" },
                "enforce-jti": { type: "boolean" },
                help: { type: "boolean", short: "h" },
            },
        });
    } catch (err) {
        throw new UsageError((err as Error).message);
    }
    const v = parsed.values;
    if (v.help) return "help";
    const pick = (value: string | undefined, name: string): string | undefined => value ?? (env[`KORE_EMULATOR_${name}`] || undefined);

    const accounts = list(v["account-id"] ?? (env.KORE_EMULATOR_ACCOUNT_ID ? [env.KORE_EMULATOR_ACCOUNT_ID] : []));
    const contactLists = list(v["contact-lists"] ?? (env.KORE_EMULATOR_CONTACT_LISTS ? [env.KORE_EMULATOR_CONTACT_LISTS] : []));
    const preparing = pick(v["preparing-ms"], "PREPARING_MS");
    const dataFile = pick(v["data-file"], "DATA_FILE");
    return {
        port: integer("--port", pick(v.port, "PORT") ?? "8787", 0, 65535),
        host: pick(v.host, "HOST") ?? "127.0.0.1",
        clientId: pick(v["client-id"], "CLIENT_ID") ?? "cs-emulator",
        clientSecret: pick(v["client-secret"], "CLIENT_SECRET") ?? "emulator-secret",
        iid: pick(v.iid, "IID") ?? "st-emulator",
        ...(accounts.length > 0 ? { accounts } : {}),
        contactLists: contactLists.length > 0 ? contactLists : [...DEFAULT_CONTACT_LISTS],
        preparingMs: preparing === undefined ? DEFAULT_PREPARING_MS : integer("--preparing-ms", preparing, 0, 86_400_000),
        ...(dataFile ? { dataFile } : {}),
        enforceJti: v["enforce-jti"] === true || flag(env.KORE_EMULATOR_ENFORCE_JTI),
    };
}

async function main(): Promise<void> {
    let options: ReturnType<typeof optionsFrom>;
    try {
        options = optionsFrom(process.argv.slice(2), process.env);
    } catch (err) {
        process.stderr.write(`kore-campaign-emulator: ${(err as Error).message}\n\n${USAGE}`);
        process.exitCode = 2;
        return;
    }
    if (options === "help") {
        process.stdout.write(USAGE);
        return;
    }
    const emulator = await startEmulator({ ...options, log: (line) => process.stdout.write(`${line}\n`) });
    process.stdout.write(`kore-campaign-emulator listening on ${emulator.url} (iid ${options.iid})\n`);

    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
        if (stopping) {
            process.exit(130); // a second signal: do not wait
        }
        stopping = true;
        emulator.close().then(
            () => {
                process.stderr.write(`kore-campaign-emulator stopped (${signal})\n`);
                process.exitCode = 0;
            },
            (err: unknown) => {
                process.stderr.write(`kore-campaign-emulator: error while closing: ${(err as Error).message}\n`);
                process.exitCode = 1;
            },
        );
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
}

if (require.main === module) {
    main().catch((err: unknown) => {
        process.stderr.write(`kore-campaign-emulator: ${(err as Error)?.message ?? String(err)}\n`);
        process.exitCode = 1;
    });
}
