import { Alert, Checkbox, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/contract';

interface Props {
  rows: Output<'relations.findOrganisationByEmail'>['rows'];
  chosen: Set<string>;
  onToggle: (id: string, on: boolean) => void;
}

/** "jan@bakkerij.nl": offer to link the new person to the organisation with that domain. */
export function OrganisationOffer({ rows, chosen, onToggle }: Props) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <Alert color="blue" title={t('relations.new.orgTitle')} data-testid="organisation-offer">
      <Stack gap={4}>
        {rows.map((o) => (
          <Checkbox
            key={o.id}
            label={t('relations.new.orgLink', { name: o.displayName, number: o.number })}
            checked={chosen.has(o.id)}
            onChange={(e) => onToggle(o.id, e.currentTarget.checked)}
          />
        ))}
      </Stack>
    </Alert>
  );
}
