/** Dutch texts of the groups feature (owned by that feature; en-groups.ts must have the same keys). */
export const nlGroups = {};
