// Offline emulator of Kore.ai's campaign-management API (`pulumi-kore-sms/emulator`).
export { startEmulator, isLoopbackHost, AUTH_FAILURE_BODY, NOT_FOUND_BODY } from "./server";
export {
    validateCampaignBody,
    validateListBody,
    validateFault,
    clockMinutes,
    isE164,
    isTimeZone,
    NAME_MAX,
    DESCRIPTION_MAX,
} from "./rules";
export type { Problem, Checked, ListQuery } from "./rules";
export { DEFAULT_CONTACT_LISTS, DEFAULT_PREPARING_MS } from "./types";
export type {
    Emulator,
    EmulatorOptions,
    Fault,
    FaultKind,
    FaultMatch,
    ReceivedRequest,
    JwtClaimsSeen,
    EmulatedCampaign,
    StoredCampaign,
} from "./types";
