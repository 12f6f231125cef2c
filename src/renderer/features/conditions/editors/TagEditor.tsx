import { Checkbox, Group, MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TagDto } from '../../../../shared/contract';
import { useBuilder } from '../builder-context';
import type { EditorProps } from './editor-props';

/** "Europa › Oost-Europa › Hongarije": the tree path makes equal names distinguishable. */
function pathOf(tag: TagDto, byId: Map<string, TagDto>): string {
  const names = [tag.name];
  let parent = tag.parentId ? byId.get(tag.parentId) : undefined;
  for (let guard = 0; parent && guard < 20; guard++) {
    names.unshift(parent.name);
    parent = parent.parentId ? byId.get(parent.parentId) : undefined;
  }
  return names.join(' › ');
}

export function TagEditor({ value, onChange }: EditorProps<'tag'>) {
  const { t } = useTranslation();
  const { lookups } = useBuilder();
  const byId = new Map(lookups.tags.map((tag) => [tag.id, tag]));
  const data = lookups.tags.map((tag) => ({ value: tag.id, label: pathOf(tag, byId) })).sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  return (
    <Group gap="xs" wrap="nowrap">
      <MultiSelect
        size="sm"
        style={{ flex: 1, minWidth: 0 }}
        data={data}
        value={value.tagIds}
        onChange={(tagIds) => onChange({ ...value, tagIds })}
        searchable
        aria-label={t('conditions.atom.tags')}
        placeholder={value.tagIds.length ? undefined : t('conditions.atom.tags')}
        data-testid="atom-tags"
      />
      <Checkbox
        size="xs"
        label={t('conditions.atom.includeDescendants')}
        checked={value.includeDescendants}
        onChange={(e) => onChange({ ...value, includeDescendants: e.currentTarget.checked })}
      />
    </Group>
  );
}
