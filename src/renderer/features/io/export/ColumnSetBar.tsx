import { useState } from 'react';
import { Button, Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IoErrorAlert } from '../common/IoErrorAlert';
import { useColumnSetMutations, useColumnSets } from '../common/useIo';

interface Props {
  columns: string[];
  onLoad: (columns: string[]) => void;
}

/** Column sets by name ("Adreslijst", "Ledenlijst bestuur"): load, save the current columns, delete. */
export function ColumnSetBar({ columns, onLoad }: Props) {
  const { t } = useTranslation();
  const sets = useColumnSets();
  const { save, remove } = useColumnSetMutations();
  const [chosen, setChosen] = useState<string | null>(null);
  const [name, setName] = useState('');
  const rows = sets.data?.rows ?? [];

  const load = (value: string | null) => {
    setChosen(value);
    const set = rows.find((s) => s.name === value);
    if (set) {
      onLoad(set.columns);
      setName(set.name);
    }
  };
  const store = async () => {
    const r = await save.run({ name, columns });
    if (r.ok) {
      sets.reload();
      setChosen(r.value.name);
    }
  };
  const drop = async () => {
    if (!chosen) return;
    const r = await remove.run({ name: chosen });
    if (r.ok) {
      setChosen(null);
      sets.reload();
    }
  };

  return (
    <>
      <Group align="flex-end" gap="sm">
        <Select
          label={t('io.export.sets')}
          placeholder={rows.length ? t('io.export.setsPlaceholder') : t('io.export.setsNone')}
          data={rows.map((s) => s.name)}
          value={chosen}
          onChange={load}
          disabled={rows.length === 0}
          w={240}
          data-testid="column-set"
        />
        <Button variant="subtle" color="red" onClick={() => void drop()} disabled={!chosen} loading={remove.busy}>
          {t('io.export.deleteSet')}
        </Button>
        <TextInput label={t('io.export.saveSetAs')} value={name} onChange={(e) => setName(e.currentTarget.value)} w={220} data-testid="column-set-name" />
        <Button variant="light" onClick={() => void store()} disabled={!name.trim() || columns.length === 0} loading={save.busy} data-testid="column-set-save">
          {t('io.export.saveSet')}
        </Button>
      </Group>
      <IoErrorAlert error={save.error ?? remove.error} />
    </>
  );
}
