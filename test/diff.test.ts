import { expect } from "chai";
import { diffCampaign } from "../provider/diff";
import { toOutputs } from "../provider/mapping";
import { UNKNOWN, checkCampaignInputs } from "../provider/schema";
import type { ApiCampaign, CampaignInputs, CampaignOutputs } from "../provider/types";
import { sampleArgs, sampleInputs, withPath } from "./fixtures";

/** State as create would have stored it for the sample campaign. */
function storedOutputs(overrides: Partial<CampaignOutputs> = {}): CampaignOutputs {
    const inputs = sampleInputs();
    const campaign: ApiCampaign = {
        _id: "cd-1",
        name: inputs.name,
        lname: inputs.name.toLowerCase(),
        status: "Ready",
        description: inputs.description,
        priority: inputs.priority,
        contactLists: inputs.contactLists,
        format: "simple",
        message: { message: Buffer.from(inputs.message.message).toString("base64") },
        dialingStrategy: inputs.dialingStrategy,
        schedule: inputs.schedule,
        createdAt: "2025-06-27T08:54:23.418Z",
        updatedAt: "2025-06-27T08:54:23.418Z",
        enableMachineDetect: false,
    };
    return { ...toOutputs(campaign, inputs, { messageEncoding: "base64", readyTimeoutSeconds: 60 }, "base64"), ...overrides };
}

function checked(args: Record<string, unknown>): CampaignInputs {
    const r = checkCampaignInputs(args);
    expect(r.failures).to.deep.equal([]);
    return r.inputs as CampaignInputs;
}

