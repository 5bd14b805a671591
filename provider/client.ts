// Kore.ai campaign API client. The provider only talks to the `CampaignApi` interface, so tests can
// swap in a fake; `createKoreCampaignApi` is the real one, over got (retry with backoff that honours
// Retry-After) and a fresh JWT per request.
import type { Got, RequestError } from "got";
import { authHeaderValue } from "./auth";
import { KoreApiError, redact } from "./errors";
import { KoreSettings, secretsOf } from "./settings";
import { ApiCampaign, ApiCampaignBody, ApiCampaignSummary } from "./types";

export interface CreateOutcome {
    campaign: ApiCampaign;
    /** True when the POST failed ambiguously and the campaign it had stored was found by name. */
    recovered: boolean;
}

export interface CampaignApi {
    /** POSTs once; never leaves a duplicate: before any retry it looks the name up and adopts a match. */
    createCampaign(body: ApiCampaignBody): Promise<CreateOutcome>;
    /** `undefined` when Kore.ai answers 404. */
    getCampaign(id: string): Promise<ApiCampaign | undefined>;
    /** Campaigns whose name equals `name` case-insensitively (Kore.ai keys names that way). */
    findCampaignsByName(name: string): Promise<ApiCampaignSummary[]>;
    /** `"absent"` when Kore.ai answers 404. */
    deleteCampaign(id: string): Promise<"deleted" | "absent">;
    stopCampaign(id: string): Promise<void>;
}

export interface ClientOptions {
    /** Caps each backoff delay; tests lower it. Retry-After still wins when it is larger. */
    retryBackoffLimitMs?: number;
    userAgent?: string;
}

const LIST_PAGE_SIZE = 50;
const LIST_MAX_PAGES = 200;
const RETRY_STATUS = [408, 429, 500, 502, 503, 504];
/** Failures after which a POST may or may not have been stored. */
const AMBIGUOUS_CODES = new Set(["ECONNRESET", "ETIMEDOUT", "EPIPE", "ERR_GOT_REQUEST_ERROR"]);

/** Thrown from got's beforeRetry hook to stop retrying a create whose campaign already exists. */
class CampaignStoredError extends Error {
    constructor(readonly summary: ApiCampaignSummary) {
        super(`campaign ${summary.id} already stored`);
    }
}

type Envelope<T> = { status?: string; message?: string; data?: T; errors?: { msg?: string; code?: number; field?: string }[] };

/** Kore.ai's own words from an answer body: each error once, with its field or code. */
export function apiMessage(body: unknown): string | undefined {
    if (!body || typeof body !== "object") return typeof body === "string" && body ? body.slice(0, 300) : undefined;
    const b = body as Envelope<unknown> & { error?: unknown };
    const errors = Array.isArray(b.errors) ? b.errors : [];
    const parts = errors.map((e) => {
        const where = e.field ? ` (field ${e.field})` : e.code !== undefined ? ` (code ${e.code})` : "";
        return `${e.msg ?? "error"}${where}`;
    });
    if (typeof b.message === "string" && !errors.some((e) => e.msg === b.message)) parts.unshift(b.message);
    if (typeof b.error === "string") parts.push(b.error);
    return parts.join("; ") || undefined;
}

