// Public types of the offline Kore.ai campaign API emulator.
import type { DialingStrategy } from "../types";

export interface EmulatorOptions {
    /** Port to listen on; 0 (the default) picks a free one. */
    port?: number;
    /** Loopback only (127.x.x.x, ::1 or localhost); default 127.0.0.1. */
    host?: string;
    /** The app's Client ID: the JWT's `appId` claim must equal it. */
    clientId: string;
    /** The app's Client Secret: the HS256 key the JWT must be signed with. */
    clientSecret: string;
    /** The app's id (`st-...`): the only `{iid}` the API answers for. */
    iid: string;
    /** Known account ids; when given, any other `accountId` header is refused (401). Default: any. */
    accounts?: string[];
    /** Names of the contact lists that exist; default {@link DEFAULT_CONTACT_LISTS}. */
    contactLists?: string[];
    /** How long a new campaign stays `Preparing` before it is `Ready`; default 1000, 0 = created `Ready`. */
    preparingMs?: number;
    /** JSON file holding the campaigns: loaded at start when it exists, rewritten atomically after each change. */
    dataFile?: string;
    /** Like a Kore.ai app with "Enforce JTI": each token needs a fresh `jti` and a lifetime of at most one hour. */
    enforceJti?: boolean;
    /** Receives one line per request (method, path, status, duration). Never given headers or secrets. */
    log?: (line: string) => void;
}

export interface FaultMatch {
    /** HTTP method, case-insensitive. */
    method?: string;
    /** Substring of the request path (without the query string). */
    pathIncludes?: string;
}

export type Fault =
    /** Answer with this status (and `Retry-After` when given) instead of handling the request. */
    | { kind: "status"; status: number; retryAfterSeconds?: number; count?: number; match?: FaultMatch }
    /** Wait, then handle the request normally. */
    | { kind: "latency"; ms: number; count?: number; match?: FaultMatch }
    /** Handle a create (the campaign IS stored), then destroy the socket without answering. */
    | { kind: "drop-after-create"; count?: number; match?: FaultMatch };

export type FaultKind = Fault["kind"];

export interface JwtClaimsSeen {
    sub?: string;
    appId?: string;
    iat?: number;
    exp?: number;
    jti?: string;
}

/** One API request as the emulator received it. Never holds the token itself or any secret. */
export interface ReceivedRequest {
    method: string;
    /** Path without the query string. */
    path: string;
    query: Record<string, string>;
    /** Parsed JSON body; the raw text (first 2000 characters) when it was not JSON; undefined when empty. */
    body: unknown;
    /** Status answered; 0 when the socket was dropped without an answer. */
    status: number;
    accountId?: string;
    iid?: string;
    jwt: {
        /** Signature, algorithm, expiry and `appId` all good. (JTI reuse is reported in `error`, too.) */
        valid: boolean;
        /** The token's claims when it could be decoded (even when invalid). */
        claims?: JwtClaimsSeen;
        /** Why it was refused. */
        error?: string;
    };
    /** ISO time the request arrived. */
    at: string;
    /** The injected fault that shaped the answer, if any. */
    fault?: FaultKind;
}

/** A campaign as the emulator returns it in `data` (create, get, delete, play/stop). */
export interface EmulatedCampaign {
    _id: string;
    name: string;
    lname: string;
    description?: string;
    status: string;
    priority?: string;
    dialingStrategy: DialingStrategy;
    message: { message: string };
    createdAt: string;
    updatedAt: string;
    schedule?: { isSchedulingEnabled?: boolean };
    contactLists: string[];
    enableMachineDetect: boolean;
    format: string;
    totalMessagesSent: number;
    /** Control-API patches may add anything. */
    [key: string]: unknown;
}

/** A stored campaign with the account that owns it; `status` is the effective one (Preparing → Ready computed). */
export type StoredCampaign = EmulatedCampaign & { accountId: string };

export interface Emulator {
    /** e.g. `http://127.0.0.1:8787` (no trailing slash). */
    url: string;
    port: number;
    /** Closes the server and every open socket; pending latency faults are abandoned. */
    close(): Promise<void>;
    received(): ReceivedRequest[];
    clearReceived(): void;
    campaigns(accountId?: string): StoredCampaign[];
    /** JSON merge patch (RFC 7386) of a stored campaign, e.g. to simulate drift. Throws on an unknown id. */
    patchCampaign(id: string, patch: Record<string, unknown>): void;
    /** Deletes a campaign behind the API's back. Throws on an unknown id. */
    removeCampaign(id: string): void;
    injectFault(fault: Fault): void;
    clearFaults(): void;
    /** Clears campaigns (and the data file), received requests, faults and used JTIs. */
    reset(): void;
}

export const DEFAULT_CONTACT_LISTS: readonly string[] = ["Renewal Due - May/June 2025", "Newsletter", "VIP Customers"];
export const DEFAULT_PREPARING_MS = 1000;
