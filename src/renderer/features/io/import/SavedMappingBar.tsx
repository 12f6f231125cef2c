import { useState } from 'react';
import { Button, Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportOptions, SavedMappingDto } from '../../../../shared/contract/io';
import { IoErrorAlert } from '../common/IoErrorAlert';
import { useMappingMutations, useSavedMappings } from '../common/useIo';
import { savableOptions } from './import-model';

interface Props {
  headers: string[];
  targets: (string | null)[];
  options: ImportOptions;
  onLoad: (saved: SavedMappingDto) => void;
}

/** Load a mapping saved earlier (matched on column headers), or save this one by name. */
export function SavedMappingBar({ headers, targets, options, onLoad }: Props) {
  const { t } = useTranslation();
  const mappings = useSavedMappings();
  const { save, remove } = useMappingMutations();
  const [chosen, setChosen] = useState<string | null>(null);
  const [name, setName] = useState('');
  const rows = mappings.data?.rows ?? [];

  const load = (value: string | null) => {
    setChosen(value);
    const saved = rows.find((m) => m.name === value);
    if (saved) {
      onLoad(saved);
      setName(saved.name);
    }
  };
  const store = async () => {
    const columns = headers.map((header, i) => ({ header, target: targets[i] ?? null }));
    const r = await save.run({ name, columns, options: savableOptions(options) });
    if (r.ok) {
      mappings.reload();
      setChosen(r.value.name);
    }
  };
  const drop = async () => {
    if (!chosen) return;
    const r = await remove.run({ name: chosen });
    if (r.ok) {
      setChosen(null);
      mappings.reload();
    }
  };

  return (
    <>
      <Group align="flex-end" gap="sm">
        <Select
          label={t('io.mapping.saved')}
          placeholder={rows.length ? t('io.mapping.savedPlaceholder') : t('io.mapping.savedNone')}
          data={rows.map((m) => m.name)}
          value={chosen}
          onChange={load}
          disabled={rows.length === 0}
          w={300}
          data-testid="mapping-saved"
        />
        <Button variant="subtle" color="red" onClick={() => void drop()} disabled={!chosen} loading={remove.busy}>
          {t('io.mapping.deleteSaved')}
        </Button>
        <TextInput
          label={t('io.mapping.saveAs')}
          placeholder={t('io.mapping.saveAsPlaceholder')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          w={240}
          data-testid="mapping-name"
        />
        <Button variant="light" onClick={() => void store()} disabled={!name.trim()} loading={save.busy} data-testid="mapping-save">
          {t('io.mapping.save')}
        </Button>
      </Group>
      <IoErrorAlert error={save.error ?? remove.error} />
    </>
  );
}
