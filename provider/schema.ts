// Validation and normalisation of SmsCampaign inputs: the rules Kore.ai documents, as zod schemas
// whose messages name the property, the problem and the accepted form. Pure: no I/O.
import { z } from "zod";
import { DateTime, IANAZone } from "luxon";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { CampaignInputs, ConnectionInput, DAY_CODES, DayCode, FREQUENCIES, MESSAGE_ENCODINGS } from "./types";

/** The value the engine sends for inputs that are not known yet (during preview). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export const NAME_MAX = 48;
export const DESCRIPTION_MAX = 256;
export const READY_TIMEOUT_DEFAULT = 60;
export const READY_TIMEOUT_MAX = 3600;

export interface CheckFailure {
    property: string;
    reason: string;
}

/** A leaf's verdict: the normalised value, or what is wrong with it. */
type LeafResult<T> = { value: T } | { problem: string };

/** Shows a user's value in a message; never used for credentials. */
export function show(value: unknown): string {
    if (value === undefined) return "nothing";
    const text = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

// Every leaf and container lets the preview placeholder through untouched, so a value that is not
// known yet never produces a false failure; the engine calls check again with the real value.
function leaf<T>(validate: (value: unknown) => LeafResult<T>) {
    return z.unknown().transform((value, ctx): T => {
        if (value === UNKNOWN) return value as T;
        const result = validate(value);
        if ("problem" in result) {
            ctx.issues.push({ code: "custom", message: result.problem, input: value });
            return z.NEVER;
        }
        return result.value;
    });
}

function maybeUnknown<S extends z.ZodType>(schema: S) {
    return z.unknown().transform((value, ctx): z.output<S> => (value === UNKNOWN ? (value as z.output<S>) : parseHere(schema, value, ctx)));
}

/** Parses with an inner schema and re-raises its issues at the current position (zod prefixes the parent path). */
function parseHere<S extends z.ZodType>(schema: S, value: unknown, ctx: z.core.$RefinementCtx): z.output<S> {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) ctx.issues.push({ ...issue, input: value } as z.core.$ZodRawIssue);
    return z.NEVER;
}

export function isUnknown(value: unknown): boolean {
    return value === UNKNOWN;
}

/** `secret`: the value may hold credentials, so messages never show it. */
function object<Shape extends z.core.$ZodLooseShape>(what: string, shape: Shape, secret = false) {
    const accepted = Object.keys(shape).join(", ");
    return maybeUnknown(
        z.strictObject(shape, {
            error: (issue) => {
                if (issue.code === "unrecognized_keys") {
                    const keys = issue.keys.map((k) => JSON.stringify(k)).join(", ");
                    return `has unknown ${issue.keys.length === 1 ? "property" : "properties"} ${keys}; ${what} accepts ${accepted}`;
                }
                if (issue.code === "invalid_type")
                    return `must be an object (${what}: ${accepted}); got ${secret ? `a ${issue.input === null ? "null" : typeof issue.input}` : show(issue.input)}`;
                return undefined;
            },
        }),
    );
}

function array<S extends z.ZodType>(item: S, what: string) {
    return maybeUnknown(
        z.array(item, {
            error: (issue) => (issue.code === "invalid_type" ? `must be a list of ${what}; got ${show(issue.input)}` : undefined),
        }),
    );
}

function requiredString(value: unknown, accepted: string): LeafResult<string> {
    if (value === undefined || value === null) return { problem: `is required: ${accepted}` };
    if (typeof value !== "string") return { problem: `must be a string (${accepted}); got ${show(value)}` };
    return { value };
}

// ---- leaf validators: small pure functions, exported for table-driven tests ----

export function validateName(value: unknown): LeafResult<string> {
    const accepted = `the campaign's name, 1 to ${NAME_MAX} characters`;
    const s = requiredString(value, accepted);
    if ("problem" in s) return s;
    if (s.value.trim().length === 0) return { problem: `must not be empty: ${accepted}` };
    if (s.value !== s.value.trim()) return { problem: `must not start or end with spaces; got ${show(s.value)}` };
    if (s.value.length > NAME_MAX) return { problem: `is ${s.value.length} characters long; Kore.ai accepts 1 to ${NAME_MAX} characters` };
    return s;
}

export function validateDescription(value: unknown): LeafResult<string | undefined> {
    if (value === undefined || value === null || value === "") return { value: undefined };
    const s = requiredString(value, `text of at most ${DESCRIPTION_MAX} characters`);
    if ("problem" in s) return s;
    if (s.value.length > DESCRIPTION_MAX)
        return { problem: `is ${s.value.length} characters long; Kore.ai accepts at most ${DESCRIPTION_MAX} characters` };
    return s;
}

