// The emulator's campaigns, per account, with optional persistence to a JSON file (rewritten
// atomically after every change). `Preparing` turns into `Ready` lazily: a record keeps the time it
// becomes ready and every read computes the effective status, so there are no timers to leak.
import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { ApiCampaignBody } from "../types";
import type { EmulatedCampaign, StoredCampaign } from "./types";

export const DATA_FILE_FORMAT = "kore-campaign-emulator/1";

export interface CampaignRecord {
    accountId: string;
    /** Creation order; breaks ties between equal `createdAt`. */
    seq: number;
    /** Epoch ms at which a `Preparing` campaign counts as `Ready`. */
    readyAt: number;
    campaign: EmulatedCampaign;
}

interface DataFile {
    format: string;
    savedAt: string;
    campaigns: CampaignRecord[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** RFC 7386 JSON merge patch: objects merge recursively, `null` deletes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
    if (!isPlainObject(patch)) return structuredClone(patch);
    const out: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
    for (const [key, value] of Object.entries(patch)) {
        if (value === null) delete out[key];
        else out[key] = mergePatch(out[key], value);
    }
    return out;
}

export class CampaignStore {
    private readonly records = new Map<string, CampaignRecord>();
    private seq = 0;

    constructor(
        private readonly preparingMs: number,
        private readonly dataFile?: string,
    ) {
        if (dataFile) this.load(dataFile);
    }

    /** The campaign as the API shows it now: a copy, with `Preparing` turned `Ready` once its time has come. */
    view(record: CampaignRecord, now = Date.now()): EmulatedCampaign {
        const copy = structuredClone(record.campaign);
        if (copy.status === "Preparing" && now >= record.readyAt) copy.status = "Ready";
        return copy;
    }

    /** All campaigns (of one account when given), in creation order, with effective status. */
    list(accountId?: string): StoredCampaign[] {
        const now = Date.now();
        return this.recordsOf(accountId).map((r) => ({ ...this.view(r, now), accountId: r.accountId }));
    }

    /** Records of one account (or all), in creation order. */
    recordsOf(accountId?: string): CampaignRecord[] {
        return [...this.records.values()].filter((r) => accountId === undefined || r.accountId === accountId).sort((a, b) => a.seq - b.seq);
    }

    find(accountId: string, id: string): CampaignRecord | undefined {
        const r = this.records.get(id);
        return r && r.accountId === accountId ? r : undefined;
    }

    /** Names are unique per account regardless of case. */
    nameTaken(accountId: string, name: string, exceptId?: string): boolean {
        const lname = name.toLowerCase();
        for (const r of this.records.values())
            if (r.accountId === accountId && r.campaign._id !== exceptId && String(r.campaign.name).toLowerCase() === lname) return true;
        return false;
    }

    create(accountId: string, body: ApiCampaignBody): CampaignRecord {
        const nowMs = Date.now();
        const now = new Date(nowMs).toISOString();
        const campaign: EmulatedCampaign = {
            _id: `cd-${randomUUID()}`,
            ...this.definitionFrom(body),
            status: this.preparingMs > 0 ? "Preparing" : "Ready",
            createdAt: now,
            updatedAt: now,
            enableMachineDetect: false,
            totalMessagesSent: 0,
        };
        const record: CampaignRecord = { accountId, seq: ++this.seq, readyAt: nowMs + this.preparingMs, campaign: this.ordered(campaign) };
        this.records.set(campaign._id, record);
        this.save();
        return record;
    }

    /** Full replacement of the definition; id, status, createdAt and counters stay. */
    update(record: CampaignRecord, body: ApiCampaignBody): void {
        this.settle(record);
        const kept = record.campaign;
        const campaign: EmulatedCampaign = {
            _id: kept._id,
            ...this.definitionFrom(body),
            status: kept.status,
            createdAt: kept.createdAt,
            updatedAt: new Date().toISOString(),
            enableMachineDetect: kept.enableMachineDetect,
            totalMessagesSent: kept.totalMessagesSent,
        };
        record.campaign = this.ordered(campaign);
        this.save();
    }

    setStatus(record: CampaignRecord, status: string): void {
        record.campaign.status = status;
        record.campaign.updatedAt = new Date().toISOString();
        this.save();
    }

    /** Effective status of a record right now. */
    statusOf(record: CampaignRecord): string {
        return this.view(record).status;
    }

