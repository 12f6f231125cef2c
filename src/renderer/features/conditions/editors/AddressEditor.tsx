import { Group, MultiSelect, Select, Stack, TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Condition } from '../../../../shared/contract';
import { PROVINCE_OPTIONS } from '../provinces';
import { PostcodeRangesInput } from './PostcodeRangesInput';
import type { EditorProps } from './editor-props';

type Address = Extract<Condition, { type: 'address' }>;
type AddressTypeChoice = 'any' | 'home' | 'postal' | 'business';

/** Empty lists become "not set", so a cleared field does not demand an empty match. */
function listOrUndefined<T>(list: T[]): T[] | undefined {
  return list.length ? list : undefined;
}

/**
 * An address atom. Rows made in this builder test one field (province, municipality, city,
 * postcode or country); an atom made elsewhere with several fields shows all of them.
 */
export function AddressEditor({ value, onChange }: EditorProps<'address'>) {
  const { t } = useTranslation();
  const set = (patch: Partial<Address>) => onChange({ ...value, ...patch });
  const typeChoice: AddressTypeChoice = value.addressTypes?.length === 1 ? (value.addressTypes[0] ?? 'any') : 'any';
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
        {value.provinces !== undefined && (
          <MultiSelect
            size="sm"
            data={PROVINCE_OPTIONS}
            value={value.provinces}
            onChange={(v) => set({ provinces: v })}
            aria-label={t('conditions.atom.provinces')}
            placeholder={value.provinces.length ? undefined : t('conditions.atom.provinces')}
            searchable
            data-testid="atom-provinces"
          />
        )}
        {value.municipalities !== undefined && (
          <TagsInput
            size="sm"
            value={value.municipalities}
            onChange={(v) => set({ municipalities: v })}
            aria-label={t('conditions.atom.municipalities')}
            placeholder={t('conditions.atom.namesPlaceholder')}
            data-testid="atom-municipalities"
          />
        )}
        {value.cities !== undefined && (
          <TagsInput
            size="sm"
            value={value.cities}
            onChange={(v) => set({ cities: v })}
            aria-label={t('conditions.atom.cities')}
            placeholder={t('conditions.atom.namesPlaceholder')}
            data-testid="atom-cities"
          />
        )}
        {value.postcodeRanges !== undefined && <PostcodeRangesInput value={value.postcodeRanges} onChange={(r) => set({ postcodeRanges: r })} />}
        {value.countries !== undefined && (
          <TagsInput
            size="sm"
            value={value.countries}
            onChange={(v) => set({ countries: v.map((c) => c.trim().toUpperCase()) })}
            aria-label={t('conditions.atom.countries')}
            placeholder={t('conditions.atom.countriesPlaceholder')}
          />
        )}
      </Stack>
      <Select
        size="sm"
        w={200}
        miw={200}
        allowDeselect={false}
        value={typeChoice}
        onChange={(v) => set({ addressTypes: !v || v === 'any' ? undefined : listOrUndefined([v as Exclude<AddressTypeChoice, 'any'>]) })}
        data={(['any', 'home', 'postal', 'business'] as const).map((k) => ({ value: k, label: t(`conditions.atom.addressType.${k}`) }))}
        aria-label={t('conditions.atom.addressTypeLabel')}
      />
    </Group>
  );
}
