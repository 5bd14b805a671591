import { expect } from "chai";
import { UNKNOWN, checkCampaignInputs } from "../provider/schema";
import { sampleArgs, withPath } from "./fixtures";

const DAYS = "dialingStrategy.callingHours.days";

describe("check: validation of SmsCampaign inputs", () => {
    it("accepts the vendor's sample request and fills in the provider defaults", () => {
        const result = checkCampaignInputs({ ...sampleArgs(), __provider: "serialized" });
        expect(result.failures).to.deep.equal([]);
        expect(result.inputs).to.not.have.property("__provider");
        expect(result.inputs).to.include({ format: "simple", messageEncoding: "base64", readyTimeoutSeconds: 60, priority: "5" });
        expect((result.inputs as { message: unknown }).message).to.deep.equal({
            message: "Hi, This is just reminder for upcoming event",
            templateId: "",
        });
    });

    // One row per rule: the property path and the exact reason a user sees at `pulumi preview`.
    const failures: [string, string, unknown, string][] = [
        ["missing name", "name", undefined, "name is required: the campaign's name, 1 to 48 characters"],
        ["blank name", "name", "   ", "name must not be empty: the campaign's name, 1 to 48 characters"],
        ["name with padding", "name", " Promo ", `name must not start or end with spaces; got " Promo "`],
        ["name of 49 characters", "name", "x".repeat(49), "name is 49 characters long; Kore.ai accepts 1 to 48 characters"],
        ["name not a string", "name", 42, "name must be a string (the campaign's name, 1 to 48 characters); got 42"],
        [
            "description of 257 characters",
            "description",
            "d".repeat(257),
            "description is 257 characters long; Kore.ai accepts at most 256 characters",
        ],
        [
            "no contact lists",
            "contactLists",
            [],
            `contactLists must name at least one existing Kore.ai contact list, e.g. ["Renewal Due - May/June 2025"]`,
        ],
        ["contact lists missing", "contactLists", undefined, "contactLists is required: a list of existing Kore.ai contact list names"],
        ["contact lists not a list", "contactLists", "Newsletter", `contactLists must be a list of contact list names; got "Newsletter"`],
        [
            "empty contact list name",
            "contactLists",
            ["A", ""],
            "contactLists[1] must not be empty: the name of an existing Kore.ai contact list",
        ],
        ["repeated contact list", "contactLists", ["A", "B", "A"], `contactLists[2] repeats "A"; each contact list may appear once`],
        ["priority 0", "priority", "0", `priority must be "1" to "5" (a number 1 to 5 is also accepted); got "0"`],
        ["priority 6 as number", "priority", 6, `priority must be "1" to "5" (a number 1 to 5 is also accepted); got 6`],
        ["priority high", "priority", "high", `priority must be "1" to "5" (a number 1 to 5 is also accepted); got "high"`],
        [
            "format advanced",
            "format",
            "advanced",
            `format must be "simple" (a plain SMS; "advanced" experience flows are not created by this call); got "advanced"`,
        ],
        ["message missing", "message", undefined, `message is required: { message: "<the SMS text>" }`],
        [
            "message text empty",
            "message.message",
            "",
            "message.message must not be empty: the SMS text, written as plain text (the provider encodes it for the API)",
        ],
        [
            "message with a template",
            "message.templateId",
            "tpl-1",
            `message.templateId must be empty: this resource creates campaigns without a template (Kore.ai's "without template" call); got "tpl-1"`,
        ],
        ["message with a typo'd key", "message.mesage", "hi", `message has unknown property "mesage"; message accepts message, templateId`],
        [
            "local phone number",
            "dialingStrategy.callerId.phoneNumber",
            "09876543210",
            `dialingStrategy.callerId.phoneNumber must be a phone number in E.164 form, e.g. "+14155550123"; got "09876543210"`,
        ],
        [
            "impossible phone number",
            "dialingStrategy.callerId.phoneNumber",
            "+1555",
            `dialingStrategy.callerId.phoneNumber must be a phone number in E.164 form, e.g. "+14155550123"; got "+1555"`,
        ],
        [
            "callerId missing",
            "dialingStrategy.callerId",
            undefined,
            `dialingStrategy.callerId is required: { phoneNumber: "+14155550123" }`,
        ],
        [
            "frequency monthly",
            "dialingStrategy.callingHours.frequency",
            "MONTHLY",
            `dialingStrategy.callingHours.frequency must be one of WEEKLY, DAILY, CUSTOM; got "MONTHLY"`,
        ],
        [
            "made-up time zone",
            "dialingStrategy.callingHours.timezone",
            "Mars/Olympus",
            `dialingStrategy.callingHours.timezone must be an IANA time zone name, e.g. "Asia/Kolkata" or "America/New_York"; got "Mars/Olympus"`,
        ],
        [
            "offset instead of zone",
            "dialingStrategy.callingHours.timezone",
            "+05:30",
            `dialingStrategy.callingHours.timezone must be an IANA time zone name, e.g. "Asia/Kolkata" or "America/New_York"; got "+05:30"`,
        ],
        [
            "no calling windows",
            DAYS,
            [],
            `${DAYS} must list at least one calling window, e.g. [{ day: "MO", start: "9:00 AM", end: "6:00 PM" }]`,
        ],
        ["unknown day", `${DAYS}[0].day`, "MON", `${DAYS}[0].day must be one of MO, TU, WE, TH, FR, SA, SU; got "MON"`],
        ["repeated day", `${DAYS}[1].day`, "MO", `${DAYS}[1].day repeats MO; each day may appear once`],
        [
            "hour 13 with PM",
            `${DAYS}[0].start`,
            "13:00 PM",
            `${DAYS}[0].start must be a time as h:mm AM/PM, e.g. "9:00 AM" ("09:00 am" and 24-hour "21:00" are also accepted); got "13:00 PM"`,
        ],
        [
            "hour 25",
            `${DAYS}[0].start`,
            "25:00",
            `${DAYS}[0].start must be a time as h:mm AM/PM, e.g. "9:00 AM" ("09:00 am" and 24-hour "21:00" are also accepted); got "25:00"`,
        ],
        [
            "24:00",
            `${DAYS}[0].end`,
            "24:00",
            `${DAYS}[0].end must be a time as h:mm AM/PM, e.g. "9:00 AM" ("09:00 am" and 24-hour "21:00" are also accepted); got "24:00"`,
        ],
        [
            "connection given as a string (never echoed)",
            "connection",
            '{"clientSecret":"s3cret"}',
            "connection must be an object (connection: host, iid, accountId, clientId, clientSecret, jwt); got a string",
        ],
        [
            "time without minutes",
            `${DAYS}[0].end`,
            "6 PM",
            `${DAYS}[0].end must be a time as h:mm AM/PM, e.g. "9:00 AM" ("09:00 am" and 24-hour "21:00" are also accepted); got "6 PM"`,
        ],
        [
            "end before start",
            `${DAYS}[0].end`,
            "8:00 AM",
            `${DAYS}[0].end must be later than start (9:00 AM); got 8:00 AM. A window ends on the day it starts; use "11:59 PM" for the end of the day`,
        ],
        [
            "end equal to start",
            `${DAYS}[0].end`,
            "09:00",
            `${DAYS}[0].end must be later than start (9:00 AM); got 9:00 AM. A window ends on the day it starts; use "11:59 PM" for the end of the day`,
        ],
        [
            "scheduling flag as string",
            "schedule.isSchedulingEnabled",
            "no",
            `schedule.isSchedulingEnabled must be true or false (false starts the campaign at once); got "no"`,
        ],
        [
            "encoding utf8",
            "messageEncoding",
            "utf8",
            `messageEncoding must be "base64" (the API table's form, the default) or "plain" (as the API's sample sends); got "utf8"`,
        ],
        [
            "negative ready timeout",
            "readyTimeoutSeconds",
            -1,
            "readyTimeoutSeconds must be a whole number of seconds from 0 (do not wait) to 3600; got -1",
        ],
        [
            "fractional ready timeout",
            "readyTimeoutSeconds",
            1.5,
            "readyTimeoutSeconds must be a whole number of seconds from 0 (do not wait) to 3600; got 1.5",
        ],
        [
            "adopt id with spaces",
            "adoptExistingId",
            " cd-1",
            `adoptExistingId must be the _id of an existing Kore.ai campaign, e.g. "cd-b124b013-95bd-5ff2-ad90-01b8f4ee0000"; got " cd-1"`,
        ],
        [
            "typo at the top level",
            "contactList",
            ["A"],
            `SmsCampaign has unknown property "contactList"; SmsCampaign accepts name, description, contactLists, priority, format, message, dialingStrategy, schedule, messageEncoding, readyTimeoutSeconds, adoptExistingId, connection`,
        ],
        [
            "campaignType set by the user",
            "campaignType",
            "sms",
            `SmsCampaign has unknown property "campaignType"; SmsCampaign accepts name, description, contactLists, priority, format, message, dialingStrategy, schedule, messageEncoding, readyTimeoutSeconds, adoptExistingId, connection`,
        ],
        ["connection field not a string", "connection", { host: 1 }, "connection.host must be a string"],
    ];

    for (const [title, path, value, reason] of failures) {
        it(`rejects ${title}`, () => {
            const result = checkCampaignInputs(withPath(sampleArgs(), path, value));
            const property = path === "contactList" || path === "campaignType" ? "" : reason.split(" ")[0];
            expect(result.failures).to.deep.equal([{ property, reason }]);
        });
    }

    it("reports every problem at once, each under its own path", () => {
        const bad = withPath(withPath(sampleArgs(), "name", ""), "priority", "9");
        const result = checkCampaignInputs(bad);
        expect(result.failures.map((f) => f.property)).to.deep.equal(["name", "priority"]);
    });

    it("never echoes a credential in a failure", () => {
        const result = checkCampaignInputs(sampleArgs({ connection: { clientSecret: 12345678, jwt: ["eyJsecret"] } }));
        const text = JSON.stringify(result.failures);
        expect(text).to.not.include("12345678");
        expect(text).to.not.include("eyJsecret");
        expect(result.failures.map((f) => f.property)).to.deep.equal(["connection.clientSecret", "connection.jwt"]);
    });

    const garbage: unknown[] = [
        null,
        undefined,
        7,
        "text",
        [],
        [1, 2],
        { name: { nested: true } },
        { dialingStrategy: [] },
        { dialingStrategy: { callingHours: { days: [null, 5, "MO"] } } },
        { message: { message: { $ne: 1 } } },
    ];
    for (const input of garbage) {
        it(`never throws, whatever the JSON: ${JSON.stringify(input)}`, () => {
            const result = checkCampaignInputs(input);
            expect(result.failures.length).to.be.greaterThan(0);
            for (const f of result.failures) expect(f.reason).to.be.a("string").and.not.equal("");
        });
    }
});

