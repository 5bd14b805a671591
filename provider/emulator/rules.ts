// The emulator's strict reading of what Kore.ai documents for the SMS campaign body (see
// docs/emulator.md): zod schemas for the shape, small pure functions for the values. Every problem
// names its field (`dialingStrategy.callingHours.days[1].end`), so a 400 says what to fix.
import { z } from "zod";
import { IANAZone } from "luxon";
import type { ApiCampaignBody } from "../types";
import type { Fault } from "./types";

export const NAME_MAX = 48;
export const DESCRIPTION_MAX = 256;
export const DAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export const FREQUENCIES = ["WEEKLY", "DAILY", "CUSTOM"] as const;
export const PRIORITIES = ["1", "2", "3", "4", "5"] as const;
/** E.164: a plus, a non-zero digit, then 6 to 14 more digits. */
export const E164 = /^\+[1-9]\d{6,14}$/;
/** `h:mm AM/PM`, no leading zero on the hour, one space: `9:00 AM`, `12:30 PM`. */
export const CLOCK = /^(1[0-2]|[1-9]):([0-5]\d) (AM|PM)$/;
export const LIST_LIMIT_DEFAULT = 10;
export const LIST_LIMIT_MAX = 100;
export const LIST_SORT_FIELDS = ["createdAt", "updatedAt", "name"] as const;

