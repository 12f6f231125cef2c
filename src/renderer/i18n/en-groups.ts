import type { Shape } from './shape';
import type { nlGroups } from './nl-groups';

export const enGroups: Shape<typeof nlGroups> = {};
