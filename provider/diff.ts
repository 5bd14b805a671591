// Diff between the normalised inputs (`check`'s result) and the stored outputs. Pure.
import { isDeepStrictEqual } from "node:util";
import { DEFINITION_KEYS, PROVIDER_OPTION_KEYS, normaliseDefinition, providerOptionsOf } from "./mapping";
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

export function diffCampaign(olds: Partial<CampaignOutputs>, news: Partial<CampaignInputs>): CampaignDiff {
    const replaces = changedDefinitionKeys(news, olds);
    const oldOptions = providerOptionsOf(olds);
    const newOptions = providerOptionsOf(news);
    const updates = PROVIDER_OPTION_KEYS.filter((key) => !isDeepStrictEqual(newOptions[key], oldOptions[key]));
    const oldLname = olds.lname ?? olds.name?.toLowerCase();
    // Kore.ai keys campaigns by case-insensitive name: a replacement that keeps the name must delete
    // the old campaign first, or the create is refused. An unknown name may turn out the same.
    const deleteBeforeReplace =
        replaces.length > 0 && (news.name === UNKNOWN || news.name === undefined || news.name.toLowerCase() === oldLname);
    return { changes: replaces.length > 0 || updates.length > 0, replaces, updates, deleteBeforeReplace };
}
