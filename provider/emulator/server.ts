// An offline emulator of Kore.ai's campaign-management API (SMS campaigns) on node:http: the
// endpoints the provider's client calls, Kore.ai's JWT auth, strict validation of the documented
// body, per-account storage, fault injection and a small control API under /__emulator/.
// What the vendor's docs leave open is decided here and listed in docs/emulator.md ("Assumptions").
import * as http from "node:http";
import { isIPv4, isIPv6, type Socket } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { CampaignStore } from "./store";
import { type Problem, show, validateCampaignBody, validateFault, validateListBody } from "./rules";
import {
    DEFAULT_CONTACT_LISTS,
    DEFAULT_PREPARING_MS,
    type Emulator,
    type EmulatorOptions,
    type Fault,
    type JwtClaimsSeen,
    type ReceivedRequest,
} from "./types";

/** Kore.ai's answer to a bad JWT, as publicly reported for its other APIs. */
export const AUTH_FAILURE_BODY = { errors: [{ msg: "Invalid SDK credentials", code: 4002 }] } as const;
export const NOT_FOUND_BODY = { errors: [{ msg: "Not found" }] } as const;
export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_RECEIVED = 5000;
/** Enforce JTI: the longest token lifetime (`exp - iat`) accepted. */
export const MAX_JTI_LIFETIME_SECONDS = 3600;

const CONTROL_PREFIX = "/__emulator";
const API_ROUTE = /^\/agentassist\/api\/v1\/public\/([^/]+)\/campaign(?:\/([^/]+)(?:\/(status))?)?$/;
const TRIGGER_ROUTE = /^\/campaign\/api\/v1\/public\/([^/]+)\/campaign\/([^/]+)$/;
const PLAYABLE = new Set(["Ready", "Stopped", "Paused", "Scheduled", "Rescheduled"]);
const STOPPABLE = new Set(["Active", "Paused", "Scheduled", "Rescheduled"]);

/** True for 127.0.0.0/8, ::1 (also IPv4-mapped) and `localhost`. */
export function isLoopbackHost(host: string): boolean {
    const h = host.replace(/^\[(.*)\]$/, "$1").toLowerCase();
    if (h === "localhost" || h === "::1") return true;
    const v4 = h.startsWith("::ffff:") ? h.slice(7) : h;
    return isIPv4(v4) && v4.startsWith("127.");
}

interface Reply {
    status: number;
    body?: unknown;
    headers?: Record<string, string>;
}

type Route =
    | { op: "create"; iid: string }
    | { op: "list"; iid: string }
    | { op: "get" | "update" | "delete" | "status" | "trigger"; iid: string; id: string };

interface JwtCheck {
    valid: boolean;
    claims?: JwtClaimsSeen;
    error?: string;
}

interface FaultEntry {
    fault: Fault;
    remaining: number;
}

function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
    return { status, body, headers };
}

/** The 4xx envelope: `{status:"failure", message, errors:[{msg, code, field}]}`; `message` is the first problem. */
export function failure(status: number, problems: readonly Problem[] | string, field?: string): Reply {
    const list: Problem[] = typeof problems === "string" ? [{ field: field ?? "", message: problems }] : [...problems];
    return json(status, {
        status: "failure",
        message: list[0]?.message ?? `HTTP ${status}`,
        errors: list.map((p) => ({ msg: p.message, code: status, ...(p.field ? { field: p.field } : {}) })),
    });
}

function decode(segment: string): string | undefined {
    try {
        return decodeURIComponent(segment);
    } catch {
        return undefined;
    }
}

function matchRoute(method: string, path: string): Route | undefined {
    let m = API_ROUTE.exec(path);
    if (m) {
        const iid = decode(m[1]);
        const id = m[2] === undefined ? undefined : decode(m[2]);
        if (iid === undefined || (m[2] !== undefined && id === undefined)) return undefined;
        if (id === undefined) return method === "POST" ? { op: "create", iid } : undefined;
        if (m[3]) return method === "POST" ? { op: "status", iid, id } : undefined;
        if (id === "getAllCampaignDetails" && method === "POST") return { op: "list", iid };
        if (method === "GET") return { op: "get", iid, id };
        if (method === "PUT") return { op: "update", iid, id };
        if (method === "DELETE") return { op: "delete", iid, id };
        return undefined;
    }
    m = TRIGGER_ROUTE.exec(path);
    if (m && method === "POST") {
        const iid = decode(m[1]);
        const id = decode(m[2]);
        return iid !== undefined && id !== undefined ? { op: "trigger", iid, id } : undefined;
    }
    return undefined;
}

