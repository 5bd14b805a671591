// The provider's methods. The serialized provider in the state only `require`s this module (see
// resource.ts), so everything here runs in the engine's dynamic-provider process, reading settings
// at run time. `createProviderMethods` takes its I/O as dependencies so tests can swap them.
import { setTimeout as sleep } from "node:timers/promises";
import type * as pulumi from "@pulumi/pulumi";
import { CampaignApi, createKoreCampaignApi } from "./client";
import { changedDefinitionKeys, diffCampaign } from "./diff";
import { KoreApiError, KoreSettingsError, redact } from "./errors";
import { CampaignLocation, PROVIDER_OPTION_KEYS, definitionOf, providerOptionsOf, toApiBody, toOutputs } from "./mapping";
import { CheckFailure, checkCampaignInputs, containsUnknown } from "./schema";
import {
    KoreSettings,
    SETTING_KEYS,
    SettingsSource,
    TUNING_KEYS,
    connectionSource,
    resolveSettings,
    secretsOf,
    settingsFromConfig,
    settingsFromEnv,
    tuningFrom,
} from "./settings";
import { ApiCampaign, CampaignInputs, CampaignOutputs } from "./types";

/**
 * The engine prints the property's top-level value next to a check failure; for a nested path it
 * finds none and prints `{<nil>}`. The reason already leads with the full path, so nested failures
 * go to the engine as resource-level failures.
 */
