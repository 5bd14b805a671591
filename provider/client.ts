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
    /**
     * POSTs once. After a failure that may have stored the campaign (a lost answer, a timeout, a 500,
     * 502 or 504) it looks the name up before any retry, and takes the campaign it finds only when
     * `isOurs` accepts it (it matches what was sent); anything else is never adopted.
     */
    createCampaign(body: ApiCampaignBody, isOurs: (campaign: ApiCampaign) => boolean): Promise<CreateOutcome>;
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
/** Failures after which a POST may or may not have been stored. 429, 503 and 408 were not processed. */
const AMBIGUOUS_CODES = new Set(["ECONNRESET", "ETIMEDOUT", "EPIPE", "ERR_GOT_REQUEST_ERROR"]);
const AMBIGUOUS_STATUS = new Set([500, 502, 504]);

/** Thrown from got's beforeRetry hook to stop retrying a create whose campaign was stored after all. */
class CampaignStoredError extends Error {
    constructor(readonly campaign: ApiCampaign) {
        super(`campaign ${campaign._id} already stored`);
    }
}

/** Status values of a 2xx answer that still mean failure. */
const FAILED_STATUS = /^(fail|failure|error)$/i;

/**
 * Kore.ai's `{status, message, data}` envelope. A 2xx whose `status` says failure is an error; with
 * `requireData`, so is one without `data`. Stop and delete answers are not documented precisely
 * (stop "returns status Active/Stopped"), so for them any other 2xx is success.
 */
export function unwrapEnvelope<T>(operation: string, body: unknown, requireData: boolean): T | undefined {
    const env = (body ?? {}) as Envelope<T>;
    const failed = typeof env.status === "string" && (requireData ? env.status !== "success" : FAILED_STATUS.test(env.status));
    if (failed) throw new KoreApiError(`Kore.ai did not accept ${operation}: ${apiMessage(body) ?? env.status}`, 200, operation);
    if (requireData && env.data === undefined) throw new KoreApiError(`Kore.ai's answer to ${operation} has no data`, 200, operation);
    return env.data;
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

    const unwrap = <T>(operation: string, body: unknown, requireData = true): T => {
        try {
            return unwrapEnvelope<T>(operation, body, requireData) as T;
        } catch (err) {
            throw new KoreApiError(redact((err as Error).message, secrets), 200, operation);
        }
    };

    const isNotFound = (err: unknown) => err instanceof HTTPError && err.response.statusCode === 404;

    const api: CampaignApi = {
        async findCampaignsByName(name) {
            const wanted = name.toLowerCase();
            const found: ApiCampaignSummary[] = [];
            // Advance by what came back, not by the limit asked for: Kore.ai may cap a page lower.
            let skip = 0;
            for (let page = 0; page < LIST_MAX_PAGES; page++) {
                let data: { results?: ApiCampaignSummary[]; hasMore?: boolean; totalResults?: number };
                try {
                    const res = await http.post(`${base}/getAllCampaignDetails`, {
                        json: {
                            limit: LIST_PAGE_SIZE,
                            skip,
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
                skip += results.length;
                const more = data.hasMore ?? (typeof data.totalResults === "number" && skip < data.totalResults);
                if (!more || results.length === 0) break;
            }
            return found;
        },

        async createCampaign(body, isOurs) {
            // The campaign this create stored, if a look-up by name finds one that matches what was sent.
            const ours = async (): Promise<ApiCampaign | undefined> => {
                const named = await api.findCampaignsByName(body.name).catch(() => []);
                for (const summary of named) {
                    const campaign = await api.getCampaign(summary.id).catch(() => undefined);
                    if (campaign && isOurs(campaign)) return campaign;
                }
                return undefined;
            };
            let sawAmbiguous = false;
            try {
                const res = await http.post(base, {
                    searchParams: { campaignType: "sms" },
                    json: body,
                    hooks: {
                        beforeRetry: [
                            async (error) => {
                                if (!isAmbiguous(error)) return;
                                sawAmbiguous = true;
                                const stored = await ours();
                                if (stored) throw new CampaignStoredError(stored);
                            },
                        ],
                    },
                });
                return { campaign: unwrap<ApiCampaign>("create campaign", res.body), recovered: false };
            } catch (err) {
                const cause = (err as RequestError)?.cause;
                if (cause instanceof CampaignStoredError) return { campaign: cause.campaign, recovered: true };
                // The last attempt may have been stored before its answer was lost; or an earlier lost
                // attempt was stored while we retried, and the retry was refused because the name is taken.
                if (isAmbiguous(err) || sawAmbiguous) {
                    const stored = await ours();
                    if (stored) return { campaign: stored, recovered: true };
                }
                throw fail("create campaign", err);
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
                unwrap("delete campaign", res.body, false);
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
                unwrap("stop campaign", res.body, false);
            } catch (err) {
                if (isNotFound(err)) return;
                throw fail(`stop campaign ${id}`, err);
            }
        },
    };

    function isAmbiguous(err: unknown): boolean {
        if (err instanceof HTTPError) return AMBIGUOUS_STATUS.has(err.response.statusCode);
        return err instanceof GotRequestError && AMBIGUOUS_CODES.has(err.code);
    }

    return api;
}
