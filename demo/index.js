// @ts-check
// The demo program: campaign definitions live in demo/campaigns.json, reviewed like any other code.
// Connection settings come from stack config (kore:*); `npm run demo` points them at the emulator.
const fs = require("node:fs");
const path = require("node:path");
const { SmsCampaign } = require("pulumi-kore-sms");

/** @typedef {import("pulumi-kore-sms").SmsCampaignArgs & { resourceName: string }} Definition */

/** @type {Definition[]} */
const definitions = JSON.parse(fs.readFileSync(path.join(__dirname, "campaigns.json"), "utf8"));

const campaigns = definitions.map(({ resourceName, ...args }) => new SmsCampaign(resourceName, { readyTimeoutSeconds: 10, ...args }));

exports.created = Object.fromEntries(
    campaigns.map((c, i) => [
        definitions[i].resourceName,
        { id: c.campaignId, name: c.name, status: c.status, createdAt: c.createdAt, updatedAt: c.updatedAt },
    ]),
);
