import { useState } from 'react';
import { Button, Group, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUnsavedChanges } from '../../shell/navigation';
import type { Condition, EvaluationMoment, GroupDto } from '../../../shared/contract';
import { todayIsoLocal } from '../../lib/dates';
import { ConditionBuilder } from '../conditions/ConditionBuilder';
import { ConditionPreview } from '../conditions/ConditionPreview';
import { MomentInput } from '../conditions/MomentInput';
import { FeatureErrorAlert } from '../conditions/FeatureErrorAlert';
import { isComplete } from '../conditions/condition-model';
import { useGroupMutations } from './useGroups';

/** Static (hand-picked only) or smart: members follow from conditions, plus hand additions and exclusions. */
export function GroupRuleEditor({ group }: { group: GroupDto }) {
  const { t } = useTranslation();
  const { update } = useGroupMutations();
  const [smart, setSmart] = useState(group.condition !== null);
  const [draft, setDraft] = useState<Condition | null>(group.condition);
  const [moment, setMoment] = useState<EvaluationMoment>({ on: todayIsoLocal() });
  const [saved, setSaved] = useState(false);
  const next = smart ? draft : null;
  const dirty = JSON.stringify(next) !== JSON.stringify(group.condition);
  useUnsavedChanges(dirty);
  const canSave = dirty && (next === null || isComplete(next));

  const save = async () => {
    const r = await update.run({
      id: group.id,
      group: { name: group.name, type: group.type, parentId: group.parentId, description: group.description, condition: next },
    });
    setSaved(r.ok);
  };

  return (
    <Stack gap="sm" data-testid="group-rule">
      <Switch
        checked={smart}
        onChange={(e) => {
          setSmart(e.currentTarget.checked);
          setSaved(false);
        }}
        label={t('groups.rule.smart')}
        description={t(group.type === 'mailing_list' ? 'groups.rule.mailingListHint' : 'groups.rule.smartHint')}
        data-testid="group-smart"
      />
      {smart && (
        <ConditionBuilder
          value={draft}
          onChange={(c) => {
            setDraft(c);
            setSaved(false);
          }}
          selfRef={{ kind: 'group', id: group.id }}
        />
      )}
      <Group gap="xs">
        <Button onClick={() => void save()} disabled={!canSave} loading={update.busy} data-testid="save-rule">
          {t('common.save')}
        </Button>
        {saved && !dirty && (
          <Text size="sm" c="teal">
            {t('common.saved')}
          </Text>
        )}
        {!smart && <Text size="sm" c="dimmed">{t('groups.rule.staticHint')}</Text>}
      </Group>
      <FeatureErrorAlert error={update.error} />
      {smart && (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('groups.rule.previewHint')}
          </Text>
          <MomentInput value={moment} onChange={setMoment} />
          <ConditionPreview condition={draft} moment={moment} />
        </Stack>
      )}
    </Stack>
  );
}
