import { MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBuilder } from '../builder-context';
import type { EditorProps } from './editor-props';

/** An active subscription of one of these types on the date. */
export function SubscriptionEditor({ value, onChange }: EditorProps<'subscription'>) {
  const { t } = useTranslation();
  const { lookups } = useBuilder();
  return (
    <MultiSelect
      size="sm"
      data={lookups.subscriptionTypes.map((s) => ({ value: s.code, label: s.name }))}
      value={value.typeCodes}
      onChange={(typeCodes) => onChange({ ...value, typeCodes })}
      aria-label={t('conditions.atom.subscriptionTypes')}
      placeholder={value.typeCodes.length ? undefined : t('conditions.atom.subscriptionTypes')}
    />
  );
}
