// Diff between the normalised inputs (`check`'s result) and the stored outputs. Pure.
import { isDeepStrictEqual } from "node:util";
import { KoreSettingsError } from "./errors";
import { CampaignLocation, DEFINITION_KEYS, PROVIDER_OPTION_KEYS, normaliseDefinition, providerOptionsOf } from "./mapping";
import { UNKNOWN, containsUnknown } from "./schema";
import { CampaignDefinition, CampaignInputs, CampaignOutputs } from "./types";

export interface CampaignDiff {
    /** Always set: `false` tells the engine there is nothing to do, even after a provider upgrade. */
    changes: boolean;
    /** Definition properties that reach the API and differ: each forces a replacement. */
    replaces: string[];
    /** Provider-only options that differ: an update re-stores them without calling the API. */
    updates: string[];
    deleteBeforeReplace: boolean;
}

// Optional definition properties the user left out are not compared: the provider never sends them,
// so whatever Kore.ai keeps for them is not a change to the user's definition.
const OPTIONAL_WHEN_ABSENT = new Set<string>(["description", "priority", "schedule"]);

/** Definition properties that differ between the program and the state (unknowns count as changes). */
export function changedDefinitionKeys(news: Partial<CampaignDefinition>, olds: Partial<CampaignDefinition>): string[] {
    const wanted = normaliseDefinition(news);
    const held = normaliseDefinition(olds);
    return DEFINITION_KEYS.filter((key) => {
        const n = news[key] === undefined ? undefined : containsUnknown(news[key]) ? news[key] : wanted[key];
        if (n === undefined && OPTIONAL_WHEN_ABSENT.has(key)) return false;
        if (containsUnknown(n)) return true;
        return !isDeepStrictEqual(n, held[key]);
    });
}

const LOCATION_KEYS = ["host", "iid", "accountId"] as const;

/**
 * Which part of a campaign's location the settings now point elsewhere. A campaign cannot move
 * between hosts, apps or accounts: it is replaced there (created anew where the settings point, the
 * old one deleted where it lives). "unknown": the settings are not known yet (preview).
 */
export function movedKeys(olds: Partial<CampaignOutputs>, location: CampaignLocation | "unknown" | undefined): string[] {
    if (location === undefined || olds.host === undefined) return [];
    if (location === "unknown") return ["connection"];
    return LOCATION_KEYS.filter((key) => olds[key] !== undefined && olds[key] !== location[key]);
}

export function diffCampaign(
    olds: Partial<CampaignOutputs>,
    news: Partial<CampaignInputs>,
    location?: CampaignLocation | "unknown",
): CampaignDiff {
    const changed = changedDefinitionKeys(news, olds);
    const moved = movedKeys(olds, location);
    const replaces = [...changed, ...moved];
    const oldOptions = providerOptionsOf(olds);
    const newOptions = providerOptionsOf(news);
    const updates = PROVIDER_OPTION_KEYS.filter((key) => !isDeepStrictEqual(newOptions[key], oldOptions[key]));
    refuseAdoptionConflicts(olds, news, replaces);
    const oldLname = olds.lname ?? olds.name?.toLowerCase();
    // Kore.ai keys campaigns by case-insensitive name (the docs' `lname`; the emulator enforces it):
    // a replacement that keeps the name in the same place deletes the old campaign first, or the
    // create would be refused. An unknown name may turn out the same.
    const sameName = news.name === UNKNOWN || news.name === undefined || news.name.toLowerCase() === oldLname;
    const deleteBeforeReplace = replaces.length > 0 && moved.length === 0 && sameName;
    return { changes: replaces.length > 0 || updates.length > 0, replaces, updates, deleteBeforeReplace };
}

/**
 * `adoptExistingId` names the campaign to take over at create. Replacing an adopted campaign would
 * delete it and then try to adopt it again, and pointing it at another campaign would change nothing:
 * both fail at preview with what to do instead.
 */
function refuseAdoptionConflicts(olds: Partial<CampaignOutputs>, news: Partial<CampaignInputs>, replaces: string[]): void {
    const adopt = news.adoptExistingId;
    if (!adopt || adopt === UNKNOWN || !olds.campaignId) return;
    if (adopt !== olds.campaignId)
        throw new KoreSettingsError(
            `adoptExistingId is "${adopt}", but this resource manages campaign ${olds.campaignId}. Adoption happens only when a ` +
                `resource is created: to take over "${adopt}", give it its own resource (or remove this one from the state with ` +
                `\`pulumi state delete\`), and remove adoptExistingId here`,
        );
    if (replaces.length > 0)
        throw new KoreSettingsError(
            `adoptExistingId: campaign ${adopt} was adopted, and the change to ${replaces.join(", ")} would replace it, which deletes ` +
                `it and then tries to adopt it again. Remove adoptExistingId first (that changes nothing), run \`pulumi up\`, then make the change`,
        );
}