export async function createKoreCampaignApi(settings: KoreSettings, options: ClientOptions = {}): Promise<CampaignApi> {
    const { got, RequestError: GotRequestError, HTTPError } = await import("got");
    const secrets = secretsOf(settings);
    const base = `agentassist/api/v1/public/${encodeURIComponent(settings.iid)}/campaign`;
    const control = `campaign/api/v1/public/${encodeURIComponent(settings.iid)}/campaign`;

    const http: Got = got.extend({
        prefixUrl: settings.baseUrl,
        responseType: "json",
        timeout: { request: settings.tuning.requestTimeoutSeconds * 1000 },
        retry: {
            limit: settings.tuning.maxRetries,
            methods: ["GET", "DELETE", "POST"],
            statusCodes: RETRY_STATUS,
            backoffLimit: options.retryBackoffLimitMs ?? 30_000,
            maxRetryAfter: 120_000,
        },
        headers: {
            iid: settings.iid,
            accountId: settings.accountId,
            "user-agent": options.userAgent ?? "pulumi-kore-sms",
        },
        hooks: {
            // A new token per attempt: a retried request must not replay a jti.
            beforeRequest: [
                async (req) => {
                    req.headers.auth = await authHeaderValue(settings.credentials);
                },
            ],
        },
    });

    const fail = (operation: string, err: unknown): KoreApiError => {
        const where = `${operation} (${settings.baseUrl}, iid ${settings.iid})`;
        if (err instanceof HTTPError) {
            const status = err.response.statusCode;
            const said = apiMessage(err.response.body);
            const detail = said ? `: ${said}` : "";
            let message: string;
            if (status === 400) message = `Kore.ai rejected ${where} with 400${detail}`;
            else if (status === 401 || status === 403)
                message =
                    `Kore.ai refused the JWT for ${where} with ${status}${detail}. Check that the client id and secret (or the JWT) ` +
                    `belong to the app with this iid, that the app is mapped to the Campaign Management API scope, and that accountId is right`;
            else if (status === 404)
                message = `Kore.ai answered 404 to ${where}${detail}. Check the host and the iid: the campaign API is not at that address`;
            else if (status === 429 || status >= 500)
                message = `Kore.ai answered ${status} to ${where}${detail}; gave up after ${err.request.retryCount + 1} attempt(s)`;
            else message = `Kore.ai answered ${status} to ${where}${detail}`;
            return new KoreApiError(redact(message, secrets), status, operation);
        }
        if (err instanceof GotRequestError) {
            const attempts = err.request ? ` after ${err.request.retryCount + 1} attempt(s)` : "";
            return new KoreApiError(
                redact(`Could not complete ${where}${attempts}: ${err.code} ${err.message}`, secrets),
                undefined,
                operation,
            );
        }
        if (err instanceof KoreApiError) return err;
        return new KoreApiError(redact(`${where} failed: ${(err as Error)?.message ?? String(err)}`, secrets), undefined, operation);
    };

    /** Unwraps Kore.ai's `{status, message, data}` envelope; a 2xx whose status is not success is an error. */
    const unwrap = <T>(operation: string, body: unknown): T => {
        const env = (body ?? {}) as Envelope<T>;
        if (env.status !== undefined && env.status !== "success")
            throw new KoreApiError(
                redact(`Kore.ai did not accept ${operation}: ${apiMessage(body) ?? env.status}`, secrets),
                200,
                operation,
            );
        if (env.data === undefined) throw new KoreApiError(`Kore.ai's answer to ${operation} has no data`, 200, operation);
        return env.data;
    };

    const isNotFound = (err: unknown) => err instanceof HTTPError && err.response.statusCode === 404;

    const api: CampaignApi = {
        async findCampaignsByName(name) {
            const wanted = name.toLowerCase();
            const found: ApiCampaignSummary[] = [];
            for (let page = 0; page < LIST_MAX_PAGES; page++) {
                let data: { results?: ApiCampaignSummary[]; hasMore?: boolean };
                try {
                    const res = await http.post(`${base}/getAllCampaignDetails`, {
                        json: {
                            limit: LIST_PAGE_SIZE,
                            skip: page * LIST_PAGE_SIZE,
                            page: page + 1,
                            type: "sms",
                            sortBy: { createdAt: "desc" },
                            filters: { status: [], priority: [] },
                        },
                    });
                    data = unwrap("list campaigns", res.body);
                } catch (err) {
                    throw fail("list campaigns", err);
                }
                const results = data.results ?? [];
                found.push(...results.filter((r) => typeof r.name === "string" && r.name.toLowerCase() === wanted));
                if (!data.hasMore || results.length === 0) break;
            }
            return found;
        },

        async createCampaign(body) {
            const lookUp = async (): Promise<ApiCampaignSummary | undefined> => (await api.findCampaignsByName(body.name))[0];
            try {
                const res = await http.post(base, {
                    searchParams: { campaignType: "sms" },
                    json: body,
                    hooks: {
                        beforeRetry: [
                            async () => {
                                const stored = await lookUp();
                                if (stored) throw new CampaignStoredError(stored);
                            },
                        ],
                    },
                });
                return { campaign: unwrap<ApiCampaign>("create campaign", res.body), recovered: false };
            } catch (err) {
                let stored =
                    (err as RequestError)?.cause instanceof CampaignStoredError
                        ? ((err as RequestError).cause as CampaignStoredError).summary
                        : undefined;
                // The last attempt may itself have been stored before the answer was lost.
                if (!stored && isAmbiguous(err)) stored = await lookUp().catch(() => undefined);
                if (stored) {
                    const campaign = await api.getCampaign(stored.id);
                    if (campaign) return { campaign, recovered: true };
                }
                throw fail("create campaign", (err as RequestError)?.cause instanceof KoreApiError ? (err as RequestError).cause : err);
            }
        },

        async getCampaign(id) {
            try {
                const res = await http.get(`${base}/${encodeURIComponent(id)}`);
                return unwrap<ApiCampaign>("get campaign", res.body);
            } catch (err) {
                if (isNotFound(err)) return undefined;
                throw fail(`get campaign ${id}`, err);
            }
        },

        async deleteCampaign(id) {
            try {
                const res = await http.delete(`${base}/${encodeURIComponent(id)}`, { searchParams: { campaignType: "sms" } });
                unwrap("delete campaign", res.body);
                return "deleted";
            } catch (err) {
                if (isNotFound(err)) return "absent";
                throw fail(`delete campaign ${id}`, err);
            }
        },

        async stopCampaign(id) {
            try {
                const res = await http.post(`${control}/${encodeURIComponent(id)}`, {
                    searchParams: { campaignType: "sms", trigger: "stop" },
                    json: {},
                });
                unwrap("stop campaign", res.body);
            } catch (err) {
                if (isNotFound(err)) return;
                throw fail(`stop campaign ${id}`, err);
            }
        },
    };

    function isAmbiguous(err: unknown): boolean {
        if (err instanceof HTTPError) return err.response.statusCode >= 500;
        return err instanceof GotRequestError && AMBIGUOUS_CODES.has(err.code);
    }

    return api;
}
