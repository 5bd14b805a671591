// @ts-check
// An ES module program: named imports from the package, top-level await, no build step.
import * as pulumi from "@pulumi/pulumi";
import { SmsCampaign } from "pulumi-kore-sms";

const config = new pulumi.Config();
const readyTimeoutSeconds = config.getNumber("readyTimeoutSeconds") ?? 30;

const connectionSecret = config.getSecret("connectionClientSecret");
const connection = connectionSecret && {
    host: config.require("connectionHost"),
    iid: config.require("connectionIid"),
    accountId: config.require("connectionAccountId"),
    clientId: config.require("connectionClientId"),
    clientSecret: connectionSecret,
};

/** @type {(day: "MO" | "TU" | "WE" | "TH" | "FR") => { day: typeof day, start: string, end: string }} */
const officeHours = (day) => ({ day, start: "9:00 AM", end: "6:00 PM" });

const reminder = new SmsCampaign("event-reminder", {
    name: "Event Reminder SMS Campaign",
    description: "Reminds registered users of the upcoming event.",
    contactLists: ["Renewal Due - May/June 2025"],
    priority: config.get("reminderPriority") ?? "5",
    message: { message: config.get("reminderMessage") ?? "Hi, this is a reminder for the upcoming event." },
    dialingStrategy: {
        callerId: { phoneNumber: "+919876543210" },
        callingHours: {
            frequency: "WEEKLY",
            timezone: "Asia/Kolkata",
            days: ["MO", "TU", "WE", "TH", "FR"].map((d) => officeHours(/** @type {any} */ (d))),
        },
    },
    schedule: { isSchedulingEnabled: false },
    // Take over an existing campaign (e.g. one an interrupted run created) instead of creating one.
    adoptExistingId: config.get("reminderAdoptId"),
    readyTimeoutSeconds,
    connection,
});

const renewal = new SmsCampaign("renewal-notice", {
    name: "Renewal Notice",
    contactLists: ["Newsletter", "VIP Customers"],
    priority: 3,
    message: { message: "Your plan renews next week. Reply STOP to opt out." },
    dialingStrategy: {
        callerId: { phoneNumber: "+14155550123" },
        callingHours: { frequency: "DAILY", timezone: "America/New_York", days: [{ day: "SA", start: "10:00", end: "16:30" }] },
    },
    messageEncoding: "plain",
    readyTimeoutSeconds,
});

// Top-level await works in an ES module program.
await Promise.resolve();

export const campaigns = {
    reminder: { id: reminder.campaignId, status: reminder.status, createdAt: reminder.createdAt, updatedAt: reminder.updatedAt },
    renewal: { id: renewal.campaignId, status: renewal.status, createdAt: renewal.createdAt, updatedAt: renewal.updatedAt },
};
