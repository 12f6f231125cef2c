import { useState } from 'react';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnitDto, UnitRuleDto } from '../../../shared/contract';
import { showDate } from '../../lib/dates';
import { ChangePreviewModal } from './ChangePreviewModal';
import { InheritedRules } from './InheritedRules';
import { MembershipsError } from './MembershipsError';
import { RuleTimeline } from './RuleTimeline';
import { RuleVersionModal } from './RuleVersionModal';
import { versionsOf } from './rule-versions';
import { useConditionNames, useMembershipTypes } from './useMemberships';
import { usePreviewedChange } from './usePreviewedChange';

type NewVersion = { typeId: string | null; name: string; versions: UnitRuleDto[] } | null;

/** The unit's general rule and its per-type rules, each with its versions over time. */
export function RuleEditor({ unit, rules, on, ancestors }: { unit: UnitDto; rules: UnitRuleDto[]; on: string; ancestors: UnitDto[] }) {
  const { t } = useTranslation();
  const types = useMembershipTypes();
  const names = useConditionNames();
  const pv = usePreviewedChange();
  const [adding, setAdding] = useState<NewVersion>(null);
  const [removing, setRemoving] = useState<UnitRuleDto | null>(null);
  const sections = [
    { typeId: null, name: t('units.rules.general') },
    ...(types.data?.rows ?? []).map((type) => ({ typeId: type.id, name: t('units.rules.forType', { type: type.name }) })),
  ];
  const remove = (v: UnitRuleDto) => {
    setRemoving(v);
    void pv.preview('rules.removeVersion', { id: v.id });
  };

  return (
    <Stack gap="md" data-testid="rule-editor">
      <Text size="sm" c="dimmed">
        {t('units.rules.explain', { name: unit.name })}
      </Text>
      <MembershipsError error={pv.pending ? null : pv.error} />
      <InheritedRules ancestors={ancestors} on={on} names={names} />
      {sections.map((s) => {
        const versions = versionsOf(rules, s.typeId);
        return (
          <RuleTimeline
            key={s.typeId ?? 'general'}
            title={s.name}
            versions={versions}
            on={on}
            names={names}
            onNewVersion={() => setAdding({ typeId: s.typeId, name: s.name, versions })}
            onRemove={remove}
          />
        );
      })}
      {adding && (
        <RuleVersionModal
          unitId={unit.id}
          membershipTypeId={adding.typeId}
          ruleName={adding.name}
          initial={adding.versions[adding.versions.length - 1]?.condition ?? null}
          onClose={() => setAdding(null)}
        />
      )}
      {pv.pending && removing && (
        <ChangePreviewModal
          changes={pv.pending}
          busy={pv.busy}
          error={pv.error}
          message={t('units.rules.removeMessage', { date: showDate(removing.validFrom) || t('units.rules.always') })}
          saveLabel={t('units.rules.removeVersion')}
          danger
          onSave={() => void pv.save()}
          onCancel={pv.cancel}
        />
      )}
    </Stack>
  );
}
