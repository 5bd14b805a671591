// Public surface of pulumi-kore-sms.
export { SmsCampaign, smsCampaignProvider, SMS_CAMPAIGN_MODULE, SMS_CAMPAIGN_TYPE } from "./resource";
export type { SmsCampaignArgs, SmsCampaignOutputs, DialingStrategyArgs, CallingWindowArgs, ConnectionArgs } from "./resource";
export type { CampaignInputs, CampaignOutputs, CampaignDefinition, ProviderOptions, ApiCampaign, ApiCampaignBody } from "./types";
export { checkCampaignInputs, UNKNOWN } from "./schema";
export type { CheckFailure } from "./schema";
export { KoreApiError, KoreSettingsError } from "./errors";
