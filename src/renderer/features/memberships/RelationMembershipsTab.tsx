import { Divider, Stack } from '@mantine/core';
import { BrokenRulesAlert } from './BrokenRulesAlert';
import { ExceptionsSection } from './ExceptionsSection';
import { ExplainSection } from './ExplainSection';
import { MembershipTimeline } from './MembershipTimeline';
import { SubscriptionsSection } from './SubscriptionsSection';

/** The relation card's "Lidmaatschappen" tab: timeline, subscriptions, exceptions and "Waarom (niet)?". */
export function RelationMembershipsTab({ relationId }: { relationId: string }) {
  return (
    <Stack maw={1200} gap="lg" data-testid="memberships-tab">
      <BrokenRulesAlert />
      <MembershipTimeline relationId={relationId} />
      <Divider />
      <SubscriptionsSection relationId={relationId} />
      <Divider />
      <ExceptionsSection relationId={relationId} />
      <Divider />
      <ExplainSection relationId={relationId} />
    </Stack>
  );
}
