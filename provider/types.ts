// Three shapes, kept apart on purpose (as in pulumi/examples ts-raw-api-providers):
// - SmsCampaignArgs (resource.ts): what a user writes, with pulumi.Input everywhere.
// - CampaignInputs: what `check` returns: validated, normalised, plain values.
// - CampaignOutputs: what the state holds after create/read/update.

export const DAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type DayCode = (typeof DAY_CODES)[number];

export const FREQUENCIES = ["WEEKLY", "DAILY", "CUSTOM"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const MESSAGE_ENCODINGS = ["base64", "plain"] as const;
export type MessageEncoding = (typeof MESSAGE_ENCODINGS)[number];

export interface CallingWindow {
    day: DayCode;
    /** Canonical `h:mm AM/PM`, e.g. `9:00 AM`. */
    start: string;
    end: string;
}

export interface DialingStrategy {
    callerId: { phoneNumber: string };
    callingHours: {
        frequency: Frequency;
        timezone: string;
        days: CallingWindow[];
    };
}

/** The part of a campaign that reaches Kore.ai's API. A change here replaces the campaign. */
export interface CampaignDefinition {
    name: string;
    description?: string;
    contactLists: string[];
    priority?: string;
    format: "simple";
    /** `message.message` is always the plain text the user wrote; encoding happens on the wire. */
    message: { message: string; templateId: "" };
    dialingStrategy: DialingStrategy;
    schedule?: { isSchedulingEnabled: boolean };
}

/** Connection settings a resource may carry itself (passed as a Pulumi secret). */
export interface ConnectionInput {
    host?: string;
    iid?: string;
    accountId?: string;
    clientId?: string;
    clientSecret?: string;
    jwt?: string;
}

/** Options that only steer the provider; they never reach the API and never replace. */
export interface ProviderOptions {
    messageEncoding: MessageEncoding;
    readyTimeoutSeconds: number;
    adoptExistingId?: string;
    connection?: ConnectionInput;
}

export type CampaignInputs = CampaignDefinition & ProviderOptions;

export interface CampaignOutputs extends CampaignInputs {
    campaignId: string;
    status: string;
    lname: string;
    createdAt: string;
    updatedAt: string;
    enableMachineDetect?: boolean;
    totalMessagesSent?: number;
    /** How the campaign's message was encoded when it was created; read uses it to decode. */
    apiMessageEncoding: MessageEncoding;
    /** Where the campaign lives (origin, app id, account id), recorded at create. Not secret. */
    host?: string;
    iid?: string;
    accountId?: string;
}

/** The create/update body as Kore.ai documents it. */
export interface ApiCampaignBody {
    name: string;
    description?: string;
    contactLists: string[];
    campaignType: "sms";
    priority?: string;
    format: "simple";
    message: { templateId: ""; message: string };
    dialingStrategy: DialingStrategy;
    schedule?: { isSchedulingEnabled: boolean };
}

/** A campaign as Kore.ai returns it in `data` (create, get, delete). */
export interface ApiCampaign {
    _id: string;
    name: string;
    lname?: string;
    description?: string;
    status: string;
    priority?: string;
    contactLists?: string[];
    format?: string;
    message?: { message?: string; templateId?: string };
    dialingStrategy?: DialingStrategy;
    schedule?: { isSchedulingEnabled?: boolean };
    createdAt?: string;
    updatedAt?: string;
    enableMachineDetect?: boolean;
    totalMessagesSent?: number;
    campaignType?: string;
}

/** One row of the list endpoint: the id field is `id`, not `_id`. */
export interface ApiCampaignSummary {
    id: string;
    name: string;
    status?: string;
    createdAt?: string;
}