    remove(id: string): CampaignRecord | undefined {
        const r = this.records.get(id);
        if (!r) return undefined;
        this.records.delete(id);
        this.save();
        return r;
    }

    /**
     * Merge-patches a campaign (control API). `lname` follows a patched `name`, `updatedAt` becomes now
     * unless patched, and patching `status` to `Preparing` restarts the preparing clock.
     */
    patch(id: string, patch: Record<string, unknown>): CampaignRecord {
        const record = this.records.get(id);
        if (!record) throw new Error(`no campaign with id ${id}`);
        if (!isPlainObject(patch)) throw new Error("a patch must be a JSON object");
        for (const key of ["_id", "accountId"]) if (key in patch) throw new Error(`a patch cannot change ${key}`);
        this.settle(record);
        const next = mergePatch(record.campaign, patch) as EmulatedCampaign;
        if (typeof next.name !== "string" || typeof next.status !== "string") throw new Error("a patch must leave name and status strings");
        if ("name" in patch && !("lname" in patch)) next.lname = next.name.toLowerCase();
        if (!("updatedAt" in patch)) next.updatedAt = new Date().toISOString();
        if (patch.status === "Preparing") record.readyAt = Date.now() + this.preparingMs;
        record.campaign = next;
        this.save();
        return record;
    }

    clear(): void {
        this.records.clear();
        this.save();
    }

    /** Writes the effective status into the record (before a change, so the lazy transition is not lost). */
    private settle(record: CampaignRecord): void {
        record.campaign.status = this.statusOf(record);
    }

    private definitionFrom(body: ApiCampaignBody) {
        return {
            name: body.name,
            lname: body.name.toLowerCase(),
            ...(body.description !== undefined ? { description: body.description } : {}),
            ...(body.priority !== undefined ? { priority: body.priority } : {}),
            dialingStrategy: structuredClone(body.dialingStrategy),
            // Stored verbatim: the emulator never decodes or re-encodes the text.
            message: { message: body.message.message },
            ...(body.schedule !== undefined ? { schedule: structuredClone(body.schedule) } : {}),
            contactLists: [...body.contactLists],
            format: body.format,
        };
    }

    /** Key order of Kore.ai's sample response, for readable output. */
    private ordered(c: EmulatedCampaign): EmulatedCampaign {
        const order = [
            "_id",
            "name",
            "lname",
            "description",
            "status",
            "priority",
            "dialingStrategy",
            "message",
            "createdAt",
            "updatedAt",
            "schedule",
            "contactLists",
            "enableMachineDetect",
            "format",
            "totalMessagesSent",
        ];
        const out: Record<string, unknown> = {};
        for (const key of order) if (c[key] !== undefined) out[key] = c[key];
        for (const [key, value] of Object.entries(c)) if (!(key in out) && value !== undefined) out[key] = value;
        return out as EmulatedCampaign;
    }

    private load(file: string): void {
        if (!fs.existsSync(file)) return;
        let data: DataFile;
        try {
            data = JSON.parse(fs.readFileSync(file, "utf8")) as DataFile;
        } catch (err) {
            throw new Error(`cannot read emulator data file ${file}: ${(err as Error).message}`);
        }
        if (!isPlainObject(data) || data.format !== DATA_FILE_FORMAT || !Array.isArray(data.campaigns))
            throw new Error(`${file} is not a kore-campaign-emulator data file (expected "format": "${DATA_FILE_FORMAT}")`);
        for (const r of data.campaigns) {
            if (!isPlainObject(r) || typeof r.accountId !== "string" || !isPlainObject(r.campaign) || typeof r.campaign._id !== "string")
                throw new Error(`${file} holds a malformed campaign record`);
            const record: CampaignRecord = {
                accountId: r.accountId,
                seq: typeof r.seq === "number" ? r.seq : this.seq + 1,
                readyAt: typeof r.readyAt === "number" ? r.readyAt : 0,
                campaign: r.campaign,
            };
            this.seq = Math.max(this.seq, record.seq);
            this.records.set(record.campaign._id, record);
        }
    }

    private save(): void {
        const file = this.dataFile;
        if (!file) return;
        const data: DataFile = { format: DATA_FILE_FORMAT, savedAt: new Date().toISOString(), campaigns: this.recordsOf() };
        fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
        const tmp = `${file}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
        try {
            fs.writeFileSync(tmp, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
            fs.renameSync(tmp, file);
        } catch (err) {
            fs.rmSync(tmp, { force: true });
            throw err;
        }
    }
}