describe("check: normalisation (equivalent spellings become one canonical value)", () => {
    const cases: [string, string, unknown, unknown][] = [
        ["priority as a number", "priority", 3, "3"],
        ["12-hour time with a leading zero and lower case", `${DAYS}[0].start`, "09:05 am", "9:05 AM"],
        ["12-hour time without a space", `${DAYS}[0].start`, "9:05am", "9:05 AM"],
        ["24-hour time", `${DAYS}[0].end`, "21:30", "9:30 PM"],
        ["noon in 24-hour form", `${DAYS}[0].end`, "12:00", "12:00 PM"],
        ["lower-case day", `${DAYS}[0].day`, "mo", "MO"],
        ["lower-case frequency", "dialingStrategy.callingHours.frequency", "daily", "DAILY"],
        ["a formatted international phone number", "dialingStrategy.callerId.phoneNumber", "+91 98765-43210", "+919876543210"],
        ["an empty description", "description", "", undefined],
        ["an empty template id", "message.templateId", "", ""],
    ];
    for (const [title, path, given, expected] of cases) {
        it(`normalises ${title}`, () => {
            const result = checkCampaignInputs(withPath(sampleArgs(), path, given));
            expect(result.failures).to.deep.equal([]);
            const normalised = JSON.parse(JSON.stringify(result.inputs));
            const keys = path.replace(/\[(\d+)\]/g, ".$1").split(".");
            expect(keys.reduce((o, k) => o?.[k], normalised)).to.deep.equal(expected);
        });
    }

    it("puts calling windows in week order", () => {
        const args = withPath(sampleArgs(), DAYS, [
            { day: "FR", start: "9:00 AM", end: "5:00 PM" },
            { day: "MO", start: "10:00 AM", end: "6:00 PM" },
        ]);
        const result = checkCampaignInputs(args);
        const days = (result.inputs as { dialingStrategy: { callingHours: { days: { day: string }[] } } }).dialingStrategy.callingHours
            .days;
        expect(days.map((d) => d.day)).to.deep.equal(["MO", "FR"]);
    });
});

describe("check: values not known during preview", () => {
    const places = [
        "name",
        "description",
        "contactLists",
        "contactLists[0]",
        "priority",
        "message",
        "message.message",
        "dialingStrategy",
        "dialingStrategy.callerId.phoneNumber",
        "dialingStrategy.callingHours",
        "dialingStrategy.callingHours.timezone",
        `${DAYS}`,
        `${DAYS}[0]`,
        `${DAYS}[1].day`,
        `${DAYS}[0].end`,
        "schedule",
        "readyTimeoutSeconds",
        "connection",
    ];
    for (const path of places) {
        it(`lets an unknown ${path} through and keeps it in the inputs`, () => {
            const result = checkCampaignInputs(withPath(sampleArgs(), path, UNKNOWN));
            expect(result.failures).to.deep.equal([]);
            const keys = path.replace(/\[(\d+)\]/g, ".$1").split(".");
            expect(keys.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], result.inputs)).to.equal(UNKNOWN);
        });
    }

    it("still reports real problems next to an unknown value", () => {
        const args = withPath(withPath(sampleArgs(), "name", UNKNOWN), "priority", "7");
        expect(checkCampaignInputs(args).failures.map((f) => f.property)).to.deep.equal(["priority"]);
    });
});
