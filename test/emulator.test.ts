// The offline Kore.ai campaign API emulator, over real HTTP (Node's fetch) with JWTs signed by jose.
import { expect } from "chai";
import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { AUTH_FAILURE_BODY, startEmulator } from "../provider/emulator";
import type { Emulator, EmulatorOptions } from "../provider/emulator";
import { optionsFrom } from "../provider/emulator/cli";
import { createKoreCampaignApi } from "../provider/client";
import type { KoreSettings } from "../provider/settings";

const CLIENT_ID = "cs-test-client";
const CLIENT_SECRET = "test-secret-0123456789abcdef";
const IID = "st-test-app";
const ACCOUNT = "acct-a";
const BASE = `/agentassist/api/v1/public/${IID}/campaign`;
const CONTROL = `/campaign/api/v1/public/${IID}/campaign`;

interface Claims {
    appId?: string;
    sub?: string;
    jti?: string;
    iat?: number;
    exp?: number;
}

async function sign(claims: Claims = {}, secret = CLIENT_SECRET): Promise<string> {
    const { SignJWT } = await import("jose");
    const now = Math.floor(Date.now() / 1000);
    const payload: Record<string, unknown> = {
        appId: CLIENT_ID,
        sub: "emulator-test",
        iat: now,
        exp: now + 300,
        jti: randomUUID(),
        ...claims,
    };
    for (const k of Object.keys(payload)) if (payload[k] === undefined) delete payload[k];
    return new SignJWT(payload).setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(new TextEncoder().encode(secret));
}

interface CallOptions {
    body?: unknown;
    rawBody?: string;
    token?: string | null;
    account?: string | null;
    iid?: string | null;
}

interface Answer {
    status: number;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    body: any;
    headers: Headers;
}

