import { ActionIcon, Button, Group, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AmountInput } from '../AmountInput';
import { categoryCode, type Draft } from './schedule-model';

type Category = NonNullable<Draft['ageCategories']>[number];
type Fee = Draft['fees'][number];

/** Age categories and the amount per membership type × category. */
export function FeesEditor({ draft, onChange, typeOptions }: { draft: Draft; onChange: (d: Draft) => void; typeOptions: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const categories = draft.ageCategories ?? [];
  const setCategory = (i: number, c: Partial<Category>) => onChange({ ...draft, ageCategories: categories.map((x, k) => (k === i ? { ...x, ...c } : x)) });
  const setFee = (i: number, f: Partial<Fee>) => onChange({ ...draft, fees: draft.fees.map((x, k) => (k === i ? { ...x, ...f } : x)) });
  const categoryOptions = [{ value: '', label: t('contributions.schedule.allAges') }, ...categories.map((c) => ({ value: c.code, label: c.name }))];
  return (
    <Stack gap="sm">
      <Text fw={600}>{t('contributions.schedule.categories')}</Text>
      {categories.map((c, i) => (
        <Group key={c.code} gap="xs" wrap="nowrap" align="flex-end" data-testid="category-row">
          <TextInput label={i === 0 ? t('contributions.schedule.categoryName') : undefined} aria-label={t('contributions.schedule.categoryName')} value={c.name} onChange={(e) => setCategory(i, { name: e.currentTarget.value })} w={160} />
          <NumberInput label={i === 0 ? t('contributions.schedule.minAge') : undefined} aria-label={t('contributions.schedule.minAge')} placeholder={t('contributions.schedule.minAge')} value={c.minAge ?? ''} min={0} max={150} w={130} onChange={(v) => setCategory(i, { minAge: v === '' ? null : Number(v) })} />
          <NumberInput label={i === 0 ? t('contributions.schedule.maxAge') : undefined} aria-label={t('contributions.schedule.maxAge')} placeholder={t('contributions.schedule.maxAge')} value={c.maxAge ?? ''} min={0} max={150} w={130} onChange={(v) => setCategory(i, { maxAge: v === '' ? null : Number(v) })} />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('common.remove')}
            onClick={() => onChange({ ...draft, ageCategories: categories.filter((_, k) => k !== i), fees: draft.fees.filter((f) => f.ageCategory !== c.code) })}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="xs"
          variant="subtle"
          onClick={() => {
            const name = `${t('contributions.schedule.category')} ${categories.length + 1}`;
            onChange({ ...draft, ageCategories: [...categories, { code: categoryCode(name, categories.map((c) => c.code)), name, minAge: null, maxAge: null }] });
          }}
        >
          {t('contributions.schedule.addCategory')}
        </Button>
      </Group>
      <Text fw={600}>{t('contributions.schedule.fees')}</Text>
      <Table withTableBorder data-testid="fees-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('contributions.schedule.type')}</Table.Th>
            <Table.Th>{t('contributions.schedule.category')}</Table.Th>
            <Table.Th>{t('contributions.schedule.amount')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {draft.fees.map((f, i) => (
            <Table.Tr key={i} data-testid="fee-row">
              <Table.Td>
                <Select aria-label={t('contributions.schedule.type')} data={typeOptions} value={f.membershipType} allowDeselect={false} onChange={(v) => v && setFee(i, { membershipType: v })} />
              </Table.Td>
              <Table.Td>
                <Select aria-label={t('contributions.schedule.category')} data={categoryOptions} value={f.ageCategory ?? ''} allowDeselect={false} onChange={(v) => setFee(i, { ageCategory: v ? v : null })} />
              </Table.Td>
              <Table.Td>
                <AmountInput aria-label={t('contributions.schedule.amount')} value={f.amountCents} onChange={(c) => setFee(i, { amountCents: c ?? 0 })} w={140} data-testid="fee-amount" />
              </Table.Td>
              <Table.Td>
                <ActionIcon variant="subtle" color="red" aria-label={t('common.remove')} onClick={() => onChange({ ...draft, fees: draft.fees.filter((_, k) => k !== i) })}>
                  ×
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button
          size="xs"
          variant="subtle"
          disabled={typeOptions.length === 0}
          onClick={() => onChange({ ...draft, fees: [...draft.fees, { membershipType: typeOptions[0]!.value, ageCategory: null, amountCents: 0 }] })}
        >
          {t('contributions.schedule.addFee')}
        </Button>
      </Group>
    </Stack>
  );
}
