import { useState } from 'react';
import { Button, Group, Select, TextInput } from '@mantine/core';
import type { RpcError } from '../../../rpc/client';
import type { MutationResult } from '../../../rpc/useQuery';
import { IoErrorAlert } from './IoErrorAlert';

export interface NamedPresetTexts {
  label: string;
  placeholder: string;
  none: string;
  remove: string;
  saveAs: string;
  saveAsPlaceholder?: string;
  save: string;
}

interface Props<T extends { name: string }> {
  presets: T[];
  reload: () => void;
  /** Saves what is on screen under the name. */
  save: (name: string) => Promise<MutationResult<{ name: string }>>;
  remove: (name: string) => Promise<MutationResult<unknown>>;
  busy: { save: boolean; remove: boolean };
  error: RpcError | null;
  canSave: boolean;
  onLoad: (preset: T) => void;
  texts: NamedPresetTexts;
  testIds: { select: string; name: string; save: string };
  widths: { select: number; name: number };
}

/** Things saved by name (column sets, import mappings): load one, save the current one, delete. */
export function NamedPresetBar<T extends { name: string }>({ presets, reload, save, remove, busy, error, canSave, onLoad, texts, testIds, widths }: Props<T>) {
  const [chosen, setChosen] = useState<string | null>(null);
  const [name, setName] = useState('');

  const load = (value: string | null) => {
    setChosen(value);
    const preset = presets.find((p) => p.name === value);
    if (preset) {
      onLoad(preset);
      setName(preset.name);
    }
  };
  const store = async () => {
    const r = await save(name);
    if (r.ok) {
      reload();
      setChosen(r.value.name);
    }
  };
  const drop = async () => {
    if (!chosen) return;
    const r = await remove(chosen);
    if (r.ok) {
      setChosen(null);
      reload();
    }
  };

  return (
    <>
      <Group align="flex-end" gap="sm">
        <Select
          label={texts.label}
          placeholder={presets.length ? texts.placeholder : texts.none}
          data={presets.map((p) => p.name)}
          value={chosen}
          onChange={load}
          disabled={presets.length === 0}
          w={widths.select}
          data-testid={testIds.select}
        />
        <Button variant="subtle" color="red" onClick={() => void drop()} disabled={!chosen} loading={busy.remove}>
          {texts.remove}
        </Button>
        <TextInput
          label={texts.saveAs}
          placeholder={texts.saveAsPlaceholder}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          w={widths.name}
          data-testid={testIds.name}
        />
        <Button variant="light" onClick={() => void store()} disabled={!name.trim() || !canSave} loading={busy.save} data-testid={testIds.save}>
          {texts.save}
        </Button>
      </Group>
      <IoErrorAlert error={error} />
    </>
  );
}