describe("diff", () => {
    it("reports no changes for the inputs that created the campaign", () => {
        expect(diffCampaign(storedOutputs(), checked(sampleArgs()))).to.deep.equal({
            changes: false,
            replaces: [],
            updates: [],
            deleteBeforeReplace: false,
        });
    });

    it("ignores __provider: a new provider version alone replaces nothing", () => {
        const olds = { ...storedOutputs(), __provider: "old serialized code" } as unknown as CampaignOutputs;
        const news = { ...checked(sampleArgs()), __provider: "new serialized code" } as unknown as CampaignInputs;
        expect(diffCampaign(olds, news).changes).to.equal(false);
    });

    const equivalent: [string, string, unknown][] = [
        ["priority as a number", "priority", 5],
        ["times in another spelling", "dialingStrategy.callingHours.days[0].end", "18:00"],
        [
            "days in another order",
            "dialingStrategy.callingHours.days",
            ["FR", "TH", "WE", "TU", "MO"].map((day) => ({ day, start: "9:00 am", end: "6:00 pm" })),
        ],
        ["a lower-case frequency", "dialingStrategy.callingHours.frequency", "weekly"],
        ["a formatted phone number", "dialingStrategy.callerId.phoneNumber", "+91 98765 43210"],
        ["priority left out", "priority", undefined],
        ["description left out", "description", undefined],
        ["schedule left out", "schedule", undefined],
    ];
    for (const [title, path, value] of equivalent) {
        it(`sees no change for ${title}`, () => {
            expect(diffCampaign(storedOutputs(), checked(withPath(sampleArgs(), path, value))).changes).to.equal(false);
        });
    }

    const replacing: [string, string, unknown, string][] = [
        ["the message text", "message.message", "New text", "message"],
        ["the description", "description", "Another description", "description"],
        ["a contact list", "contactLists", ["Newsletter"], "contactLists"],
        ["the priority", "priority", "1", "priority"],
        ["the caller id", "dialingStrategy.callerId.phoneNumber", "+14155550123", "dialingStrategy"],
        ["a calling window", "dialingStrategy.callingHours.days[4].end", "5:00 PM", "dialingStrategy"],
        ["the time zone", "dialingStrategy.callingHours.timezone", "Europe/Berlin", "dialingStrategy"],
        ["the scheduling flag", "schedule.isSchedulingEnabled", true, "schedule"],
        ["only the case of the name", "name", "EVENT REMINDER SMS CAMPAIGN", "name"],
    ];
    for (const [title, path, value, key] of replacing) {
        it(`replaces for a change of ${title}, deleting first because the name is kept`, () => {
            const d = diffCampaign(storedOutputs(), checked(withPath(sampleArgs(), path, value)));
            expect(d).to.deep.equal({ changes: true, replaces: [key], updates: [], deleteBeforeReplace: true });
        });
    }

    it("creates the new campaign first when the name changes", () => {
        const d = diffCampaign(storedOutputs(), checked(sampleArgs({ name: "Renamed campaign", message: { message: "x" } })));
        expect(d).to.deep.equal({ changes: true, replaces: ["name", "message"], updates: [], deleteBeforeReplace: false });
    });

    const providerOnly: [string, Record<string, unknown>, string][] = [
        ["the message encoding", { messageEncoding: "plain" }, "messageEncoding"],
        ["the ready timeout", { readyTimeoutSeconds: 5 }, "readyTimeoutSeconds"],
        ["the adopted id", { adoptExistingId: "cd-1" }, "adoptExistingId"],
        ["the connection", { connection: { host: "https://eu-platform.kore.ai" } }, "connection"],
    ];
    for (const [title, change, key] of providerOnly) {
        it(`updates without replacing for a change of ${title} only`, () => {
            const d = diffCampaign(storedOutputs(), checked(sampleArgs(change)));
            expect(d).to.deep.equal({ changes: true, replaces: [], updates: [key], deleteBeforeReplace: false });
        });
    }

    it("plans a replacement for a property not known yet, and deletes first in case the name is kept", () => {
        const d = diffCampaign(storedOutputs(), checked(withPath(sampleArgs(), "message.message", UNKNOWN)));
        expect(d).to.deep.equal({ changes: true, replaces: ["message"], updates: [], deleteBeforeReplace: true });
        const byName = diffCampaign(storedOutputs(), checked(sampleArgs({ name: UNKNOWN })));
        expect(byName).to.include({ changes: true, deleteBeforeReplace: true });
        expect(byName.replaces).to.deep.equal(["name"]);
    });

    const here = { host: "https://platform.kore.ai", iid: "st-1", accountId: "acc-1" };
    const located = () => storedOutputs({ ...here });

    it("sees no move while the settings point where the campaign lives", () => {
        expect(diffCampaign(located(), checked(sampleArgs()), here).changes).to.equal(false);
    });

    const moves: [string, Partial<typeof here>, string[]][] = [
        ["another account", { accountId: "acc-2" }, ["accountId"]],
        ["another app", { iid: "st-2" }, ["iid"]],
        ["another host", { host: "https://eu-platform.kore.ai" }, ["host"]],
    ];
    for (const [title, change, keys] of moves) {
        it(`replaces, creating first, a campaign whose settings now point at ${title}`, () => {
            const d = diffCampaign(located(), checked(sampleArgs()), { ...here, ...change });
            expect(d).to.deep.equal({ changes: true, replaces: keys, updates: [], deleteBeforeReplace: false });
        });
    }

    it("plans a replacement when the connection is not known yet (preview)", () => {
        expect(diffCampaign(located(), checked(sampleArgs()), "unknown").replaces).to.deep.equal(["connection"]);
    });

    it("ignores location for state written before it was recorded", () => {
        expect(diffCampaign(storedOutputs(), checked(sampleArgs()), { ...here, iid: "st-9" }).changes).to.equal(false);
    });

    it("refuses to replace an adopted campaign, saying what to do", () => {
        const adopted = storedOutputs({ adoptExistingId: "cd-1" });
        expect(() => diffCampaign(adopted, checked(sampleArgs({ adoptExistingId: "cd-1", message: { message: "new" } })))).to.throw(
            "adoptExistingId: campaign cd-1 was adopted, and the change to message would replace it, which deletes it and then tries to adopt it again. " +
                "Remove adoptExistingId first (that changes nothing), run `pulumi up`, then make the change",
        );
        // Removing adoptExistingId is a plain update.
        expect(diffCampaign(adopted, checked(sampleArgs()))).to.deep.include({ changes: true, replaces: [], updates: ["adoptExistingId"] });
    });

    it("refuses adoptExistingId naming another campaign than the one this resource manages", () => {
        expect(() => diffCampaign(storedOutputs(), checked(sampleArgs({ adoptExistingId: "cd-other" })))).to.throw(
            'adoptExistingId is "cd-other", but this resource manages campaign cd-1.',
        );
    });

    it("shows drift found by refresh: a message changed in Kore.ai is a replacement", () => {
        const drifted = storedOutputs({ message: { message: "changed in the console", templateId: "" } });
        expect(diffCampaign(drifted, checked(sampleArgs())).replaces).to.deep.equal(["message"]);
    });
});