function header(req: http.IncomingMessage, name: string): string | undefined {
    const v = req.headers[name.toLowerCase()];
    const s = Array.isArray(v) ? v[0] : v;
    return s === undefined || s === "" ? undefined : s;
}

async function readBody(req: http.IncomingMessage): Promise<{ text: string; tooLarge: boolean }> {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) tooLarge = true;
        else chunks.push(chunk);
    }
    return { text: tooLarge ? "" : Buffer.concat(chunks).toString("utf8"), tooLarge };
}

function pickClaims(payload: Record<string, unknown>): JwtClaimsSeen {
    const claims: JwtClaimsSeen = {};
    if (typeof payload.sub === "string") claims.sub = payload.sub;
    if (typeof payload.appId === "string") claims.appId = payload.appId;
    if (typeof payload.iat === "number") claims.iat = payload.iat;
    if (typeof payload.exp === "number") claims.exp = payload.exp;
    if (typeof payload.jti === "string") claims.jti = payload.jti;
    return claims;
}

function checkOptions(options: EmulatorOptions): void {
    for (const key of ["clientId", "clientSecret", "iid"] as const)
        if (typeof options[key] !== "string" || options[key].length === 0)
            throw new Error(`emulator option ${key} must be a non-empty string`);
    const port = options.port ?? 0;
    if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(`emulator option port must be an integer 0 to 65535; got ${show(port)}`);
    const host = options.host ?? "127.0.0.1";
    if (!isLoopbackHost(host))
        throw new Error(
            `emulator option host must be a loopback address (127.0.0.1, ::1 or localhost); got ${show(host)}. The control API has no auth`,
        );
    const ms = options.preparingMs ?? DEFAULT_PREPARING_MS;
    if (!Number.isInteger(ms) || ms < 0) throw new Error(`emulator option preparingMs must be an integer of at least 0; got ${show(ms)}`);
    if (
        options.contactLists &&
        (!Array.isArray(options.contactLists) || options.contactLists.some((l) => typeof l !== "string" || l.length === 0))
    )
        throw new Error("emulator option contactLists must be a list of non-empty names");
    if (options.accounts && (!Array.isArray(options.accounts) || options.accounts.some((a) => typeof a !== "string" || a.length === 0)))
        throw new Error("emulator option accounts must be a list of non-empty account ids");
}