/** One thing wrong with a request: the field (`body` for the body itself) and a message that names it. */
export interface Problem {
    field: string;
    message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

// ---------------------------------------------------------------------------------------------
// Pure helpers

/** A short description of a value for messages: `"abc"`, `the number 5`, `null`, `an object`. */
export function show(value: unknown): string {
    if (value === undefined) return "nothing";
    if (value === null) return "null";
    if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
    if (typeof value === "number" || typeof value === "boolean") return `the ${typeof value} ${String(value)}`;
    if (Array.isArray(value)) return "an array";
    return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** Minutes since midnight for `h:mm AM/PM`; undefined when the text does not match {@link CLOCK}. */
export function clockMinutes(text: string): number | undefined {
    const m = CLOCK.exec(text);
    if (!m) return undefined;
    const hour = (Number(m[1]) % 12) + (m[3] === "PM" ? 12 : 0);
    return hour * 60 + Number(m[2]);
}

export function isE164(text: string): boolean {
    return E164.test(text);
}

/** An IANA zone name the runtime knows (`Asia/Kolkata`, `UTC`); offsets like `+05:30` are not names. */
export function isTimeZone(text: string): boolean {
    return /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(text) && IANAZone.isValidZone(text);
}

/** `a.b[0].c` from a path. */
export function fieldPath(path: readonly PropertyKey[]): string {
    let out = "";
    for (const part of path) {
        if (typeof part === "number") out += `[${part}]`;
        else out += out ? `.${String(part)}` : String(part);
    }
    return out;
}

/** The problem list as the first message plus all of them. */
export function firstProblem(problems: readonly Problem[]): Problem | undefined {
    return problems[0];
}

/** Turns zod issues into problems; a custom issue with `params.verbatim` keeps its message as it is. */
export function problemsOf(issues: readonly z.core.$ZodIssue[]): Problem[] {
    const out: Problem[] = [];
    for (const issue of issues) {
        const base = issue.path.filter((p): p is string | number => typeof p !== "symbol");
        if (issue.code === "unrecognized_keys") {
            for (const key of issue.keys) {
                const field = fieldPath([...base, key]);
                out.push({ field, message: `${field} is not a documented field` });
            }
            continue;
        }
        const field = fieldPath(base) || "body";
        const verbatim = issue.code === "custom" && (issue.params as { verbatim?: boolean } | undefined)?.verbatim === true;
        out.push({ field, message: verbatim ? issue.message : `${field} ${issue.message}` });
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Schema pieces. Each error function words the part after the field name.

type IssueInput = { input?: unknown; code?: string };
const expect = (what: string) => (iss: IssueInput) => (iss.input === undefined ? "is required" : `must be ${what}; got ${show(iss.input)}`);
const objectOf = (what: string) => (iss: IssueInput) => (iss.code === "unrecognized_keys" ? "has undocumented fields" : expect(what)(iss));

const text = (what = "a string") => z.string({ error: expect(what) });

const nonBlank = (maxLength?: number) =>
    text().superRefine((s, ctx) => {
        if (s.length === 0) ctx.addIssue({ code: "custom", message: "must not be empty", input: s });
        else if (s.trim().length === 0) ctx.addIssue({ code: "custom", message: "must not be blank", input: s });
        else if (maxLength !== undefined && s.length > maxLength)
            ctx.addIssue({ code: "custom", message: `must be at most ${maxLength} characters; got ${s.length}`, input: s });
    });

const clock = text(`a time like "9:00 AM" (h:mm AM/PM)`).regex(CLOCK, {
    error: (iss) => `must be a time like "9:00 AM" or "12:30 PM" (h:mm AM/PM, no leading zero); got ${show(iss.input)}`,
});

const callingWindow = z
    .strictObject(
        {
            day: z.enum(DAY_CODES, { error: expect(`one of ${DAY_CODES.join(", ")}`) }),
            start: clock,
            end: clock,
        },
        { error: objectOf("an object {day, start, end}") },
    )
    .superRefine((w, ctx) => {
        const start = clockMinutes(w.start) ?? 0;
        const end = clockMinutes(w.end) ?? 0;
        if (end <= start)
            ctx.addIssue({ code: "custom", path: ["end"], message: `must be later than start (${w.start}); got "${w.end}"`, input: w.end });
    });

const days = z
    .array(callingWindow, { error: expect("a list of {day, start, end}") })
    .min(1, { error: "must list at least one day" })
    .superRefine((list, ctx) => {
        const seen = new Set<string>();
        list.forEach((w, i) => {
            if (seen.has(w.day))
                ctx.addIssue({ code: "custom", path: [i, "day"], message: `repeats ${w.day}; each day may appear once`, input: w.day });
            seen.add(w.day);
        });
    });

const dialingStrategy = z.strictObject(
    {
        callerId: z.strictObject(
            {
                phoneNumber: text("an E.164 phone number").regex(E164, {
                    error: (iss) => `must be an E.164 phone number like +919876543210; got ${show(iss.input)}`,
                }),
            },
            { error: objectOf("an object {phoneNumber}") },
        ),
        callingHours: z.strictObject(
            {
                frequency: z.enum(FREQUENCIES, { error: expect("one of WEEKLY, DAILY or CUSTOM") }),
                timezone: text("an IANA time zone name").refine(isTimeZone, {
                    error: (iss) => `must be an IANA time zone name such as Asia/Kolkata; got ${show(iss.input)}`,
                }),
                days,
            },
            { error: objectOf("an object {frequency, timezone, days}") },
        ),
    },
    { error: objectOf("an object {callerId, callingHours}") },
);

/** The create/update body schema; `knownContactLists` are the lists that exist (matched exactly). */
export function campaignBodySchema(knownContactLists: readonly string[]) {
    const known = new Set(knownContactLists);
    const contactLists = z
        .array(nonBlank(), { error: expect("a list of contact list names") })
        .min(1, { error: "must name at least one contact list" })
        .superRefine((lists, ctx) => {
            lists.forEach((name, i) => {
                if (!known.has(name))
                    ctx.addIssue({
                        code: "custom",
                        path: [i],
                        message: `Contact list "${name}" does not exist`,
                        params: { verbatim: true },
                        input: name,
                    });
            });
        });

    return z.strictObject(
        {
            name: nonBlank(NAME_MAX),
            description: text()
                .max(DESCRIPTION_MAX, {
                    error: (iss) => `must be at most ${DESCRIPTION_MAX} characters; got ${String((iss.input as string).length)}`,
                })
                .optional(),
            contactLists,
            campaignType: z.literal("sms", { error: expect(`"sms"`) }),
            priority: z
                .enum(PRIORITIES, {
                    error: (iss) =>
                        typeof iss.input === "number"
                            ? `must be a string "1" to "5" (the API documents a string); got ${show(iss.input)}`
                            : expect(`a string "1" to "5"`)(iss),
                })
                .optional(),
            format: z.literal("simple", { error: expect(`"simple" (a message without a template)`) }),
            message: z.strictObject(
                {
                    templateId: z.literal("", { error: expect(`"" (or absent) for a campaign without a template`) }).optional(),
                    message: nonBlank(),
                },
                { error: objectOf("an object {message, templateId}") },
            ),
            dialingStrategy,
            schedule: z
                .strictObject(
                    { isSchedulingEnabled: z.boolean({ error: expect("a boolean") }).optional() },
                    { error: objectOf("an object {isSchedulingEnabled}") },
                )
                .optional(),
        },
        { error: objectOf("a JSON object") },
    );
}

/** Validates a create/update body. All problems, in the order of the documented fields. */
export function validateCampaignBody(body: unknown, knownContactLists: readonly string[]): Checked<ApiCampaignBody> {
    const result = campaignBodySchema(knownContactLists).safeParse(body);
    if (result.success) return { ok: true, value: result.data as ApiCampaignBody };
    return { ok: false, problems: problemsOf(result.error.issues) };
}

// ---------------------------------------------------------------------------------------------
// getAllCampaignDetails

export interface ListQuery {
    limit: number;
    skip: number;
    type: string;
    sortField: (typeof LIST_SORT_FIELDS)[number];
    sortDirection: "asc" | "desc";
    status: string[];
    priority: string[];
}

const nonNegativeInt = (what: string) =>
    z
        .number({ error: expect(what) })
        .int({ error: expect(what) })
        .min(0, { error: expect(what) });

const listBodySchema = z.object(
    {
        limit: z
            .number({ error: expect("an integer of at least 1") })
            .int({ error: expect("an integer of at least 1") })
            .min(1, { error: expect("an integer of at least 1") })
            .optional(),
        skip: nonNegativeInt("an integer of at least 0").optional(),
        page: z
            .number({ error: expect("an integer of at least 1") })
            .int({ error: expect("an integer of at least 1") })
            .min(1, { error: expect("an integer of at least 1") })
            .optional(),
        type: text().optional(),
        sortBy: z
            .record(
                text(),
                z.union([z.literal("asc"), z.literal("desc"), z.literal(1), z.literal(-1)], { error: expect(`"asc", "desc", 1 or -1`) }),
                {
                    error: expect(`an object like {createdAt: "desc"}`),
                },
            )
            .superRefine((sort, ctx) => {
                const keys = Object.keys(sort);
                for (const key of keys)
                    if (!(LIST_SORT_FIELDS as readonly string[]).includes(key))
                        ctx.addIssue({
                            code: "custom",
                            path: [key],
                            message: `cannot sort by this field; use one of ${LIST_SORT_FIELDS.join(", ")}`,
                            input: key,
                        });
                if (keys.length > 1) ctx.addIssue({ code: "custom", message: "must name one field", input: sort });
            })
            .optional(),
        filters: z
            .object(
                {
                    status: z.array(text(), { error: expect("a list of statuses") }).optional(),
                    priority: z
                        .array(z.union([z.string(), z.number()], { error: expect("a priority") }), {
                            error: expect("a list of priorities"),
                        })
                        .optional(),
                },
                { error: expect("an object {status, priority}") },
            )
            .optional(),
    },
    { error: expect("a JSON object") },
);

/**
 * Reads a list body. `skip` wins over `page` (`skip = (page - 1) * limit` when only `page` is given);
 * `limit` defaults to 10 and is capped at 100; unknown fields are ignored.
 */
export function validateListBody(body: unknown): Checked<ListQuery> {
    const result = listBodySchema.safeParse(body ?? {});
    if (!result.success) return { ok: false, problems: problemsOf(result.error.issues) };
    const b = result.data;
    const limit = Math.min(b.limit ?? LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX);
    const skip = b.skip ?? (b.page !== undefined ? (b.page - 1) * limit : 0);
    const [sortField, direction] = (Object.entries(b.sortBy ?? {})[0] ?? ["createdAt", "desc"]) as [
        ListQuery["sortField"],
        string | number,
    ];
    return {
        ok: true,
        value: {
            limit,
            skip,
            type: b.type ?? "sms",
            sortField,
            sortDirection: direction === "asc" || direction === 1 ? "asc" : "desc",
            status: b.filters?.status ?? [],
            priority: (b.filters?.priority ?? []).map(String),
        },
    };
}

// ---------------------------------------------------------------------------------------------
// Control API: faults

const faultMatch = z
    .strictObject({ method: text().optional(), pathIncludes: text().optional() }, { error: objectOf("an object {method, pathIncludes}") })
    .optional();
const faultCount = z
    .number({ error: expect("an integer of at least 1") })
    .int({ error: expect("an integer of at least 1") })
    .min(1, { error: expect("an integer of at least 1") })
    .optional();

const faultSchema = z.discriminatedUnion(
    "kind",
    [
        z.strictObject({
            kind: z.literal("status"),
            status: z
                .number({ error: expect("an HTTP status 400 to 599") })
                .int({ error: expect("an HTTP status 400 to 599") })
                .min(400, { error: expect("an HTTP status 400 to 599") })
                .max(599, { error: expect("an HTTP status 400 to 599") }),
            retryAfterSeconds: nonNegativeInt("an integer of at least 0").optional(),
            count: faultCount,
            match: faultMatch,
        }),
        z.strictObject({
            kind: z.literal("latency"),
            ms: nonNegativeInt("an integer of at least 0 (milliseconds)").max(600_000, { error: "must be at most 600000" }),
            count: faultCount,
            match: faultMatch,
        }),
        z.strictObject({ kind: z.literal("drop-after-create"), count: faultCount, match: faultMatch }),
    ],
    {
        error: (iss) => {
            const kind = (iss.input as { kind?: unknown } | undefined)?.kind;
            return kind === undefined ? "is required" : `must be "status", "latency" or "drop-after-create"; got ${show(kind)}`;
        },
    },
);

/** Validates a fault for the control API / `injectFault`. */
export function validateFault(fault: unknown): Checked<Fault> {
    if (!fault || typeof fault !== "object" || Array.isArray(fault))
        return { ok: false, problems: [{ field: "body", message: `body must be a fault object; got ${show(fault)}` }] };
    const result = faultSchema.safeParse(fault);
    if (result.success) return { ok: true, value: result.data as Fault };
    return { ok: false, problems: problemsOf(result.error.issues) };
}
