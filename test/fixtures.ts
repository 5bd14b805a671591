// Shared test inputs: a valid campaign in the shape of the vendor's own sample request.
import type { CampaignInputs } from "../provider/types";

export const SAMPLE_CONTACT_LIST = "Renewal Due - May/June 2025";

export function sampleArgs(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        name: "Event Reminder SMS Campaign",
        description: "Sends a one-time message to remind users about an upcoming event.",
        contactLists: [SAMPLE_CONTACT_LIST],
        priority: "5",
        format: "simple",
        message: { message: "Hi, This is just reminder for upcoming event" },
        dialingStrategy: {
            callerId: { phoneNumber: "+919876543210" },
            callingHours: {
                frequency: "WEEKLY",
                timezone: "Asia/Kolkata",
                days: ["MO", "TU", "WE", "TH", "FR"].map((day) => ({ day, start: "9:00 AM", end: "6:00 PM" })),
            },
        },
        schedule: { isSchedulingEnabled: false },
        ...overrides,
    };
}

/** The sample after `check`: defaults filled in. */
export function sampleInputs(overrides: Record<string, unknown> = {}): CampaignInputs {
    return {
        ...(sampleArgs() as unknown as CampaignInputs),
        message: { message: "Hi, This is just reminder for upcoming event", templateId: "" },
        messageEncoding: "base64",
        readyTimeoutSeconds: 60,
        ...overrides,
    } as CampaignInputs;
}

/** Sets a value at a dotted path (`a.b[0].c`) in a deep copy. */
export function withPath(obj: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
    const copy = JSON.parse(JSON.stringify(obj));
    const keys = path.replace(/\[(\d+)\]/g, ".$1").split(".");
    let cur = copy;
    for (const k of keys.slice(0, -1)) cur = cur[k];
    const last = keys[keys.length - 1];
    if (value === undefined) delete cur[last];
    else cur[last] = value;
    return copy;
}

/** The error a promise rejects with; fails the test if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
    try {
        await promise;
    } catch (e) {
        return e as Error;
    }
    throw new Error("expected a rejection");
}