export function validateContactListName(value: unknown): LeafResult<string> {
    const s = requiredString(value, "the name of an existing Kore.ai contact list");
    if ("problem" in s) return s;
    if (s.value.trim().length === 0) return { problem: "must not be empty: the name of an existing Kore.ai contact list" };
    return s;
}

export function validatePriority(value: unknown): LeafResult<string | undefined> {
    const accepted = `"1" to "5" (a number 1 to 5 is also accepted)`;
    if (value === undefined || value === null) return { value: undefined };
    if (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 5) return { value: String(value) };
    if (typeof value === "string" && /^[1-5]$/.test(value.trim())) return { value: value.trim() };
    return { problem: `must be ${accepted}; got ${show(value)}` };
}

export function validateFormat(value: unknown): LeafResult<"simple"> {
    if (value === undefined || value === null || value === "simple") return { value: "simple" };
    return { problem: `must be "simple" (a plain SMS; "advanced" experience flows are not created by this call); got ${show(value)}` };
}

export function validateMessageText(value: unknown): LeafResult<string> {
    const accepted = "the SMS text, written as plain text (the provider encodes it for the API)";
    const s = requiredString(value, accepted);
    if ("problem" in s) return s;
    if (s.value.trim().length === 0) return { problem: `must not be empty: ${accepted}` };
    return s;
}

export function validateTemplateId(value: unknown): LeafResult<""> {
    if (value === undefined || value === null || value === "") return { value: "" };
    return {
        problem: `must be empty: this resource creates campaigns without a template (Kore.ai's "without template" call); got ${show(value)}`,
    };
}

export function validatePhoneNumber(value: unknown): LeafResult<string> {
    const accepted = `a phone number in E.164 form, e.g. "+14155550123"`;
    const s = requiredString(value, accepted);
    if ("problem" in s) return s;
    const parsed = s.value.trim().startsWith("+") ? parsePhoneNumberFromString(s.value.trim()) : undefined;
    if (!parsed || !parsed.isValid()) return { problem: `must be ${accepted}; got ${show(s.value)}` };
    return { value: parsed.number };
}

export function validateFrequency(value: unknown): LeafResult<(typeof FREQUENCIES)[number]> {
    const accepted = FREQUENCIES.join(", ");
    const s = requiredString(value, `one of ${accepted}`);
    if ("problem" in s) return s;
    const upper = s.value.trim().toUpperCase();
    const match = FREQUENCIES.find((f) => f === upper);
    return match ? { value: match } : { problem: `must be one of ${accepted}; got ${show(s.value)}` };
}

export function validateTimezone(value: unknown): LeafResult<string> {
    const accepted = `an IANA time zone name, e.g. "Asia/Kolkata" or "America/New_York"`;
    const s = requiredString(value, accepted);
    if ("problem" in s) return s;
    // Intl also accepts offsets such as "+05:30"; Kore.ai documents IANA names only.
    if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(s.value) || !IANAZone.isValidZone(s.value))
        return { problem: `must be ${accepted}; got ${show(s.value)}` };
    return s;
}

export function validateDay(value: unknown): LeafResult<DayCode> {
    const accepted = DAY_CODES.join(", ");
    const s = requiredString(value, `one of ${accepted}`);
    if ("problem" in s) return s;
    const upper = s.value.trim().toUpperCase();
    const match = DAY_CODES.find((d) => d === upper);
    return match ? { value: match } : { problem: `must be one of ${accepted}; got ${show(s.value)}` };
}

const TIME_FORMATS_12H = ["h:mm a", "h:mma"];
const TIME_FORMATS_24H = ["H:mm"];

/** Parses `9:00 AM`, `09:00 am`, `9:00am` or `21:00` and returns Kore.ai's canonical `9:00 PM` form. */
export function validateTime(value: unknown): LeafResult<string> {
    const accepted = `a time as h:mm AM/PM, e.g. "9:00 AM" ("09:00 am" and 24-hour "21:00" are also accepted)`;
    const s = requiredString(value, accepted);
    if ("problem" in s) return s;
    const text = s.value.trim().toUpperCase();
    const hour = Number(text.split(":")[0]);
    // luxon reads "24:00" as the next midnight; a window's times are within one day.
    const tryFormats = (formats: string[]) =>
        formats.map((f) => DateTime.fromFormat(text, f, { locale: "en-US" })).find((dt) => dt.isValid);
    // luxon reads "13:00 PM" as 1 PM; a 12-hour clock only has hours 1 to 12.
    const twelve = tryFormats(TIME_FORMATS_12H);
    const parsed = twelve ? (hour >= 1 && hour <= 12 ? twelve : undefined) : hour <= 23 ? tryFormats(TIME_FORMATS_24H) : undefined;
    if (!parsed) return { problem: `must be ${accepted}; got ${show(s.value)}` };
    return { value: parsed.toFormat("h:mm a", { locale: "en-US" }) };
}

