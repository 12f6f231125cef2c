import type { Shape } from './shape';
import type { nlMemberships } from './nl-memberships';

export const enMemberships: Shape<typeof nlMemberships> = {};
