// Mapping between what users write, what Kore.ai's API takes and returns, and what the state keeps.
import { UNKNOWN, checkCampaignInputs, stripUndefined } from "./schema";
import {
    ApiCampaign,
    ApiCampaignBody,
    CampaignDefinition,
    CampaignInputs,
    CampaignOutputs,
    DialingStrategy,
    MessageEncoding,
    ProviderOptions,
} from "./types";

export const DEFINITION_KEYS = [
    "name",
    "description",
    "contactLists",
    "priority",
    "format",
    "message",
    "dialingStrategy",
    "schedule",
] as const satisfies readonly (keyof CampaignDefinition)[];

export const PROVIDER_OPTION_KEYS = [
    "messageEncoding",
    "readyTimeoutSeconds",
    "adoptExistingId",
    "connection",
] as const satisfies readonly (keyof ProviderOptions)[];

export function encodeMessage(text: string, encoding: MessageEncoding): string {
    return encoding === "base64" ? Buffer.from(text, "utf8").toString("base64") : text;
}

/**
 * The plain text of a message as Kore.ai returns it. The docs disagree on whether the API returns the
 * Base64 it was sent or the decoded text, so a Base64 campaign's message is decoded only when it is
 * canonical Base64 of valid UTF-8; anything else is already text.
 */
export function decodeMessage(raw: string, encoding: MessageEncoding): string {
    if (encoding !== "base64" || raw.length === 0 || raw.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(raw)) return raw;
    const bytes = Buffer.from(raw, "base64");
    if (bytes.toString("base64") !== raw) return raw;
    try {
        return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
        return raw;
    }
}

export function toApiBody(inputs: CampaignInputs): ApiCampaignBody {
    return stripUndefined({
        name: inputs.name,
        description: inputs.description,
        contactLists: inputs.contactLists,
        campaignType: "sms",
        priority: inputs.priority,
        format: inputs.format,
        message: { templateId: "", message: encodeMessage(inputs.message.message, inputs.messageEncoding) },
        dialingStrategy: inputs.dialingStrategy,
        schedule: inputs.schedule,
    });
}

export function definitionOf(source: Partial<CampaignDefinition>): Partial<CampaignDefinition> {
    const out: Record<string, unknown> = {};
    for (const key of DEFINITION_KEYS) if (source[key] !== undefined) out[key] = source[key];
    return out as Partial<CampaignDefinition>;
}

export function providerOptionsOf(source: Partial<ProviderOptions>): ProviderOptions {
    return stripUndefined({
        messageEncoding: source.messageEncoding ?? "base64",
        readyTimeoutSeconds: source.readyTimeoutSeconds ?? 60,
        adoptExistingId: source.adoptExistingId,
        connection: source.connection,
    });
}

/**
 * A definition in canonical form (times as `9:00 AM`, priority as a string, days in week order), so
 * that what Kore.ai returns compares equal to what the user wrote. Values the rules reject (a campaign
 * changed outside Pulumi, state from an older version) are kept as they are.
 */
export function normaliseDefinition(def: Partial<CampaignDefinition>): Partial<CampaignDefinition> {
    const out: Record<string, unknown> = { ...definitionOf(def) };
    for (const key of DEFINITION_KEYS) {
        if (out[key] === undefined) continue;
        const single = checkCampaignInputs({ ...placeholders(), [key]: out[key] });
        if (single.failures.length === 0) out[key] = (single.inputs as Record<string, unknown>)[key];
    }
    return out as Partial<CampaignDefinition>;
}

// Required properties stood in by the preview placeholder, to validate one property on its own.
function placeholders(): Record<string, unknown> {
    return { name: UNKNOWN, contactLists: UNKNOWN, message: UNKNOWN, dialingStrategy: UNKNOWN };
}

/**
 * The documented fields of a dialing strategy, and nothing else: an extra field Kore.ai adds (an `_id`
 * per day, say) must not make every preview plan a replacement.
 */
export function pickDialingStrategy(raw: unknown): DialingStrategy | undefined {
    if (!raw || typeof raw !== "object") return undefined;
    const d = raw as { callerId?: { phoneNumber?: unknown }; callingHours?: { frequency?: unknown; timezone?: unknown; days?: unknown } };
    const days = Array.isArray(d.callingHours?.days)
        ? d.callingHours.days.map((w: { day?: unknown; start?: unknown; end?: unknown }) => ({ day: w?.day, start: w?.start, end: w?.end }))
        : d.callingHours?.days;
    return {
        callerId: { phoneNumber: d.callerId?.phoneNumber },
        callingHours: { frequency: d.callingHours?.frequency, timezone: d.callingHours?.timezone, days },
    } as DialingStrategy;
}

/** Where a campaign lives; recorded at create, so that refresh and delete find it whatever the settings say later. */
export interface CampaignLocation {
    host: string;
    iid: string;
    accountId: string;
}

/**
 * State after create or read: what Kore.ai holds (message decoded to plain text), the provider
 * options, and the computed fields. Fields the API leaves out fall back to `fallback`.
 */
export function toOutputs(
    campaign: ApiCampaign,
    fallback: Partial<CampaignDefinition>,
    options: ProviderOptions,
    apiMessageEncoding: MessageEncoding,
    location?: CampaignLocation,
): CampaignOutputs {
    const fromApi: Partial<CampaignDefinition> = {
        name: campaign.name ?? fallback.name,
        description: campaign.description === "" ? undefined : (campaign.description ?? fallback.description),
        contactLists: campaign.contactLists ?? fallback.contactLists,
        priority: campaign.priority !== undefined ? String(campaign.priority) : fallback.priority,
        format: (campaign.format as "simple" | undefined) ?? fallback.format,
        message:
            typeof campaign.message?.message === "string"
                ? { message: decodeMessage(campaign.message.message, apiMessageEncoding), templateId: "" }
                : fallback.message,
        dialingStrategy: pickDialingStrategy(campaign.dialingStrategy) ?? fallback.dialingStrategy,
        schedule:
            typeof campaign.schedule?.isSchedulingEnabled === "boolean"
                ? { isSchedulingEnabled: campaign.schedule.isSchedulingEnabled }
                : fallback.schedule,
    };
    return stripUndefined({
        ...(normaliseDefinition(fromApi) as CampaignDefinition),
        ...options,
        campaignId: campaign._id,
        status: campaign.status,
        lname: campaign.lname ?? (campaign.name ?? fallback.name ?? "").toLowerCase(),
        createdAt: campaign.createdAt ?? "",
        updatedAt: campaign.updatedAt ?? campaign.createdAt ?? "",
        enableMachineDetect: campaign.enableMachineDetect,
        totalMessagesSent: campaign.totalMessagesSent,
        apiMessageEncoding,
        ...location,
    });
}