/** Minutes after midnight of a canonical `h:mm AM/PM` time. */
export function minutesOfDay(canonical: string): number {
    const dt = DateTime.fromFormat(canonical, "h:mm a", { locale: "en-US" });
    return dt.hour * 60 + dt.minute;
}

export function validateIsSchedulingEnabled(value: unknown): LeafResult<boolean> {
    if (typeof value === "boolean") return { value };
    return { problem: `must be true or false (false starts the campaign at once); got ${show(value)}` };
}

export function validateMessageEncoding(value: unknown): LeafResult<(typeof MESSAGE_ENCODINGS)[number]> {
    if (value === undefined || value === null) return { value: "base64" };
    const match = MESSAGE_ENCODINGS.find((e) => e === value);
    return match
        ? { value: match }
        : { problem: `must be "base64" (the API table's form, the default) or "plain" (as the API's sample sends); got ${show(value)}` };
}

export function validateReadyTimeoutSeconds(value: unknown): LeafResult<number> {
    if (value === undefined || value === null) return { value: READY_TIMEOUT_DEFAULT };
    if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= READY_TIMEOUT_MAX) return { value };
    return {
        problem: `must be a whole number of seconds from 0 (do not wait) to ${READY_TIMEOUT_MAX}; got ${show(value)}`,
    };
}

export function validateAdoptExistingId(value: unknown): LeafResult<string | undefined> {
    if (value === undefined || value === null || value === "") return { value: undefined };
    if (typeof value === "string" && value.trim() === value && value.length > 0) return { value };
    return {
        problem: `must be the _id of an existing Kore.ai campaign, e.g. "cd-b124b013-95bd-5ff2-ad90-01b8f4ee0000"; got ${show(value)}`,
    };
}

// Credentials are never echoed back, whatever is wrong with them.
function connectionField(value: unknown): LeafResult<string | undefined> {
    if (value === undefined || value === null || value === "") return { value: undefined };
    if (typeof value === "string") return { value };
    return { problem: "must be a string" };
}

// ---- the schema ----

const callingWindow = object("a calling window", {
    day: leaf(validateDay),
    start: leaf(validateTime),
    end: leaf(validateTime),
}).superRefine((w, ctx) => {
    if (isUnknown(w) || isUnknown(w.start) || isUnknown(w.end)) return;
    if (minutesOfDay(w.start) >= minutesOfDay(w.end))
        ctx.addIssue({
            code: "custom",
            path: ["end"],
            message: `must be later than start (${w.start}); got ${w.end}. A window ends on the day it starts; use "11:59 PM" for the end of the day`,
        });
});

const days = array(callingWindow, `calling windows ({ day, start, end })`)
    .superRefine((list, ctx) => {
        if (isUnknown(list)) return;
        if (list.length === 0)
            ctx.addIssue({
                code: "custom",
                message: `must list at least one calling window, e.g. [{ day: "MO", start: "9:00 AM", end: "6:00 PM" }]`,
            });
        const seen = new Set<string>();
        list.forEach((w, i) => {
            if (isUnknown(w) || isUnknown(w.day)) return;
            if (seen.has(w.day)) ctx.addIssue({ code: "custom", path: [i, "day"], message: `repeats ${w.day}; each day may appear once` });
            seen.add(w.day);
        });
    })
    .transform((list) => (containsUnknown(list) ? list : sortByDay(list)));

/** Calling windows in week order (MO..SU): the order they are written in carries no meaning. */
export function sortByDay<W extends { day: string }>(windows: W[]): W[] {
    const rank = (d: string) => DAY_CODES.indexOf(d as DayCode);
    return [...windows].sort((a, b) => rank(a.day) - rank(b.day));
}

