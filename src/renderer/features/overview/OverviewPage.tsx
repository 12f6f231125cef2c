import { useState } from 'react';
import { Anchor, Badge, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OverviewFigure, OverviewSection } from '../../../shared/contract';
import { formatAmount } from '../../../shared/dutch/money';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatCount } from '../../lib/format';
import { showDate, todayIsoLocal } from '../../lib/dates';
import { useQuery } from '../../rpc/useQuery';
import { useNavigation } from '../../shell/navigation';
import { useFigureLabel } from './figure-label';
import { MembersChart } from './MembersChart';
import { ReportsCard } from './ReportsCard';

const BIRTHDAY_DAYS = 14;
const JUBILEE_DAYS = 31;
const CARDS: OverviewSection[] = ['types', 'units', 'movement', 'ages', 'birthdays', 'jubilees', 'quality'];

/**
 * The first screen of an open administration: how the association stands on a date. Every
 * number is a link to the list that produced it (the same condition and moment).
 */
export function OverviewPage() {
  const { t, i18n } = useTranslation();
  const { navigate } = useNavigation();
  const [on, setOn] = useState<string>(todayIsoLocal());
  const label = useFigureLabel({ birthdayDays: BIRTHDAY_DAYS, jubileeDays: JUBILEE_DAYS });
  const overview = useQuery('overview.get', { on, birthdayDays: BIRTHDAY_DAYS, jubileeDays: JUBILEE_DAYS }, {
    refreshOn: ['relations.changed', 'memberships.changed', 'groups.changed'],
  });
  const open = (f: OverviewFigure) => navigate({ page: 'list', title: `${label(f)} — ${showDate(on)}`, condition: f.condition, moment: f.moment });
  const data = overview.data;
  const bySection = (s: OverviewSection) => data?.figures.filter((f) => f.section === s) ?? [];

  return (
    <Stack gap="md" data-testid="overview">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('overview.title')}</Title>
        <Group gap="xs" align="flex-end">
          {overview.loading && data && <Loader size="xs" />}
          <DateField label={t('overview.on')} value={on} onChange={(v) => v && setOn(v)} w={160} data-testid="overview-date" />
        </Group>
      </Group>
      <ErrorAlert error={overview.error} />
      {!data && overview.loading && (
        // The first overview after opening builds what later ones reuse: seconds in a large administration, so say so.
        <Group gap="sm" data-testid="overview-computing">
          <Loader size="sm" />
          <Text c="dimmed">{t('overview.computing')}</Text>
        </Group>
      )}
      {data && bySection('types').length === 0 && <Text c="dimmed">{t('overview.empty')}</Text>}
      {data && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          {CARDS.filter((s) => bySection(s).length > 0).map((s) => (
            <Card key={s} withBorder padding="sm" data-testid={`overview-section-${s}`}>
              <Text fw={600} size="sm" mb={4}>
                {t(`overview.section.${s}`)}
              </Text>
              <Table verticalSpacing={2} withRowBorders={false}>
                <Table.Tbody>
                  {bySection(s).map((f) => (
                    <Table.Tr key={f.key}>
                      <Table.Td pl={(f.depth ?? 0) * 12}>
                        <Text size="sm">{label(f)}</Text>
                      </Table.Td>
                      <Table.Td ta="right" w={80}>
                        <Anchor
                          component="button"
                          size="sm"
                          fw={600}
                          c={s === 'quality' && f.count > 0 ? 'orange.8' : undefined}
                          onClick={() => open(f)}
                          data-testid={`figure-${f.key}`}
                          aria-label={`${label(f)}: ${formatCount(f.count, i18n.language)}`}
                        >
                          {formatCount(f.count, i18n.language)}
                        </Anchor>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          ))}
          <Card withBorder padding="sm" data-testid="overview-section-money">
            <Text fw={600} size="sm" mb={4}>
              {t('overview.section.money')}
            </Text>
            <Group justify="space-between">
              <Text size="sm">{t('overview.money.openItems')}</Text>
              <Anchor component="button" size="sm" fw={600} onClick={() => navigate({ page: 'contributions', tab: 'open' })} data-testid="figure-openItems">
                {formatCount(data.money.openItems, i18n.language)}
              </Anchor>
            </Group>
            <Group justify="space-between">
              <Text size="sm">{t('overview.money.openAmount')}</Text>
              <Text size="sm">{formatAmount(data.money.openCents)}</Text>
            </Group>
            <Text size="sm" mt="xs">
              {t('overview.money.lastRun')}
            </Text>
            {data.money.lastRun ? (
              <Anchor component="button" size="sm" onClick={() => navigate({ page: 'contributions', tab: 'runs' })}>
                {t('overview.money.run', {
                  period: data.money.lastRun.periodCode,
                  count: data.money.lastRun.invoiceCount,
                  amount: formatAmount(data.money.lastRun.totalCents),
                })}{' '}
                <Badge size="xs" variant="light">
                  {t(`contributions.run.status.${data.money.lastRun.status}`)}
                </Badge>
              </Anchor>
            ) : (
              <Text size="sm" c="dimmed">
                {t('overview.money.noRun')}
              </Text>
            )}
          </Card>
          <ReportsCard on={on} />
        </SimpleGrid>
      )}
      <MembersChart until={on} />
    </Stack>
  );
}
