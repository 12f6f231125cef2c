/** Dutch texts of the memberships feature (owned by that feature; en-memberships.ts must have the same keys). */
export const nlMemberships = {};
