import { useMutation } from '../../rpc/useQuery';

/*
 * Settings writes announce no event of their own (only relation writes do), so each
 * screen reloads its list after a successful write.
 */
export function useRelationTypeMutations() {
  return {
    create: useMutation('relationTypes.create'),
    update: useMutation('relationTypes.update'),
    remove: useMutation('relationTypes.delete'),
  };
}

export function useTagMutations() {
  return { create: useMutation('tags.create'), update: useMutation('tags.update'), remove: useMutation('tags.delete') };
}

export function useCustomFieldMutations() {
  return { create: useMutation('customFields.create'), remove: useMutation('customFields.delete') };
}