/** Starts the emulator; resolves once it is listening. */
export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
    checkOptions(options);
    const jose = await import("jose");
    const host = options.host ?? "127.0.0.1";
    const preparingMs = options.preparingMs ?? DEFAULT_PREPARING_MS;
    const contactLists = [...(options.contactLists ?? DEFAULT_CONTACT_LISTS)];
    const accounts = options.accounts && options.accounts.length > 0 ? new Set(options.accounts) : undefined;
    const key = new TextEncoder().encode(options.clientSecret);
    const log = options.log ?? (() => undefined);

    const store = new CampaignStore(preparingMs, options.dataFile);
    let received: ReceivedRequest[] = [];
    let faults: FaultEntry[] = [];
    /** jti → epoch ms after which it may be forgotten. */
    const usedJtis = new Map<string, number>();
    const sockets = new Set<Socket>();
    const aborter = new AbortController();

    // -----------------------------------------------------------------------------------------
    // Auth

    async function inspectJwt(token: string | undefined): Promise<JwtCheck> {
        if (!token) return { valid: false, error: "no auth header" };
        if (/^bearer\s/i.test(token)) return { valid: false, error: 'the auth header must hold the raw JWT, without "Bearer"' };
        let claims: JwtClaimsSeen;
        try {
            claims = pickClaims(jose.decodeJwt(token));
        } catch {
            return { valid: false, error: "the auth header is not a JWT" };
        }
        try {
            await jose.jwtVerify(token, key, { algorithms: ["HS256"] });
        } catch (err) {
            const e = err as { code?: string; message?: string };
            return { valid: false, claims, error: `${e.code ?? "ERR_JWT_INVALID"}: ${e.message ?? "verification failed"}` };
        }
        if (claims.appId !== options.clientId) return { valid: false, claims, error: "the appId claim is not this app's client id" };
        if (options.enforceJti) {
            if (!claims.jti) return { valid: false, claims, error: "Enforce JTI: the token has no jti" };
            if (claims.iat === undefined || claims.exp === undefined)
                return { valid: false, claims, error: "Enforce JTI: the token needs iat and exp" };
            if (claims.exp - claims.iat > MAX_JTI_LIFETIME_SECONDS)
                return {
                    valid: false,
                    claims,
                    error: `Enforce JTI: the token lives ${claims.exp - claims.iat} s; at most ${MAX_JTI_LIFETIME_SECONDS} s`,
                };
        }
        return { valid: true, claims };
    }

    /** Enforce JTI: records the jti; false when it was already used. */
    function consumeJti(claims: JwtClaimsSeen): boolean {
        const now = Date.now();
        for (const [jti, forgetAt] of usedJtis) if (forgetAt < now) usedJtis.delete(jti);
        const jti = claims.jti as string;
        if (usedJtis.has(jti)) return false;
        usedJtis.set(jti, ((claims.exp ?? now / 1000) + 60) * 1000);
        return true;
    }

    // -----------------------------------------------------------------------------------------
    // Faults

    function takeFault(method: string, path: string, isCreate: boolean): Fault | undefined {
        for (const entry of faults) {
            if (entry.remaining <= 0) continue;
            const { fault } = entry;
            if (fault.match?.method && fault.match.method.toUpperCase() !== method) continue;
            if (fault.match?.pathIncludes && !path.includes(fault.match.pathIncludes)) continue;
            if (fault.kind === "drop-after-create" && !isCreate) continue;
            entry.remaining -= 1;
            faults = faults.filter((f) => f.remaining > 0);
            return fault;
        }
        return undefined;
    }

    function injectFault(fault: Fault): void {
        const checked = validateFault(fault);
        if (!checked.ok) throw new Error(`invalid fault: ${checked.problems.map((p) => p.message).join("; ")}`);
        faults.push({ fault: checked.value, remaining: checked.value.count ?? 1 });
    }

    // -----------------------------------------------------------------------------------------
    // API handlers

    const success = (data: unknown, message?: string): Reply =>
        json(200, { status: "success", ...(message !== undefined ? { message } : {}), data });
    const notFound = (id: string) => failure(404, `Campaign "${id}" not found`, "campaignId");
    const queryMustBeSms = (query: URLSearchParams, required: boolean): Reply | undefined => {
        const t = query.get("campaignType");
        if (t === null && !required) return undefined;
        if (t !== "sms")
            return failure(400, `Query parameter campaignType must be "sms"; got ${t === null ? "nothing" : show(t)}`, "campaignType");
        return undefined;
    };

    function handleApi(route: Route, accountId: string, query: URLSearchParams, body: unknown): Reply {
        switch (route.op) {
            case "create": {
                const bad = queryMustBeSms(query, true);
                if (bad) return bad;
                const checked = validateCampaignBody(body, contactLists);
                if (!checked.ok) return failure(400, checked.problems);
                if (store.nameTaken(accountId, checked.value.name))
                    return failure(400, `Campaign with name "${checked.value.name}" already exists`, "name");
                const record = store.create(accountId, checked.value);
                return success(store.view(record), `Campaign ${checked.value.name} creation in progress`);
            }
            case "list": {
                const checked = validateListBody(body);
                if (!checked.ok) return failure(400, checked.problems);
                const q = checked.value;
                const now = Date.now();
                const sign = q.sortDirection === "asc" ? 1 : -1;
                // Every emulated campaign is an SMS campaign: another type lists nothing.
                const rows = (q.type === "sms" ? store.recordsOf(accountId) : [])
                    .map((r) => ({ r, c: store.view(r, now) }))
                    .filter(({ c }) => q.status.length === 0 || q.status.includes(c.status))
                    .filter(({ c }) => q.priority.length === 0 || (c.priority !== undefined && q.priority.includes(String(c.priority))))
                    .sort((a, b) => {
                        const x = String(q.sortField === "name" ? a.c.lname : a.c[q.sortField]);
                        const y = String(q.sortField === "name" ? b.c.lname : b.c[q.sortField]);
                        if (x !== y) return x < y ? -sign : sign;
                        return (a.r.seq - b.r.seq) * sign;
                    });
                const page = rows.slice(q.skip, q.skip + q.limit).map(({ c }) => ({
                    id: c._id,
                    name: c.name,
                    status: c.status,
                    priority: c.priority,
                    createdAt: c.createdAt,
                    updatedAt: c.updatedAt,
                    contactLists: c.contactLists,
                }));
                return success({
                    results: page,
                    hasMore: q.skip + page.length < rows.length,
                    totalResults: rows.length,
                    limit: q.limit,
                    skip: q.skip,
                });
            }
            case "get": {
                const record = store.find(accountId, route.id);
                return record ? success(store.view(record)) : notFound(route.id);
            }
            case "status": {
                const record = store.find(accountId, route.id);
                if (!record) return notFound(route.id);
                const c = store.view(record);
                return success({ id: c._id, status: c.status, name: c.name });
            }
            case "update": {
                const bad = queryMustBeSms(query, false);
                if (bad) return bad;
                const record = store.find(accountId, route.id);
                if (!record) return notFound(route.id);
                const checked = validateCampaignBody(body, contactLists);
                if (!checked.ok) return failure(400, checked.problems);
                if (store.nameTaken(accountId, checked.value.name, route.id))
                    return failure(400, `Campaign with name "${checked.value.name}" already exists`, "name");
                store.update(record, checked.value);
                return success(store.view(record), "details updated successfully");
            }
            case "delete": {
                const bad = queryMustBeSms(query, false);
                if (bad) return bad;
                const record = store.find(accountId, route.id);
                if (!record) return notFound(route.id);
                const current = store.view(record);
                if (current.status === "Active") return failure(400, "Campaign is Active; stop it before deleting", "status");
                store.remove(route.id);
                return success(current, "Campaign deleted");
            }
            case "trigger": {
                const bad = queryMustBeSms(query, true);
                if (bad) return bad;
                const trigger = query.get("trigger");
                if (trigger !== "play" && trigger !== "stop")
                    return failure(
                        400,
                        `Query parameter trigger must be "play" or "stop"; got ${trigger === null ? "nothing" : show(trigger)}`,
                        "trigger",
                    );
                const record = store.find(accountId, route.id);
                if (!record) return notFound(route.id);
                const status = store.statusOf(record);
                if (trigger === "play") {
                    if (status === "Preparing") return failure(400, "Campaign is Preparing; it can be started once it is Ready", "status");
                    if (status === "Active") return failure(400, "Campaign is already Active", "status");
                    if (!PLAYABLE.has(status)) return failure(400, `Campaign is ${status}; it cannot be started`, "status");
                    store.setStatus(record, "Active");
                    const c = store.view(record);
                    return success(c, `Campaign ${c.name} started`);
                }
                if (status !== "Stopped") {
                    if (!STOPPABLE.has(status))
                        return failure(400, `Campaign is ${status}; only an Active, Paused or Scheduled campaign can be stopped`, "status");
                    store.setStatus(record, "Stopped");
                }
                const c = store.view(record);
                return success(c, `Campaign ${c.name} stopped`);
            }
        }
    }

    // -----------------------------------------------------------------------------------------
    // Control API (no auth, never recorded, never faulted)

    function handleControl(method: string, path: string, query: URLSearchParams, rawBody: string): Reply {
        const rest = path.slice(CONTROL_PREFIX.length).replace(/\/+$/, "");
        const parse = (): { ok: true; value: unknown } | { ok: false; reply: Reply } => {
            if (rawBody.trim() === "") return { ok: true, value: undefined };
            try {
                return { ok: true, value: JSON.parse(rawBody) };
            } catch {
                return { ok: false, reply: failure(400, "Request body is not valid JSON", "body") };
            }
        };
        const ok = json(200, { ok: true });
        if (rest === "" || rest === "/info") {
            if (method !== "GET") return json(404, NOT_FOUND_BODY);
            return json(200, {
                iid: options.iid,
                contactLists,
                preparingMs,
                accounts: accounts ? [...accounts] : "any",
                enforceJti: options.enforceJti === true,
                persistent: options.dataFile !== undefined,
                campaigns: store.recordsOf().length,
            });
        }
        if (rest === "/requests") {
            if (method === "GET") return json(200, { requests: received });
            if (method === "DELETE") {
                received = [];
                return ok;
            }
        }
        if (rest === "/campaigns" && method === "GET") return json(200, { campaigns: store.list(query.get("accountId") ?? undefined) });
        const one = /^\/campaigns\/([^/]+)$/.exec(rest);
        if (one) {
            const id = decode(one[1]) ?? "";
            if (method === "PATCH") {
                const body = parse();
                if (!body.ok) return body.reply;
                if (!body.value || typeof body.value !== "object" || Array.isArray(body.value))
                    return failure(400, `body must be a JSON merge patch object; got ${show(body.value)}`, "body");
                if (!store.recordsOf().some((r) => r.campaign._id === id)) return failure(404, `Campaign "${id}" not found`, "campaignId");
                try {
                    const record = store.patch(id, body.value as Record<string, unknown>);
                    return json(200, { campaign: { ...store.view(record), accountId: record.accountId } });
                } catch (err) {
                    return failure(400, (err as Error).message, "body");
                }
            }
            if (method === "DELETE") return store.remove(id) ? ok : failure(404, `Campaign "${id}" not found`, "campaignId");
        }
        if (rest === "/faults") {
            if (method === "GET") return json(200, { faults: faults.map((f) => ({ ...f.fault, count: f.remaining })) });
            if (method === "DELETE") {
                faults = [];
                return ok;
            }
            if (method === "POST") {
                const body = parse();
                if (!body.ok) return body.reply;
                const checked = validateFault(body.value);
                if (!checked.ok) return failure(400, checked.problems);
                faults.push({ fault: checked.value, remaining: checked.value.count ?? 1 });
                return json(200, { ok: true, faults: faults.map((f) => ({ ...f.fault, count: f.remaining })) });
            }
        }
        if (rest === "/reset" && method === "POST") {
            reset();
            return ok;
        }
        return json(404, NOT_FOUND_BODY);
    }

    function reset(): void {
        store.clear();
        received = [];
        faults = [];
        usedJtis.clear();
    }

    // -----------------------------------------------------------------------------------------
    // HTTP

    function write(res: http.ServerResponse, reply: Reply): void {
        if (res.destroyed || res.headersSent) return;
        const text = reply.body === undefined ? "" : JSON.stringify(reply.body);
        res.writeHead(reply.status, {
            ...(text ? { "content-type": "application/json; charset=utf-8" } : {}),
            "content-length": String(Buffer.byteLength(text)),
            ...reply.headers,
        });
        res.end(text);
    }

    function logLine(method: string, url: URL, status: number | "dropped", started: number, note?: string): void {
        try {
            log(`${method} ${url.pathname}${url.search} ${status} ${Date.now() - started}ms${note ? ` ${note}` : ""}`);
        } catch {
            // a failing logger must not break the emulator
        }
    }

    async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
        const started = Date.now();
        const method = (req.method ?? "GET").toUpperCase();
        const url = new URL(req.url ?? "/", "http://emulator.invalid");
        const path = url.pathname;
        const { text: rawBody, tooLarge } = await readBody(req);

        if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
            const reply = tooLarge
                ? failure(413, "Request body is too large", "body")
                : handleControl(method, path, url.searchParams, rawBody);
            write(res, reply);
            logLine(method, url, reply.status, started, "(control)");
            return;
        }

        let body: unknown;
        let bodyIsJson = true;
        if (rawBody.trim() !== "") {
            try {
                body = JSON.parse(rawBody);
            } catch {
                bodyIsJson = false;
                body = rawBody.slice(0, 2000);
            }
        }
        const accountId = header(req, "accountId");
        const iidHeader = header(req, "iid");
        const jwt = await inspectJwt(header(req, "auth"));
        const record: ReceivedRequest = {
            method,
            path,
            query: Object.fromEntries(url.searchParams),
            body,
            status: 0,
            ...(accountId !== undefined ? { accountId } : {}),
            ...(iidHeader !== undefined ? { iid: iidHeader } : {}),
            jwt,
            at: new Date(started).toISOString(),
        };
        received.push(record);
        if (received.length > MAX_RECEIVED) received.splice(0, received.length - MAX_RECEIVED);

        const route = matchRoute(method, path);
        const fault = takeFault(method, path, route?.op === "create");
        if (fault) record.fault = fault.kind;

        const finish = (reply: Reply) => {
            record.status = reply.status;
            write(res, reply);
            logLine(method, url, reply.status, started, fault ? `(fault ${fault.kind})` : undefined);
        };

        if (fault?.kind === "status") {
            const message = `Injected fault: HTTP ${fault.status}`;
            const reply = failure(fault.status, message);
            if (fault.retryAfterSeconds !== undefined) reply.headers = { "retry-after": String(fault.retryAfterSeconds) };
            return finish(reply);
        }
        if (fault?.kind === "latency") {
            try {
                await delay(fault.ms, undefined, { signal: aborter.signal });
            } catch {
                return; // closing
            }
        }

        const reply = ((): Reply => {
            if (tooLarge) return failure(413, "Request body is too large", "body");
            if (!route) return json(404, NOT_FOUND_BODY);
            if (route.iid !== options.iid) return failure(404, `No app with iid "${route.iid}"`, "iid");
            if (iidHeader === undefined) return failure(400, 'Header "iid" is required', "iid");
            if (accountId === undefined) return failure(400, 'Header "accountId" is required', "accountId");
            if (!jwt.valid) return json(401, AUTH_FAILURE_BODY);
            if (iidHeader !== options.iid) {
                jwt.valid = false;
                jwt.error = "the iid header names another app";
                return json(401, AUTH_FAILURE_BODY);
            }
            if (options.enforceJti && jwt.claims && !consumeJti(jwt.claims)) {
                jwt.valid = false;
                jwt.error = "Enforce JTI: this jti was already used";
                return json(401, AUTH_FAILURE_BODY);
            }
            if (accounts && !accounts.has(accountId)) {
                jwt.error = "unknown accountId";
                return json(401, AUTH_FAILURE_BODY);
            }
            if (!bodyIsJson) return failure(400, "Request body is not valid JSON", "body");
            return handleApi(route, accountId, url.searchParams, body);
        })();

        if (fault?.kind === "drop-after-create") {
            record.status = 0;
            req.socket.destroy();
            logLine(method, url, "dropped", started, `(fault ${fault.kind}; would have answered ${reply.status})`);
            return;
        }
        finish(reply);
    }

    const server = http.createServer((req, res) => {
        handle(req, res).catch((err: unknown) => {
            logLine(
                req.method ?? "?",
                new URL(req.url ?? "/", "http://emulator.invalid"),
                500,
                Date.now(),
                `(error: ${(err as Error)?.message ?? String(err)})`,
            );
            write(res, failure(500, "Internal emulator error"));
        });
    });
    server.on("connection", (socket) => {
        sockets.add(socket);
        socket.on("close", () => sockets.delete(socket));
    });

    await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.port ?? 0, host, () => {
            server.off("error", reject);
            resolve();
        });
    });
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : (options.port ?? 0);
    const urlHost = isIPv6(host) ? `[${host}]` : host;

    let closing: Promise<void> | undefined;
    return {
        url: `http://${urlHost}:${port}`,
        port,
        close() {
            closing ??= new Promise<void>((resolve) => {
                aborter.abort();
                server.close(() => resolve());
                server.closeAllConnections();
                for (const s of sockets) s.destroy();
            });
            return closing;
        },
        received: () => structuredClone(received),
        clearReceived() {
            received = [];
        },
        campaigns: (accountId?: string) => store.list(accountId),
        patchCampaign(id, patch) {
            store.patch(id, patch);
        },
        removeCampaign(id) {
            if (!store.remove(id)) throw new Error(`no campaign with id ${id}`);
        },
        injectFault,
        clearFaults() {
            faults = [];
        },
        reset,
    };
}