const contactLists = array(leaf(validateContactListName), "contact list names").superRefine((list, ctx) => {
    if (isUnknown(list)) return;
    if (list.length === 0)
        ctx.addIssue({
            code: "custom",
            message: `must name at least one existing Kore.ai contact list, e.g. ["Renewal Due - May/June 2025"]`,
        });
    const seen = new Set<string>();
    list.forEach((name, i) => {
        if (isUnknown(name)) return;
        if (seen.has(name))
            ctx.addIssue({ code: "custom", path: [i], message: `repeats ${show(name)}; each contact list may appear once` });
        seen.add(name);
    });
});

const required = <S extends z.ZodType>(schema: S, accepted: string) =>
    z.unknown().transform((value, ctx): z.output<S> => {
        if (value === undefined || value === null) {
            ctx.issues.push({ code: "custom", message: `is required: ${accepted}`, input: value });
            return z.NEVER;
        }
        return parseHere(schema, value, ctx);
    });

export const campaignInputsSchema = object("SmsCampaign", {
    name: leaf(validateName),
    description: leaf(validateDescription).optional(),
    contactLists: required(contactLists, "a list of existing Kore.ai contact list names"),
    priority: leaf(validatePriority).optional(),
    format: leaf(validateFormat).default("simple"),
    message: required(
        object("message", { message: leaf(validateMessageText), templateId: leaf(validateTemplateId).default("") }),
        `{ message: "<the SMS text>" }`,
    ),
    dialingStrategy: required(
        object("dialingStrategy", {
            callerId: required(object("callerId", { phoneNumber: leaf(validatePhoneNumber) }), `{ phoneNumber: "+14155550123" }`),
            callingHours: required(
                object("callingHours", {
                    frequency: leaf(validateFrequency),
                    timezone: leaf(validateTimezone),
                    days: required(days, `[{ day: "MO", start: "9:00 AM", end: "6:00 PM" }, ...]`),
                }),
                `{ frequency, timezone, days }`,
            ),
        }),
        `{ callerId: { phoneNumber }, callingHours: { frequency, timezone, days } }`,
    ),
    schedule: object("schedule", { isSchedulingEnabled: leaf(validateIsSchedulingEnabled) }).optional(),
    messageEncoding: leaf(validateMessageEncoding).default("base64"),
    readyTimeoutSeconds: leaf(validateReadyTimeoutSeconds).default(READY_TIMEOUT_DEFAULT),
    adoptExistingId: leaf(validateAdoptExistingId).optional(),
    connection: object(
        "connection",
        {
            host: leaf(connectionField).optional(),
            iid: leaf(connectionField).optional(),
            accountId: leaf(connectionField).optional(),
            clientId: leaf(connectionField).optional(),
            clientSecret: leaf(connectionField).optional(),
            jwt: leaf(connectionField).optional(),
        },
        true,
    ).optional(),
});

/** `a.b[0].c` from a zod path. */
export function propertyPath(path: readonly PropertyKey[]): string {
    return path.reduce<string>(
        (acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
        "",
    );
}

export type CheckResult = { inputs: CampaignInputs; failures: [] } | { inputs: Record<string, unknown>; failures: CheckFailure[] };

/** Drops `undefined` members so the result is plain JSON (the engine's Struct rejects undefined). */
export function stripUndefined<T>(value: T): T {
    return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Validates and normalises raw inputs. Never throws: anything that is not a valid campaign comes back
 * as failures naming the property path, the problem and the accepted form.
 */
export function checkCampaignInputs(raw: unknown): CheckResult {
    const rawInputs: Record<string, unknown> =
        raw && typeof raw === "object" && !Array.isArray(raw) ? { ...(raw as Record<string, unknown>) } : {};
    delete rawInputs.__provider;
    try {
        const result = campaignInputsSchema.safeParse(rawInputs);
        if (result.success) {
            // Placeholders may sit anywhere inside; the shape is otherwise a CampaignInputs.
            return { inputs: stripUndefined(result.data) as unknown as CampaignInputs, failures: [] };
        }
        const failures = result.error.issues.map((issue) => {
            const property = propertyPath(issue.path);
            return { property, reason: `${property || "SmsCampaign"} ${issue.message}` };
        });
        return { inputs: rawInputs, failures };
    } catch (err) {
        return { inputs: rawInputs, failures: [{ property: "", reason: `could not validate the inputs: ${(err as Error).message}` }] };
    }
}

/** True when the value, or anything inside it, is the engine's not-yet-known placeholder. */
export function containsUnknown(value: unknown): boolean {
    if (value === UNKNOWN) return true;
    if (Array.isArray(value)) return value.some(containsUnknown);
    if (value && typeof value === "object") return Object.values(value).some(containsUnknown);
    return false;
}

export type { ConnectionInput };