export function forEngine(failure: CheckFailure): CheckFailure {
    return /[.[]/.test(failure.property) ? { property: "", reason: failure.reason } : failure;
}

/** What a replacement means for the people on the contact lists; shown at preview, up and refresh (drift). */
export function replacementWarning(id: string, held: Partial<CampaignOutputs>, replaces: string[], deleteFirst: boolean): string {
    const lists = held.contactLists?.length ? held.contactLists.map((l) => `"${l}"`).join(", ") : "its contact lists";
    return (
        `SmsCampaign "${held.name ?? id}" (${id}) differs from the program in ${replaces.join(", ")}, so \`pulumi up\` REPLACES it: ` +
        `${deleteFirst ? "the campaign is deleted first, then created again" : "a new campaign is created, then this one deleted"}. ` +
        `A new campaign may send its message again to every contact in ${lists}.`
    );
}

export interface ProviderDeps {
    /** Builds the API client for resolved settings. */
    apiFor(settings: KoreSettings): Promise<CampaignApi>;
    env: NodeJS.ProcessEnv;
    /** Milliseconds between status polls while waiting for a campaign to leave `Preparing`. */
    pollIntervalMs: number;
    /** The provider process's stderr reaches the engine, which shows it as a warning at preview and up. */
    warn(message: string): void;
}

export const defaultDeps: ProviderDeps = {
    apiFor: (settings) => createKoreCampaignApi(settings),
    env: process.env,
    pollIntervalMs: 1000,
    warn: (message) => process.stderr.write(`warning: ${message}\n`),
};

type Props = Record<string, unknown>;

/** Where resolved settings point: what create records and diff compares. */
function locationOf(settings: KoreSettings): CampaignLocation {
    return { host: settings.baseUrl, iid: settings.iid, accountId: settings.accountId };
}

function withoutProvider(props: Props | undefined): Props {
    const { __provider: _ignored, ...rest } = props ?? {};
    return rest;
}

export function createProviderMethods(deps: ProviderDeps = defaultDeps) {
    // Stack config, set once per process by `configure`. Never serialized, never logged.
    let config: Record<string, string | undefined> = {};
    const configGet = (key: string) => config[key];

    /** Resolves settings from the given sources, then stack config, then the environment. */
    const resolveWith = (...first: SettingsSource[]): KoreSettings =>
        resolveSettings(
            [
                ...first,
                { label: "stack config (kore:*)", values: settingsFromConfig(configGet) },
                { label: "the environment (KORE_*)", values: settingsFromEnv(deps.env) },
            ],
            tuningFrom(configGet, deps.env),
        );

    const settingsFor = (connection: CampaignInputs["connection"]): KoreSettings => resolveWith(connectionSource(connection));

    /** Settings for a campaign that exists: where it lives comes from the state, credentials as usual. */
    const settingsForExisting = (olds: Partial<CampaignOutputs>): KoreSettings =>
        resolveWith(
            { label: "the campaign's recorded location", values: { host: olds.host, iid: olds.iid, accountId: olds.accountId } },
            connectionSource(olds.connection),
        );

    /** Where the settings point now, for diff: "unknown" while the connection is not known (preview). */
    const currentLocation = (connection: unknown): CampaignLocation | "unknown" | undefined => {
        if (containsUnknown(connection)) return "unknown";
        try {
            return locationOf(settingsFor(connection as CampaignInputs["connection"]));
        } catch {
            return undefined; // check reports missing settings
        }
    };

    /** Every failure path ends here: the message is redacted against all credentials we could know. */
    const clean = (err: unknown, settings?: KoreSettings): Error => {
        const known = [
            ...secretsOf(settings),
            config["kore:clientSecret"],
            config["kore:jwt"],
            deps.env.KORE_CLIENT_SECRET,
            deps.env.KORE_JWT,
        ];
        const message = err instanceof Error ? err.message : String(err);
        const out = new Error(redact(message, known));
        out.name = err instanceof KoreApiError || err instanceof KoreSettingsError ? err.name : "Error";
        return out;
    };

    const validated = (props: Props): CampaignInputs => {
        const result = checkCampaignInputs(props);
        if (result.failures.length > 0)
            throw new KoreSettingsError(`invalid SmsCampaign inputs:\n  - ${result.failures.map((f) => f.reason).join("\n  - ")}`);
        return result.inputs as CampaignInputs;
    };

    async function waitWhilePreparing(api: CampaignApi, campaign: ApiCampaign, timeoutSeconds: number): Promise<ApiCampaign> {
        const deadline = Date.now() + timeoutSeconds * 1000;
        let current = campaign;
        while (current.status === "Preparing" && Date.now() < deadline) {
            await sleep(Math.min(deps.pollIntervalMs, Math.max(0, deadline - Date.now())));
            current = (await api.getCampaign(current._id)) ?? current;
        }
        return current;
    }

    /** Definition properties in which a campaign Kore.ai holds differs from the inputs. */
    const differences = (campaign: ApiCampaign, inputs: CampaignInputs): string[] =>
        changedDefinitionKeys(
            definitionOf(inputs),
            toOutputs(campaign, definitionOf(inputs), providerOptionsOf(inputs), inputs.messageEncoding),
        );

    async function adopt(api: CampaignApi, inputs: CampaignInputs, id: string): Promise<ApiCampaign> {
        const existing = await api.getCampaign(id);
        if (!existing)
            throw new KoreApiError(
                `adoptExistingId: Kore.ai has no campaign ${id} (it answered 404); check the id, the iid and the accountId`,
                404,
                "adopt",
            );
        const differing = differences(existing, inputs);
        if (differing.length > 0)
            throw new KoreApiError(
                `adoptExistingId: campaign ${id} ("${existing.name}") differs from this program in ${differing.join(", ")}. ` +
                    `Make the program match the campaign as Kore.ai holds it, then adopt; adopting never changes the campaign`,
                undefined,
                "adopt",
            );
        return existing;
    }

    const methods = {
        async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
            const next: Record<string, string | undefined> = {};
            for (const key of [...SETTING_KEYS, ...TUNING_KEYS]) next[`kore:${key}`] = req.config.get(`kore:${key}`);
            config = next;
        },

        async check(_olds: Props, news: Props): Promise<{ inputs: Props; failures: CheckFailure[] }> {
            const result = checkCampaignInputs(news);
            if (result.failures.length > 0) return { inputs: withoutProvider(news), failures: result.failures.map(forEngine) };
            const inputs = result.inputs as unknown as Props & CampaignInputs;
            // Missing or malformed connection settings fail at preview, before any API call.
            if (!containsUnknown(inputs.connection)) {
                try {
                    settingsFor(inputs.connection);
                } catch (err) {
                    // Resource-level: the settings may come from config or the environment, not only `connection`.
                    return { inputs, failures: [{ property: "", reason: clean(err).message }] };
                }
            }
            return { inputs, failures: [] };
        },

        async diff(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
            const held = withoutProvider(olds) as Partial<CampaignOutputs>;
            const wanted = withoutProvider(news) as Partial<CampaignInputs>;
            const d = diffCampaign(held, wanted, currentLocation(wanted.connection));
            if (d.replaces.length > 0) deps.warn(replacementWarning(id, held, d.replaces, d.deleteBeforeReplace));
            return { changes: d.changes, replaces: d.replaces, deleteBeforeReplace: d.deleteBeforeReplace };
        },

        async create(props: Props): Promise<pulumi.dynamic.CreateResult<CampaignOutputs>> {
            let settings: KoreSettings | undefined;
            try {
                const inputs = validated(withoutProvider(props));
                settings = settingsFor(inputs.connection);
                const api = await deps.apiFor(settings);
                let campaign: ApiCampaign;
                if (inputs.adoptExistingId) {
                    campaign = await adopt(api, inputs, inputs.adoptExistingId);
                } else {
                    campaign = await createOnce(api, inputs);
                }
                if (campaign.status === "Preparing" && inputs.readyTimeoutSeconds > 0)
                    campaign = await waitWhilePreparing(api, campaign, inputs.readyTimeoutSeconds);
                const outs = toOutputs(
                    campaign,
                    definitionOf(inputs),
                    providerOptionsOf(inputs),
                    inputs.messageEncoding,
                    locationOf(settings),
                );
                return { id: campaign._id, outs };
            } catch (err) {
                throw clean(err, settings);
            }
        },

        async read(id: string, props: Props): Promise<pulumi.dynamic.ReadResult<Partial<CampaignOutputs>>> {
            let settings: KoreSettings | undefined;
            try {
                const olds = withoutProvider(props) as Partial<CampaignOutputs>;
                settings = settingsForExisting(olds);
                const api = await deps.apiFor(settings);
                const campaign = await api.getCampaign(id);
                // Gone from Kore.ai: an empty id drops the resource from the state.
                if (!campaign) return { id: "", props: {} };
                const outs = toOutputs(
                    campaign,
                    definitionOf(olds),
                    providerOptionsOf(olds),
                    olds.apiMessageEncoding ?? olds.messageEncoding ?? "base64",
                    locationOf(settings),
                );
                return { id, props: outs };
            } catch (err) {
                throw clean(err, settings);
            }
        },

        async update(_id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult<CampaignOutputs>> {
            try {
                const held = withoutProvider(olds) as unknown as CampaignOutputs;
                const inputs = validated(withoutProvider(news));
                const changed = changedDefinitionKeys(definitionOf(inputs), held);
                // diff replaces on any of these, so reaching update with one is a bug, not a user error.
                if (changed.length > 0)
                    throw new Error(`update cannot change ${changed.join(", ")} of a Kore.ai campaign; these changes replace it`);
                // Only provider options changed: re-store them, the campaign itself is untouched.
                const outs: Props = { ...held };
                for (const key of PROVIDER_OPTION_KEYS) delete outs[key];
                return { outs: { ...outs, ...providerOptionsOf(inputs) } as unknown as CampaignOutputs };
            } catch (err) {
                throw clean(err);
            }
        },

        async delete(id: string, props: Props): Promise<void> {
            let settings: KoreSettings | undefined;
            try {
                const olds = withoutProvider(props) as Partial<CampaignOutputs>;
                settings = settingsForExisting(olds);
                const api = await deps.apiFor(settings);
                const current = await api.getCampaign(id);
                if (!current) return;
                // An Active campaign is sending; stop it before deleting it.
                if (current.status === "Active") await api.stopCampaign(id);
                await api.deleteCampaign(id);
            } catch (err) {
                throw clean(err, settings);
            }
        },
    };

    async function createOnce(api: CampaignApi, inputs: CampaignInputs): Promise<ApiCampaign> {
        try {
            return (await api.createCampaign(toApiBody(inputs), (c) => differences(c, inputs).length === 0)).campaign;
        } catch (err) {
            // A refused create whose name is taken: say which campaign holds it and how to take it over.
            if (err instanceof KoreApiError) {
                const holders = await api.findCampaignsByName(inputs.name).catch(() => []);
                if (holders.length > 0) {
                    const h = holders[0];
                    throw new KoreApiError(
                        `${err.message}. Kore.ai already has a campaign named "${h.name}" (id ${h.id}, status ${h.status ?? "unknown"}), ` +
                            `and names are unique per account regardless of case. If an earlier run created it, set adoptExistingId: "${h.id}" ` +
                            `to take it over; otherwise rename this campaign or delete that one`,
                        err.status,
                        "create campaign",
                    );
                }
            }
            throw err;
        }
    }

    return methods;
}

/** The methods the serialized provider calls; one instance per provider process. */
export const providerMethods = createProviderMethods();
export const { configure, check, diff, create, read, update } = providerMethods;
export const deleteCampaign = providerMethods.delete;
