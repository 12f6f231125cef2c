import { useEffect, useState } from 'react';
import { Alert, Button, Grid, NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../../rpc/client';
import { ContributionsError } from '../ContributionsError';
import { useContributionMutations, useMembershipTypes, useSchedules } from '../useContributions';
import { ScheduleEditor } from './ScheduleEditor';
import { newDraft, type Draft } from './schedule-model';

/** Versions on the left; the chosen (or a new) schedule as a form on the right. Saving adds a version. */
export function ScheduleTab() {
  const { t } = useTranslation();
  const schedules = useSchedules();
  const types = useMembershipTypes();
  const { saveSchedule } = useContributionMutations();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const typeOptions = (types.data?.rows ?? []).map((ty) => ({ value: ty.code, label: ty.name }));
  const rows = schedules.data?.rows ?? [];

  useEffect(() => {
    if (draft || !schedules.data || !types.data) return;
    const newest = rows[0];
    if (newest) void open(newest.periodCode, newest.version, newest.id);
    else setDraft(newDraft(new Date().getFullYear() + 1, typeOptions.map((o) => o.value)));
  }, [schedules.data, types.data]);

  async function open(periodCode: string, version: number, id: string) {
    const s = await call('feeSchedules.get', { periodCode, version });
    setDraft(s.schedule);
    setPicked(id);
    setSaved(null);
  }

  return (
    <Grid data-testid="schedule-tab">
      <Grid.Col span={3}>
        <Stack gap={2}>
          <Text fw={600}>{t('contributions.schedule.versions')}</Text>
          {rows.length === 0 && <Text c="dimmed" size="sm">{t('contributions.schedule.none')}</Text>}
          {rows.map((r) => (
            <NavLink key={r.id} label={t('contributions.schedule.version', { period: r.name ?? r.periodCode, version: r.version })} active={picked === r.id} onClick={() => void open(r.periodCode, r.version, r.id)} data-testid="schedule-version" />
          ))}
          <Button
            variant="light"
            mt="sm"
            onClick={() => {
              const last = rows[0] ? Number(rows[0].periodCode) : NaN;
              setDraft(newDraft(Number.isFinite(last) ? last + 1 : new Date().getFullYear() + 1, typeOptions.map((o) => o.value)));
              setPicked(null);
            }}
          >
            {t('contributions.schedule.newPeriod')}
          </Button>
        </Stack>
      </Grid.Col>
      <Grid.Col span={9}>
        {draft && (
          <Stack>
            <ScheduleEditor draft={draft} onChange={setDraft} typeOptions={typeOptions} />
            <ContributionsError error={saveSchedule.error} />
            {saved !== null && <Alert color="green" data-testid="schedule-saved">{t('contributions.schedule.saved', { version: saved })}</Alert>}
            <Button
              loading={saveSchedule.busy}
              onClick={async () => {
                const r = await saveSchedule.run({ schedule: draft });
                if (r.ok) {
                  setSaved(r.value.version);
                  setPicked(r.value.id);
                }
              }}
              data-testid="schedule-save"
            >
              {t('contributions.schedule.save')}
            </Button>
          </Stack>
        )}
      </Grid.Col>
    </Grid>
  );
}
