// The SmsCampaign resource class and the dynamic provider object serialized into the state.
import * as pulumi from "@pulumi/pulumi";
import type { CallingWindow, ConnectionInput, Frequency, MessageEncoding } from "./types";

/** The package the serialized provider loads its implementation from, in the engine's process. */
const RUNTIME_MODULE = "pulumi-kore-sms/provider-runtime";

/**
 * The provider object. Its methods are serialized into the state (`__provider`) of every campaign and
 * run later in the engine's dynamic-provider process, so each one only loads the implementation from
 * the installed package: nothing is captured (no credentials, no clients, no schemas) but the module
 * name, the text stays small (about 2.7 KB, mostly the serializer's wrapper per method), and a package
 * upgrade changes behaviour without changing the state.
 */
export const smsCampaignProvider: pulumi.dynamic.ResourceProvider = {
    async configure(req) {
        return require(RUNTIME_MODULE).configure(req);
    },
    async check(olds, news) {
        return require(RUNTIME_MODULE).check(olds, news);
    },
    async diff(id, olds, news) {
        return require(RUNTIME_MODULE).diff(id, olds, news);
    },
    async create(inputs) {
        return require(RUNTIME_MODULE).create(inputs);
    },
    async read(id, props) {
        return require(RUNTIME_MODULE).read(id, props);
    },
    async update(id, olds, news) {
        return require(RUNTIME_MODULE).update(id, olds, news);
    },
    async delete(id, props) {
        return require(RUNTIME_MODULE).deleteCampaign(id, props);
    },
};

export interface CallingWindowArgs {
    /** `MO`, `TU`, `WE`, `TH`, `FR`, `SA` or `SU` (any case). */
    day: pulumi.Input<CallingWindow["day"] | Lowercase<CallingWindow["day"]>>;
    /** `h:mm AM/PM`, e.g. `9:00 AM`; `09:00 am` and 24-hour `21:00` are accepted and sent as `9:00 PM`. */
    start: pulumi.Input<string>;
    end: pulumi.Input<string>;
}

export interface DialingStrategyArgs {
    /** The sender: `{ phoneNumber }` in E.164, registered with the carrier. */
    callerId: pulumi.Input<{ phoneNumber: pulumi.Input<string> }>;
    callingHours: pulumi.Input<{
        frequency: pulumi.Input<Frequency>;
        /** An IANA time zone, e.g. `Asia/Kolkata`. */
        timezone: pulumi.Input<string>;
        days: pulumi.Input<pulumi.Input<CallingWindowArgs>[]>;
    }>;
}

/** Connection settings for one resource; the class stores them as a Pulumi secret. */
export type ConnectionArgs = { [K in keyof ConnectionInput]?: pulumi.Input<string> };

/** What a user writes. Mirrors the body of Kore.ai's create-SMS-campaign call, plus provider options. */
export interface SmsCampaignArgs {
    /** 1 to 48 characters; unique per account regardless of case. */
    name: pulumi.Input<string>;
    /** At most 256 characters. */
    description?: pulumi.Input<string>;
    /** Names of existing contact lists; at least one. */
    contactLists: pulumi.Input<pulumi.Input<string>[]>;
    /** `"1"` to `"5"`; a number is accepted. */
    priority?: pulumi.Input<string | number>;
    /** Only `simple`, the default. */
    format?: pulumi.Input<"simple">;
    /** The SMS text, in plain text: the provider encodes it as `messageEncoding` says. */
    message: pulumi.Input<{ message: pulumi.Input<string>; templateId?: pulumi.Input<""> }>;
    dialingStrategy: pulumi.Input<DialingStrategyArgs>;
    /** `{ isSchedulingEnabled: false }` starts the campaign as soon as it is ready. */
    schedule?: pulumi.Input<{ isSchedulingEnabled: pulumi.Input<boolean> }>;

    /** Provider option: how `message.message` is sent. `base64` (default, per the API's table) or `plain` (as its sample). */
    messageEncoding?: pulumi.Input<MessageEncoding>;
    /** Provider option: how long `create` waits for the campaign to leave `Preparing` (0 to 3600, default 60; 0 does not wait). */
    readyTimeoutSeconds?: pulumi.Input<number>;
    /** Provider option: take over this existing campaign (`_id`) instead of creating one; it must match the definition. */
    adoptExistingId?: pulumi.Input<string>;
    /** Provider option: connection settings for this resource, above stack config and environment. Stored as a secret. */
    connection?: pulumi.Input<ConnectionArgs>;
}

/** The state of a campaign as the outputs expose it. */
export interface SmsCampaignOutputs {
    campaignId: string;
    status: string;
    lname: string;
    createdAt: string;
    updatedAt: string;
    enableMachineDetect?: boolean;
    totalMessagesSent?: number;
}

export const SMS_CAMPAIGN_TYPE = "SmsCampaign";
export const SMS_CAMPAIGN_MODULE = "kore";

/**
 * A Kore.ai SMS campaign. Any change to what reaches the API replaces the campaign (deleting the old
 * one first when the name is kept, since Kore.ai keys campaigns by name): a replaced campaign may send
 * its messages again, so review `pulumi preview` before `pulumi up`.
 */
export class SmsCampaign extends pulumi.dynamic.Resource {
    declare public readonly campaignId: pulumi.Output<string>;
    declare public readonly status: pulumi.Output<string>;
    declare public readonly lname: pulumi.Output<string>;
    declare public readonly createdAt: pulumi.Output<string>;
    declare public readonly updatedAt: pulumi.Output<string>;
    declare public readonly enableMachineDetect: pulumi.Output<boolean | undefined>;
    declare public readonly totalMessagesSent: pulumi.Output<number | undefined>;

    declare public readonly name: pulumi.Output<string>;
    declare public readonly description: pulumi.Output<string | undefined>;
    declare public readonly contactLists: pulumi.Output<string[]>;
    declare public readonly priority: pulumi.Output<string | undefined>;
    declare public readonly format: pulumi.Output<"simple">;
    declare public readonly message: pulumi.Output<{ message: string; templateId: "" }>;
    declare public readonly dialingStrategy: pulumi.Output<{
        callerId: { phoneNumber: string };
        callingHours: { frequency: Frequency; timezone: string; days: CallingWindow[] };
    }>;
    declare public readonly schedule: pulumi.Output<{ isSchedulingEnabled: boolean } | undefined>;
    declare public readonly messageEncoding: pulumi.Output<MessageEncoding>;
    declare public readonly readyTimeoutSeconds: pulumi.Output<number>;

    constructor(name: string, args: SmsCampaignArgs, opts?: pulumi.CustomResourceOptions) {
        const props: pulumi.Inputs = {
            ...args,
            // A connection may carry a client secret or JWT: keep it encrypted in state whatever the user passed.
            connection: args.connection === undefined ? undefined : pulumi.secret(args.connection),
            campaignId: undefined,
            status: undefined,
            lname: undefined,
            createdAt: undefined,
            updatedAt: undefined,
            enableMachineDetect: undefined,
            totalMessagesSent: undefined,
        };
        super(
            smsCampaignProvider,
            name,
            props,
            { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), "connection"] },
            SMS_CAMPAIGN_MODULE,
            SMS_CAMPAIGN_TYPE,
        );
    }
}
