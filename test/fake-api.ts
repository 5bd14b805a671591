// An in-memory CampaignApi for unit tests of the provider methods, with a call log.
import type { CampaignApi, CreateOutcome } from "../provider/client";
import { KoreApiError } from "../provider/errors";
import type { ApiCampaign, ApiCampaignBody, ApiCampaignSummary } from "../provider/types";

export class FakeCampaignApi implements CampaignApi {
    campaigns = new Map<string, ApiCampaign>();
    calls: string[] = [];
    /** Status a new campaign starts in, and statuses each later GET reports (in order). */
    createdStatus = "Ready";
    statusSequence: string[] = [];
    createError?: Error;
    private next = 1;

    seed(c: Partial<ApiCampaign> & { name: string }): ApiCampaign {
        const campaign: ApiCampaign = {
            _id: `cd-${this.next++}`,
            status: "Ready",
            lname: c.name.toLowerCase(),
            createdAt: "t0",
            updatedAt: "t0",
            ...c,
        };
        this.campaigns.set(campaign._id, campaign);
        return campaign;
    }

    async createCampaign(body: ApiCampaignBody, _isOurs: (c: ApiCampaign) => boolean): Promise<CreateOutcome> {
        this.calls.push(`create ${body.name}`);
        if (this.createError) throw this.createError;
        if ([...this.campaigns.values()].some((c) => c.name.toLowerCase() === body.name.toLowerCase()))
            throw new KoreApiError(
                `Kore.ai rejected create campaign with 400: Campaign with name "${body.name}" already exists`,
                400,
                "create campaign",
            );
        const { campaignType: _t, ...rest } = body;
        return { campaign: this.seed({ ...rest, status: this.createdStatus }), recovered: false };
    }

    async getCampaign(id: string): Promise<ApiCampaign | undefined> {
        this.calls.push(`get ${id}`);
        const c = this.campaigns.get(id);
        if (c && this.statusSequence.length > 0) c.status = this.statusSequence.shift()!;
        return c && { ...c };
    }

    async findCampaignsByName(name: string): Promise<ApiCampaignSummary[]> {
        this.calls.push(`list ${name}`);
        return [...this.campaigns.values()]
            .filter((c) => c.name.toLowerCase() === name.toLowerCase())
            .map((c) => ({ id: c._id, name: c.name, status: c.status }));
    }

    async deleteCampaign(id: string): Promise<"deleted" | "absent"> {
        this.calls.push(`delete ${id}`);
        return this.campaigns.delete(id) ? "deleted" : "absent";
    }

    async stopCampaign(id: string): Promise<void> {
        this.calls.push(`stop ${id}`);
        const c = this.campaigns.get(id);
        if (c) c.status = "Stopped";
    }
}