async function call(emu: Emulator, method: string, urlPath: string, opts: CallOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    const token = opts.token === undefined ? await sign() : opts.token;
    if (token !== null) headers.auth = token;
    if (opts.iid !== null) headers.iid = opts.iid ?? IID;
    if (opts.account !== null) headers.accountId = opts.account ?? ACCOUNT;
    const body = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
    const res = await fetch(`${emu.url}${urlPath}`, { method, headers, body });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

async function control(emu: Emulator, method: string, urlPath: string, body?: unknown): Promise<Answer> {
    const res = await fetch(`${emu.url}/__emulator${urlPath}`, {
        method,
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

function campaignBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        name: "Event Reminder SMS Campaign",
        description: "Sends a one-time reminder.",
        contactLists: ["Renewal Due - May/June 2025"],
        campaignType: "sms",
        priority: "5",
        format: "simple",
        message: { templateId: "", message: "SGksIHRoaXMgaXMgYSByZW1pbmRlcg==" },
        dialingStrategy: {
            callerId: { phoneNumber: "+919876543210" },
            callingHours: {
                frequency: "WEEKLY",
                timezone: "Asia/Kolkata",
                days: [
                    { day: "MO", start: "9:00 AM", end: "6:00 PM" },
                    { day: "TU", start: "9:00 AM", end: "6:00 PM" },
                ],
            },
        },
        schedule: { isSchedulingEnabled: false },
        ...overrides,
    };
}

const create = (emu: Emulator, overrides: Record<string, unknown> = {}, opts: CallOptions = {}) =>
    call(emu, "POST", `${BASE}?campaignType=sms`, { body: campaignBody(overrides), ...opts });

/** Applies `patch` to the nested campaign body at a dotted path (`a.b.0.c`); `undefined` deletes. */
function bodyWith(pathText: string, value: unknown): Record<string, unknown> {
    const body = campaignBody();
    const parts = pathText.split(".");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let node: any = body;
    for (const part of parts.slice(0, -1)) node = node[part];
    const last = parts[parts.length - 1];
    if (value === undefined) delete node[last];
    else node[last] = value;
    return body;
}

const options = (extra: Partial<EmulatorOptions> = {}): EmulatorOptions => ({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    iid: IID,
    preparingMs: 0,
    ...extra,
});

describe("kore-campaign emulator", function () {
    let emu: Emulator;

    before(async () => {
        emu = await startEmulator(options());
    });
    afterEach(() => emu.reset());
    after(async () => {
        await emu.close();
    });

    describe("auth", () => {
        it("refuses a request without the auth header", async () => {
            const res = await create(emu, {}, { token: null });
            expect(res.status).to.equal(401);
            expect(res.body).to.deep.equal(AUTH_FAILURE_BODY);
            expect(emu.received()[0].jwt).to.deep.include({ valid: false, error: "no auth header" });
        });

        it("refuses a token signed with another secret", async () => {
            const res = await create(emu, {}, { token: await sign({}, "not-the-secret") });
            expect(res.status).to.equal(401);
            expect(res.body).to.deep.equal({ errors: [{ msg: "Invalid SDK credentials", code: 4002 }] });
            expect(emu.received()[0].jwt.error).to.match(/signature/i);
        });

        it("refuses a token whose appId is another client id", async () => {
            expect((await create(emu, {}, { token: await sign({ appId: "cs-someone-else" }) })).status).to.equal(401);
            expect((await create(emu, {}, { token: await sign({ appId: undefined }) })).status).to.equal(401);
        });

        it("refuses an expired token, a Bearer prefix and a non-JWT", async () => {
            const now = Math.floor(Date.now() / 1000);
            expect((await create(emu, {}, { token: await sign({ iat: now - 600, exp: now - 300 }) })).status).to.equal(401);
            expect((await create(emu, {}, { token: `Bearer ${await sign()}` })).status).to.equal(401);
            expect((await create(emu, {}, { token: "not-a-jwt" })).status).to.equal(401);
            expect(emu.campaigns()).to.have.length(0);
        });

        it("accepts a good token and records its claims, never the token or the secret", async () => {
            const token = await sign({ jti: "jti-1" });
            const res = await create(emu, {}, { token });
            expect(res.status).to.equal(200);
            const [seen] = emu.received();
            expect(seen.jwt.valid).to.equal(true);
            expect(seen.jwt.claims).to.include({ appId: CLIENT_ID, sub: "emulator-test", jti: "jti-1" });
            const all = JSON.stringify((await control(emu, "GET", "/requests")).body) + JSON.stringify(emu.received());
            expect(all).not.to.include(token);
            expect(all).not.to.include(token.split(".")[2]);
            expect(all).not.to.include(CLIENT_SECRET);
        });
    });

    describe("headers and routing", () => {
        it("requires the iid and accountId headers (400 naming the header)", async () => {
            const noIid = await create(emu, {}, { iid: null });
            expect(noIid.status).to.equal(400);
            expect(noIid.body.message).to.include("iid");
            expect(noIid.body.errors[0]).to.include({ field: "iid", code: 400 });
            const noAccount = await create(emu, {}, { account: null });
            expect(noAccount.status).to.equal(400);
            expect(noAccount.body.message).to.include("accountId");
            expect(noAccount.body.status).to.equal("failure");
        });

        it("answers 404 for another iid in the path and 401 for another iid in the header", async () => {
            const res = await call(emu, "POST", `/agentassist/api/v1/public/st-other/campaign?campaignType=sms`, { body: campaignBody() });
            expect(res.status).to.equal(404);
            expect(res.body.errors[0].msg).to.include("st-other");
            expect((await create(emu, {}, { iid: "st-other" })).status).to.equal(401);
        });

        it("answers 404 Not found to unknown paths and methods", async () => {
            for (const [method, p] of [
                ["GET", "/nothing"],
                ["PATCH", `${BASE}/cd-1`],
                ["GET", `${BASE}`],
                ["POST", `/agentassist/api/v2/public/${IID}/campaign`],
            ]) {
                const res = await call(emu, method, p);
                expect(res.status, `${method} ${p}`).to.equal(404);
                expect(res.body).to.deep.equal({ errors: [{ msg: "Not found" }] });
            }
        });

        it("rejects a body that is not JSON", async () => {
            const res = await call(emu, "POST", `${BASE}?campaignType=sms`, { rawBody: "{not json" });
            expect(res.status).to.equal(400);
            expect(res.body.message).to.match(/JSON/);
            expect(emu.received()[0].body).to.equal("{not json");
        });

        it("requires campaignType=sms on create", async () => {
            for (const q of ["", "?campaignType=voice"]) {
                const res = await call(emu, "POST", `${BASE}${q}`, { body: campaignBody() });
                expect(res.status).to.equal(400);
                expect(res.body.errors[0].field).to.equal("campaignType");
            }
        });
    });

    describe("create", () => {
        it("stores the campaign and answers like the vendor's sample", async () => {
            const res = await create(emu);
            expect(res.status).to.equal(200);
            expect(res.body.status).to.equal("success");
            expect(res.body.message).to.equal("Campaign Event Reminder SMS Campaign creation in progress");
            const c = res.body.data;
            expect(c._id).to.match(/^cd-[0-9a-f-]{36}$/);
            expect(c).to.include({
                name: "Event Reminder SMS Campaign",
                lname: "event reminder sms campaign",
                status: "Ready",
                priority: "5",
                format: "simple",
                enableMachineDetect: false,
                totalMessagesSent: 0,
            });
            expect(c.message).to.deep.equal({ message: "SGksIHRoaXMgaXMgYSByZW1pbmRlcg==" });
            expect(c.contactLists).to.deep.equal(["Renewal Due - May/June 2025"]);
            expect(c.schedule).to.deep.equal({ isSchedulingEnabled: false });
            expect(c.dialingStrategy.callingHours.days).to.have.length(2);
            expect(new Date(c.createdAt).toISOString()).to.equal(c.createdAt);
            expect(c.updatedAt).to.equal(c.createdAt);
            expect(emu.campaigns(ACCOUNT)).to.have.length(1);
        });

        it("stores the message verbatim, plain or Base64", async () => {
            const res = await create(emu, { name: "Plain", message: { message: "  Hi there, 50% off!  " } });
            expect(res.status).to.equal(200);
            expect(res.body.data.message.message).to.equal("  Hi there, 50% off!  ");
        });

        it("accepts a minimal body (optional fields absent)", async () => {
            const body = campaignBody();
            delete body.description;
            delete body.priority;
            delete body.schedule;
            body.message = { message: "Hi" };
            const res = await call(emu, "POST", `${BASE}?campaignType=sms`, { body });
            expect(res.status).to.equal(200);
            expect(res.body.data).not.to.have.any.keys("description", "priority", "schedule");
        });

        const badBodies: [string, unknown, string][] = [
            ["name", undefined, "name"],
            ["name", "", "name"],
            ["name", "   ", "name"],
            ["name", "x".repeat(49), "name"],
            ["name", 42, "name"],
            ["description", "d".repeat(257), "description"],
            ["contactLists", [], "contactLists"],
            ["contactLists", "Newsletter", "contactLists"],
            ["campaignType", "voice", "campaignType"],
            ["priority", 5, "priority"],
            ["priority", "6", "priority"],
            ["format", "advanced", "format"],
            ["message", undefined, "message"],
            ["message.message", "", "message.message"],
            ["message.templateId", "tpl-1", "message.templateId"],
            ["dialingStrategy.callerId.phoneNumber", "9876543210", "dialingStrategy.callerId.phoneNumber"],
            ["dialingStrategy.callerId.phoneNumber", "+0123456789", "dialingStrategy.callerId.phoneNumber"],
            ["dialingStrategy.callingHours.frequency", "HOURLY", "dialingStrategy.callingHours.frequency"],
            ["dialingStrategy.callingHours.timezone", "Mars/Olympus", "dialingStrategy.callingHours.timezone"],
            ["dialingStrategy.callingHours.timezone", "+05:30", "dialingStrategy.callingHours.timezone"],
            ["dialingStrategy.callingHours.days", [], "dialingStrategy.callingHours.days"],
            ["dialingStrategy.callingHours.days.0.day", "MON", "dialingStrategy.callingHours.days[0].day"],
            ["dialingStrategy.callingHours.days.1.day", "MO", "dialingStrategy.callingHours.days[1].day"],
            ["dialingStrategy.callingHours.days.0.start", "09:00 AM", "dialingStrategy.callingHours.days[0].start"],
            ["dialingStrategy.callingHours.days.0.start", "9:00am", "dialingStrategy.callingHours.days[0].start"],
            ["dialingStrategy.callingHours.days.0.end", "13:00 PM", "dialingStrategy.callingHours.days[0].end"],
            ["dialingStrategy.callingHours.days.0.end", "8:00 AM", "dialingStrategy.callingHours.days[0].end"],
            ["dialingStrategy.callingHours.days.0.end", "9:00 AM", "dialingStrategy.callingHours.days[0].end"],
            ["schedule.isSchedulingEnabled", "false", "schedule.isSchedulingEnabled"],
            ["unexpected", true, "unexpected"],
        ];
        for (const [where, value, field] of badBodies) {
            const shown =
                value === undefined
                    ? "(absent)"
                    : JSON.stringify(value).replace(/^"(.)\1{20,}"$/, (_m, ch: string) => `"${ch}" x ${(value as string).length}`);
            it(`rejects ${where} = ${shown} with 400 naming ${field}`, async () => {
                const res = await call(emu, "POST", `${BASE}?campaignType=sms`, { body: bodyWith(where, value) });
                expect(res.status).to.equal(400);
                expect(res.body.status).to.equal("failure");
                expect(res.body.message).to.include(field);
                expect(res.body.errors.map((e: { field: string }) => e.field)).to.include(field);
                expect(res.body.errors[0].code).to.equal(400);
                expect(emu.campaigns()).to.have.length(0);
            });
        }

        it("lists every problem, the first as the message", async () => {
            const res = await call(emu, "POST", `${BASE}?campaignType=sms`, { body: campaignBody({ name: "", priority: 1, format: "x" }) });
            expect(res.status).to.equal(400);
            expect(res.body.errors.map((e: { field: string }) => e.field)).to.deep.equal(["name", "priority", "format"]);
            expect(res.body.message).to.equal(res.body.errors[0].msg);
        });

        it("rejects an unknown contact list by name", async () => {
            const res = await create(emu, { contactLists: ["Newsletter", "Nobody"] });
            expect(res.status).to.equal(400);
            expect(res.body.message).to.equal('Contact list "Nobody" does not exist');
            expect(res.body.errors[0].field).to.equal("contactLists[1]");
        });

        it("keeps names unique per account regardless of case", async () => {
            expect((await create(emu, { name: "Spring Sale" })).status).to.equal(200);
            const dup = await create(emu, { name: "SPRING sale" });
            expect(dup.status).to.equal(400);
            expect(dup.body.message).to.equal('Campaign with name "SPRING sale" already exists');
            expect(dup.body.errors[0].field).to.equal("name");
            expect((await create(emu, { name: "spring sale" }, { account: "acct-b" })).status).to.equal(200);
            expect(emu.campaigns()).to.have.length(2);
        });
    });

    describe("get, list, status, play/stop, delete", () => {
        it("gets a campaign by id and 404s an unknown one", async () => {
            const id = (await create(emu)).body.data._id;
            const got = await call(emu, "GET", `${BASE}/${id}`);
            expect(got.status).to.equal(200);
            expect(got.body).to.deep.include({ status: "success" });
            expect(got.body.data._id).to.equal(id);
            const missing = await call(emu, "GET", `${BASE}/cd-nope`);
            expect(missing.status).to.equal(404);
            expect(missing.body.status).to.equal("failure");
            expect(missing.body.errors[0].code).to.equal(404);
        });

        it("lists newest first with skip/limit paging and filters", async () => {
            const ids: string[] = [];
            for (let i = 0; i < 5; i++)
                ids.push((await create(emu, { name: `Campaign ${i}`, priority: String((i % 2) + 1) })).body.data._id);
            const list = (body: unknown) => call(emu, "POST", `${BASE}/getAllCampaignDetails`, { body });
            const base = { type: "sms", sortBy: { createdAt: "desc" }, filters: { status: [], priority: [] } };

            const first = await list({ ...base, limit: 2, skip: 0, page: 1 });
            expect(first.status).to.equal(200);
            expect(first.body.data).to.include({ hasMore: true, totalResults: 5, limit: 2, skip: 0 });
            expect(first.body.data.results.map((r: { id: string }) => r.id)).to.deep.equal([ids[4], ids[3]]);
            expect(first.body.data.results[0]).to.have.all.keys(
                "id",
                "name",
                "status",
                "priority",
                "createdAt",
                "updatedAt",
                "contactLists",
            );
            const last = await list({ ...base, limit: 2, skip: 4, page: 3 });
            expect(last.body.data.results.map((r: { id: string }) => r.id)).to.deep.equal([ids[0]]);
            expect(last.body.data.hasMore).to.equal(false);
            const byPage = await list({ limit: 2, page: 2 });
            expect(byPage.body.data.results.map((r: { id: string }) => r.id)).to.deep.equal([ids[2], ids[1]]);

            const defaults = await list({});
            expect(defaults.body.data).to.include({ limit: 10, skip: 0, totalResults: 5 });
            expect((await list({ limit: 1000 })).body.data.limit).to.equal(100);

            const p2 = await list({ ...base, filters: { status: [], priority: ["2"] } });
            expect(p2.body.data.results.map((r: { id: string }) => r.id)).to.deep.equal([ids[3], ids[1]]);
            await call(emu, "POST", `${CONTROL}/${ids[0]}?campaignType=sms&trigger=play`, { body: {} });
            const active = await list({ ...base, filters: { status: ["Active"], priority: [] } });
            expect(active.body.data.results.map((r: { id: string }) => r.id)).to.deep.equal([ids[0]]);
            expect((await list({ limit: "ten" })).status).to.equal(400);
        });

        it("plays, stops, reports status and deletes (not while Active)", async () => {
            const id = (await create(emu, { name: "Lifecycle" })).body.data._id;
            const play = await call(emu, "POST", `${CONTROL}/${id}?campaignType=sms&trigger=play`, { body: {} });
            expect(play.status).to.equal(200);
            expect(play.body.data.status).to.equal("Active");
            expect((await call(emu, "POST", `${CONTROL}/${id}?campaignType=sms&trigger=play`, { body: {} })).status).to.equal(400);

            const status = await call(emu, "POST", `${BASE}/${id}/status?view=status`, { body: {} });
            expect(status.body).to.deep.equal({ status: "success", data: { id, status: "Active", name: "Lifecycle" } });

            const blocked = await call(emu, "DELETE", `${BASE}/${id}?campaignType=sms`);
            expect(blocked.status).to.equal(400);
            expect(blocked.body.message).to.equal("Campaign is Active; stop it before deleting");

            const stop = await call(emu, "POST", `${CONTROL}/${id}?campaignType=sms&trigger=stop`, { body: {} });
            expect(stop.status).to.equal(200);
            expect(stop.body.data.status).to.equal("Stopped");
            expect((await call(emu, "POST", `${CONTROL}/${id}?campaignType=sms&trigger=pause`, { body: {} })).status).to.equal(400);

            const del = await call(emu, "DELETE", `${BASE}/${id}?campaignType=sms`);
            expect(del.status).to.equal(200);
            expect(del.body).to.deep.include({ status: "success", message: "Campaign deleted" });
            expect(del.body.data).to.include({ _id: id, status: "Stopped" });
            expect((await call(emu, "DELETE", `${BASE}/${id}?campaignType=sms`)).status).to.equal(404);
            expect((await call(emu, "POST", `${CONTROL}/${id}?campaignType=sms&trigger=stop`, { body: {} })).status).to.equal(404);
        });

        it("updates with a full body (PUT)", async () => {
            const id = (await create(emu, { name: "Before" })).body.data._id;
            await create(emu, { name: "Taken" });
            const res = await call(emu, "PUT", `${BASE}/${id}?campaignType=sms`, { body: campaignBody({ name: "After", priority: "2" }) });
            expect(res.status).to.equal(200);
            expect(res.body.message).to.equal("details updated successfully");
            expect(res.body.data).to.include({ _id: id, name: "After", lname: "after", priority: "2" });
            expect((await call(emu, "PUT", `${BASE}/${id}`, { body: campaignBody({ name: "taken" }) })).status).to.equal(400);
            expect((await call(emu, "PUT", `${BASE}/${id}`, { body: campaignBody({ priority: 3 }) })).status).to.equal(400);
        });

        it("keeps accounts apart", async () => {
            const id = (await create(emu, { name: "Mine" })).body.data._id;
            const other = { account: "acct-b" };
            expect((await call(emu, "GET", `${BASE}/${id}`, other)).status).to.equal(404);
            expect((await call(emu, "DELETE", `${BASE}/${id}?campaignType=sms`, other)).status).to.equal(404);
            expect((await call(emu, "POST", `${CONTROL}/${id}?campaignType=sms&trigger=play`, { ...other, body: {} })).status).to.equal(
                404,
            );
            const list = await call(emu, "POST", `${BASE}/getAllCampaignDetails`, { ...other, body: {} });
            expect(list.body.data.totalResults).to.equal(0);
            expect(emu.campaigns("acct-b")).to.have.length(0);
            expect(emu.campaigns(ACCOUNT)).to.have.length(1);
            expect(emu.campaigns(ACCOUNT)[0].accountId).to.equal(ACCOUNT);
        });
    });

    describe("control API", () => {
        it("reports received API requests but not control requests, and clears them", async () => {
            await create(emu);
            await control(emu, "GET", "/campaigns");
            const res = await control(emu, "GET", "/requests");
            expect(res.status).to.equal(200);
            expect(res.body.requests).to.have.length(1);
            const [r] = res.body.requests;
            expect(r).to.include({ method: "POST", path: BASE, status: 200, accountId: ACCOUNT, iid: IID });
            expect(r.query).to.deep.equal({ campaignType: "sms" });
            expect(r.body.name).to.equal("Event Reminder SMS Campaign");
            expect(r.at).to.be.a("string");
            expect((await control(emu, "DELETE", "/requests")).status).to.equal(200);
            expect(emu.received()).to.have.length(0);
        });

        it("lists campaigns per account, patches (drift) and deletes them", async () => {
            const id = (await create(emu, { name: "Drifty" })).body.data._id;
            await create(emu, { name: "Elsewhere" }, { account: "acct-b" });
            expect((await control(emu, "GET", "/campaigns")).body.campaigns).to.have.length(2);
            const mine = (await control(emu, "GET", `/campaigns?accountId=${ACCOUNT}`)).body.campaigns;
            expect(mine.map((c: { name: string }) => c.name)).to.deep.equal(["Drifty"]);

            const patched = await control(emu, "PATCH", `/campaigns/${id}`, {
                message: { message: "changed" },
                status: "Active",
                name: "Drifted",
            });
            expect(patched.status).to.equal(200);
            const got = (await call(emu, "GET", `${BASE}/${id}`)).body.data;
            expect(got).to.include({ status: "Active", name: "Drifted", lname: "drifted" });
            expect(got.message).to.deep.equal({ message: "changed" });
            await control(emu, "PATCH", `/campaigns/${id}`, { description: null });
            expect((await call(emu, "GET", `${BASE}/${id}`)).body.data).not.to.have.property("description");

            expect((await control(emu, "PATCH", "/campaigns/cd-nope", { status: "Active" })).status).to.equal(404);
            expect((await control(emu, "PATCH", `/campaigns/${id}`, { _id: "cd-x" })).status).to.equal(400);
            expect((await control(emu, "DELETE", `/campaigns/${id}`)).status).to.equal(200);
            expect((await call(emu, "GET", `${BASE}/${id}`)).status).to.equal(404);
            expect((await control(emu, "DELETE", `/campaigns/${id}`)).status).to.equal(404);
        });

        it("adds, lists and clears faults; rejects an invalid one", async () => {
            expect((await control(emu, "POST", "/faults", { kind: "status", status: 503, count: 2 })).status).to.equal(200);
            expect((await control(emu, "GET", "/faults")).body.faults).to.deep.equal([{ kind: "status", status: 503, count: 2 }]);
            const bad = await control(emu, "POST", "/faults", { kind: "status", status: 200 });
            expect(bad.status).to.equal(400);
            expect(bad.body.message).to.include("status");
            expect((await control(emu, "POST", "/faults", { kind: "teleport" })).body.message).to.include("kind");
            expect((await control(emu, "DELETE", "/faults")).status).to.equal(200);
            expect((await create(emu)).status).to.equal(200);
        });

        it("resets campaigns, requests and faults", async () => {
            await create(emu);
            emu.injectFault({ kind: "status", status: 500 });
            expect((await control(emu, "POST", "/reset")).status).to.equal(200);
            expect(emu.campaigns()).to.have.length(0);
            expect(emu.received()).to.have.length(0);
            expect((await create(emu)).status).to.equal(200);
        });

        it("patches, removes and validates through the in-process API", async () => {
            const id = (await create(emu)).body.data._id;
            emu.patchCampaign(id, { status: "Paused" });
            expect(emu.campaigns()[0].status).to.equal("Paused");
            emu.removeCampaign(id);
            expect(emu.campaigns()).to.have.length(0);
            expect(() => emu.removeCampaign(id)).to.throw(/no campaign/);
            expect(() => emu.patchCampaign(id, {})).to.throw(/no campaign/);
            expect(() => emu.injectFault({ kind: "latency", ms: -1 })).to.throw(/ms/);
        });

        it("answers 404 to unknown control paths", async () => {
            expect((await control(emu, "GET", "/nope")).status).to.equal(404);
            expect((await control(emu, "GET", "/info")).body).to.include({ iid: IID, preparingMs: 0 });
            expect(JSON.stringify((await control(emu, "GET", "/info")).body)).not.to.include(CLIENT_SECRET);
        });
    });

    describe("faults", () => {
        it("answers an injected status (with Retry-After) count times, then handles normally", async () => {
            emu.injectFault({ kind: "status", status: 429, retryAfterSeconds: 7, count: 2 });
            for (let i = 0; i < 2; i++) {
                const res = await create(emu);
                expect(res.status).to.equal(429);
                expect(res.headers.get("retry-after")).to.equal("7");
            }
            expect((await create(emu)).status).to.equal(200);
            expect(emu.received().map((r) => r.fault)).to.deep.equal(["status", "status", undefined]);
        });

        it("matches faults by method and path, in order", async () => {
            emu.injectFault({ kind: "status", status: 503, match: { method: "get" } });
            emu.injectFault({ kind: "status", status: 500, match: { pathIncludes: "getAllCampaignDetails" } });
            const id = (await create(emu)).body.data._id;
            expect((await call(emu, "POST", `${BASE}/getAllCampaignDetails`, { body: {} })).status).to.equal(500);
            expect((await call(emu, "GET", `${BASE}/${id}`)).status).to.equal(503);
            expect((await call(emu, "GET", `${BASE}/${id}`)).status).to.equal(200);
        });

        it("delays a request by the injected latency", async () => {
            emu.injectFault({ kind: "latency", ms: 150 });
            const t0 = Date.now();
            expect((await create(emu)).status).to.equal(200);
            expect(Date.now() - t0).to.be.at.least(140);
            const t1 = Date.now();
            await call(emu, "GET", `${BASE}/cd-x`);
            expect(Date.now() - t1).to.be.below(140);
        });

        it("stores a create, then drops the connection without answering", async () => {
            emu.injectFault({ kind: "drop-after-create" });
            let failed: unknown;
            await create(emu, { name: "Lost answer" }).catch((err: unknown) => (failed = err));
            expect(failed).to.be.instanceOf(Error);
            expect(emu.campaigns().map((c) => c.name)).to.deep.equal(["Lost answer"]);
            expect(emu.received()[0]).to.include({ status: 0, fault: "drop-after-create" });
            expect((await create(emu, { name: "Answered" })).status).to.equal(200);
        });

        it("never applies to control requests", async () => {
            emu.injectFault({ kind: "status", status: 500 });
            expect((await control(emu, "GET", "/campaigns")).status).to.equal(200);
            expect((await create(emu)).status).to.equal(500);
        });
    });

    describe("with the provider's real client", () => {
        const settings = (): KoreSettings => ({
            baseUrl: emu.url,
            iid: IID,
            accountId: ACCOUNT,
            credentials: { kind: "client", clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
            tuning: { requestTimeoutSeconds: 5, maxRetries: 2 },
        });
        const apiBody = () =>
            campaignBody() as unknown as Parameters<Awaited<ReturnType<typeof createKoreCampaignApi>>["createCampaign"]>[0];

        it("creates, finds, gets, stops and deletes", async () => {
            const api = await createKoreCampaignApi(settings(), { retryBackoffLimitMs: 10 });
            const { campaign, recovered } = await api.createCampaign(apiBody(), () => true);
            expect(recovered).to.equal(false);
            expect((await api.findCampaignsByName("event reminder SMS campaign")).map((s) => s.id)).to.deep.equal([campaign._id]);
            expect((await api.getCampaign(campaign._id))?.name).to.equal("Event Reminder SMS Campaign");
            emu.patchCampaign(campaign._id, { status: "Active" });
            await api.stopCampaign(campaign._id);
            expect(await api.deleteCampaign(campaign._id)).to.equal("deleted");
            expect(await api.getCampaign(campaign._id)).to.equal(undefined);
            expect(await api.deleteCampaign(campaign._id)).to.equal("absent");
        });

        it("recovers a create whose answer was lost, without a duplicate", async () => {
            const api = await createKoreCampaignApi(settings(), { retryBackoffLimitMs: 10 });
            emu.injectFault({ kind: "drop-after-create" });
            const { campaign, recovered } = await api.createCampaign(apiBody(), () => true);
            expect(recovered).to.equal(true);
            expect(emu.campaigns().map((c) => c._id)).to.deep.equal([campaign._id]);
        });

        it("retries a 503 with a fresh token each time", async () => {
            const api = await createKoreCampaignApi(settings(), { retryBackoffLimitMs: 10 });
            const created = await api.createCampaign(apiBody(), () => true);
            emu.clearReceived();
            emu.injectFault({ kind: "status", status: 503, match: { method: "GET" } });
            expect((await api.getCampaign(created.campaign._id))?._id).to.equal(created.campaign._id);
            const seen = emu.received();
            expect(seen.map((r) => r.status)).to.deep.equal([503, 200]);
            expect(seen[0].jwt.claims?.jti).not.to.equal(seen[1].jwt.claims?.jti);
        });
    });
});

describe("kore-campaign emulator options", function () {
    const opened: Emulator[] = [];
    const start = async (extra: Partial<EmulatorOptions>) => {
        const e = await startEmulator(options(extra));
        opened.push(e);
        return e;
    };
    afterEach(async () => {
        await Promise.all(opened.splice(0).map((e) => e.close()));
    });

    it("turns Preparing into Ready after preparingMs; play waits for Ready", async () => {
        const emu = await start({ preparingMs: 150 });
        const created = await create(emu);
        expect(created.body.data.status).to.equal("Preparing");
        const id = created.body.data._id;
        expect((await call(emu, "GET", `${BASE}/${id}`)).body.data.status).to.equal("Preparing");
        const play = await call(emu, "POST", `${CONTROL}/${id}?campaignType=sms&trigger=play`, { body: {} });
        expect(play.status).to.equal(400);
        expect(play.body.message).to.include("Preparing");
        await new Promise((r) => setTimeout(r, 170));
        expect((await call(emu, "GET", `${BASE}/${id}`)).body.data.status).to.equal("Ready");
        expect(emu.campaigns()[0].status).to.equal("Ready");
        expect((await call(emu, "POST", `${CONTROL}/${id}?campaignType=sms&trigger=play`, { body: {} })).body.data.status).to.equal(
            "Active",
        );
    });

    it("refuses accounts it does not know when accounts are configured", async () => {
        const emu = await start({ accounts: [ACCOUNT] });
        expect((await create(emu)).status).to.equal(200);
        const res = await create(emu, { name: "x" }, { account: "acct-intruder" });
        expect(res.status).to.equal(401);
        expect(res.body).to.deep.equal(AUTH_FAILURE_BODY);
    });

    it("enforces JTI: required, single use, at most one hour", async () => {
        const emu = await start({ enforceJti: true });
        const now = Math.floor(Date.now() / 1000);
        expect((await create(emu, {}, { token: await sign({ jti: undefined }) })).status).to.equal(401);
        expect((await create(emu, {}, { token: await sign({ iat: now, exp: now + 3601 }) })).status).to.equal(401);
        const token = await sign({ jti: "once" });
        expect((await create(emu, {}, { token })).status).to.equal(200);
        expect((await call(emu, "GET", `${BASE}/cd-x`, { token })).status).to.equal(401);
        expect(emu.received().map((r) => r.jwt.error ?? "ok")).to.deep.equal([
            "Enforce JTI: the token has no jti",
            "Enforce JTI: the token lives 3601 s; at most 3600 s",
            "ok",
            "Enforce JTI: this jti was already used",
        ]);
        expect((await call(emu, "GET", `${BASE}/cd-x`)).status).to.equal(404);
    });

    it("persists campaigns to a data file atomically and reloads them", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kore-emulator-"));
        try {
            const dataFile = path.join(dir, "nested", "campaigns.json");
            const first = await start({ dataFile, preparingMs: 60_000 });
            const a = (await create(first, { name: "Kept" })).body.data;
            const b = (await create(first, { name: "Dropped" })).body.data;
            await call(first, "DELETE", `${BASE}/${b._id}?campaignType=sms`);
            first.patchCampaign(a._id, { description: "patched" });
            await first.close();
            expect(fs.readdirSync(path.dirname(dataFile))).to.deep.equal(["campaigns.json"]);
            const saved = JSON.parse(fs.readFileSync(dataFile, "utf8"));
            expect(saved.campaigns.map((r: { campaign: { name: string } }) => r.campaign.name)).to.deep.equal(["Kept"]);

            const second = await start({ dataFile, preparingMs: 60_000 });
            const got = await call(second, "GET", `${BASE}/${a._id}`);
            expect(got.status).to.equal(200);
            expect(got.body.data).to.include({ name: "Kept", description: "patched", status: "Preparing", createdAt: a.createdAt });
            expect((await create(second, { name: "kept" })).status).to.equal(400);
            second.reset();
            expect(JSON.parse(fs.readFileSync(dataFile, "utf8")).campaigns).to.deep.equal([]);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("refuses a data file that is not its own", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kore-emulator-"));
        try {
            const dataFile = path.join(dir, "other.json");
            fs.writeFileSync(dataFile, JSON.stringify({ hello: "world" }));
            let error: unknown;
            await start({ dataFile }).catch((err: unknown) => (error = err));
            expect(String(error)).to.match(/not a kore-campaign-emulator data file/);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("refuses a non-loopback host and bad options", async () => {
        for (const extra of [{ host: "0.0.0.0" }, { host: "192.168.1.10" }, { clientSecret: "" }, { preparingMs: -1 }, { port: 70000 }]) {
            let error: unknown;
            await start(extra).catch((err: unknown) => (error = err));
            expect(error, JSON.stringify(extra)).to.be.instanceOf(Error);
        }
        const v6 = await start({ host: "::1" });
        expect(v6.url).to.match(/^http:\/\/\[::1\]:\d+$/);
    });

    it("logs one line per request without headers or secrets", async () => {
        const lines: string[] = [];
        const emu = await start({ log: (l) => lines.push(l) });
        const token = await sign();
        await create(emu, {}, { token });
        await call(emu, "GET", `${BASE}/cd-x`, { token: null });
        expect(lines).to.have.length(2);
        expect(lines[0]).to.match(new RegExp(`^POST ${BASE}\\?campaignType=sms 200 \\d+ms$`));
        expect(lines[1]).to.match(/^GET .* 401 /);
        expect(lines.join("\n")).not.to.include(token);
        expect(lines.join("\n")).not.to.include(CLIENT_SECRET);
    });

    it("closes with open keep-alive sockets and pending latency", async () => {
        const emu = await start({});
        emu.injectFault({ kind: "latency", ms: 5000 });
        const pending = create(emu).catch(() => "aborted");
        await new Promise((r) => setTimeout(r, 50));
        const t0 = Date.now();
        await emu.close();
        expect(Date.now() - t0).to.be.below(1000);
        expect(await pending).to.equal("aborted");
    });

    it("reads CLI flags and KORE_EMULATOR_* variables (a flag wins)", () => {
        const defaults = optionsFrom([], {});
        expect(defaults).to.deep.include({
            port: 8787,
            host: "127.0.0.1",
            clientId: "cs-emulator",
            clientSecret: "emulator-secret",
            iid: "st-emulator",
            preparingMs: 1000,
            enforceJti: false,
        });
        expect(defaults).to.have.property("contactLists").that.deep.equals(["Renewal Due - May/June 2025", "Newsletter", "VIP Customers"]);
        expect(defaults).not.to.have.property("accounts");
        const o = optionsFrom(
            ["--port", "0", "--account-id", "a1", "--account-id", "a2,a3", "--contact-lists", "X, Y", "--enforce-jti", "--iid", "st-flag"],
            { KORE_EMULATOR_IID: "st-env", KORE_EMULATOR_CLIENT_SECRET: "from-env", KORE_EMULATOR_PREPARING_MS: "0" },
        );
        expect(o).to.deep.include({ port: 0, iid: "st-flag", clientSecret: "from-env", preparingMs: 0, enforceJti: true });
        expect(o).to.have.property("accounts").that.deep.equals(["a1", "a2", "a3"]);
        expect(o).to.have.property("contactLists").that.deep.equals(["X", "Y"]);
        expect(optionsFrom(["--help"], {})).to.equal("help");
        expect(() => optionsFrom(["--port", "http"], {})).to.throw(/--port/);
        expect(() => optionsFrom(["--bogus"], {})).to.throw();
    });
});
