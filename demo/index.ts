// The demo program: campaign definitions live in demo/campaigns.json, reviewed like any other code.
// Connection settings come from stack config (kore:*); `npm run demo` points them at the emulator.
import * as fs from "node:fs";
import * as path from "node:path";
import { SmsCampaign, SmsCampaignArgs } from "pulumi-kore-sms";

type Definition = SmsCampaignArgs & { resourceName: string };

const definitions: Definition[] = JSON.parse(fs.readFileSync(path.join(__dirname, "campaigns.json"), "utf8"));

const campaigns = definitions.map(({ resourceName, ...args }) => new SmsCampaign(resourceName, { readyTimeoutSeconds: 10, ...args }));

export const created = Object.fromEntries(
    campaigns.map((c, i) => [
        definitions[i].resourceName,
        { id: c.campaignId, name: c.name, status: c.status, createdAt: c.createdAt, updatedAt: c.updatedAt },
    ]),
);
