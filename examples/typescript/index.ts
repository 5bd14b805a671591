import * as pulumi from "@pulumi/pulumi";
import { SmsCampaign } from "pulumi-kore-sms";

// Connection settings come from stack config (kore:host, kore:iid, kore:accountId, kore:clientId,
// kore:clientSecret or kore:jwt) or KORE_* environment variables; see the package README.
const config = new pulumi.Config();

const weekdays = ["MO", "TU", "WE", "TH", "FR"] as const;
const callingHours = {
    frequency: "WEEKLY" as const,
    timezone: "Asia/Kolkata",
    days: weekdays.map((day) => ({ day, start: "9:00 AM", end: "6:00 PM" })),
};

// Optional: a connection for one campaign only (e.g. another Kore.ai app). Kept as a secret in state.
const connectionSecret = config.getSecret("connectionClientSecret");
const connection = connectionSecret && {
    host: config.require("connectionHost"),
    iid: config.require("connectionIid"),
    accountId: config.require("connectionAccountId"),
    clientId: config.require("connectionClientId"),
    clientSecret: connectionSecret,
};

const reminder = new SmsCampaign("event-reminder", {
    name: "Event Reminder SMS Campaign",
    description: "Reminds registered users of the upcoming event.",
    contactLists: ["Renewal Due - May/June 2025"],
    priority: config.get("reminderPriority") ?? "5",
    message: { message: config.get("reminderMessage") ?? "Hi, this is a reminder for the upcoming event." },
    dialingStrategy: { callerId: { phoneNumber: "+919876543210" }, callingHours },
    schedule: { isSchedulingEnabled: false },
    // Take over an existing campaign (e.g. one an interrupted run created) instead of creating one.
    adoptExistingId: config.get("reminderAdoptId"),
    readyTimeoutSeconds: config.getNumber("readyTimeoutSeconds") ?? 30,
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
    readyTimeoutSeconds: config.getNumber("readyTimeoutSeconds") ?? 30,
});

export const campaigns = {
    reminder: { id: reminder.campaignId, status: reminder.status, createdAt: reminder.createdAt, updatedAt: reminder.updatedAt },
    renewal: { id: renewal.campaignId, status: renewal.status, createdAt: renewal.createdAt, updatedAt: renewal.updatedAt },
};
