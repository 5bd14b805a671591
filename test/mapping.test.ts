import { expect } from "chai";
import { decodeMessage, encodeMessage, toApiBody, toOutputs } from "../provider/mapping";
import { sampleInputs } from "./fixtures";

describe("mapping", () => {
    it("builds the documented create body, Base64-encoding the message by default", () => {
        const body = toApiBody(sampleInputs());
        expect(body).to.deep.equal({
            name: "Event Reminder SMS Campaign",
            description: "Sends a one-time message to remind users about an upcoming event.",
            contactLists: ["Renewal Due - May/June 2025"],
            campaignType: "sms",
            priority: "5",
            format: "simple",
            message: { templateId: "", message: Buffer.from("Hi, This is just reminder for upcoming event").toString("base64") },
            dialingStrategy: sampleInputs().dialingStrategy,
            schedule: { isSchedulingEnabled: false },
        });
        expect(body).to.not.have.any.keys("messageEncoding", "readyTimeoutSeconds", "connection", "adoptExistingId");
    });

    it("sends plain text when messageEncoding is plain, as the API's sample does", () => {
        expect(toApiBody(sampleInputs({ messageEncoding: "plain" })).message.message).to.equal(
            "Hi, This is just reminder for upcoming event",
        );
    });

    it("leaves optional properties out of the body when unset", () => {
        const body = toApiBody(sampleInputs({ description: undefined, priority: undefined, schedule: undefined }));
        expect(body).to.not.have.any.keys("description", "priority", "schedule");
    });

    const roundTrips = ["Hi", "Namaste 🙏 — ünïcödé", "Test", "abcd", "a".repeat(300)];
    for (const text of roundTrips) {
        it(`decodes a Base64 message back to its text: ${JSON.stringify(text.slice(0, 20))}`, () => {
            expect(decodeMessage(encodeMessage(text, "base64"), "base64")).to.equal(text);
        });
    }

    it("keeps a message Kore.ai returns as plain text, even for a Base64 campaign", () => {
        expect(decodeMessage("Hi, This is just reminder for upcoming event", "base64")).to.equal(
            "Hi, This is just reminder for upcoming event",
        );
        expect(decodeMessage("Test", "base64")).to.equal("Test");
    });

    it("keeps only the documented fields of a dialing strategy, so extra API fields never look like drift", () => {
        const inputs = sampleInputs();
        const withExtras = {
            ...inputs.dialingStrategy,
            _id: "ds-1",
            callerId: { ...inputs.dialingStrategy.callerId, verified: true },
            callingHours: {
                ...inputs.dialingStrategy.callingHours,
                days: inputs.dialingStrategy.callingHours.days.map((d, i) => ({ ...d, _id: `d${i}` })),
            },
        };
        const outs = toOutputs(
            { _id: "cd-1", name: inputs.name, status: "Ready", dialingStrategy: withExtras as never },
            inputs,
            { messageEncoding: "base64", readyTimeoutSeconds: 60 },
            "base64",
        );
        expect(outs.dialingStrategy).to.deep.equal(inputs.dialingStrategy);
    });

    it("maps an API campaign to outputs with id, status, timestamps and the decoded message", () => {
        const outs = toOutputs(
            {
                _id: "cd-9",
                name: "Promo",
                lname: "promo",
                status: "Preparing",
                message: { message: Buffer.from("Sale!").toString("base64") },
                createdAt: "2025-06-27T08:54:23.418Z",
                updatedAt: "2025-06-27T09:00:00.000Z",
                enableMachineDetect: false,
                totalMessagesSent: 3,
                dialingStrategy: {
                    callerId: { phoneNumber: "+919876543210" },
                    callingHours: {
                        frequency: "WEEKLY",
                        timezone: "Asia/Kolkata",
                        days: [{ day: "MO", start: "09:00 AM", end: "6:00 PM" }],
                    },
                },
            },
            sampleInputs(),
            { messageEncoding: "base64", readyTimeoutSeconds: 60 },
            "base64",
        );
        expect(outs).to.include({
            campaignId: "cd-9",
            status: "Preparing",
            lname: "promo",
            createdAt: "2025-06-27T08:54:23.418Z",
            updatedAt: "2025-06-27T09:00:00.000Z",
            enableMachineDetect: false,
            totalMessagesSent: 3,
            apiMessageEncoding: "base64",
            name: "Promo",
        });
        expect(outs.message).to.deep.equal({ message: "Sale!", templateId: "" });
        // What the API holds is put in canonical form, so it compares equal to the user's spelling.
        expect(outs.dialingStrategy.callingHours.days[0].start).to.equal("9:00 AM");
        // Left out by the API: taken from what was sent.
        expect(outs.contactLists).to.deep.equal(["Renewal Due - May/June 2025"]);
    });
});
