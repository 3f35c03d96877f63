import { definePlanRule, describePlan, isActive, needsFullPicture, onPlan } from './context.ts';

export const noExecSponsor = definePlanRule('no-exec-sponsor', {
  messages: {
    noSponsor: ({ plan }: { plan: string }) =>
      `This ${plan} has no executive sponsor on our side. Ask an executive to sponsor the account and add "exec_sponsor:" with their id in team.yaml.`,
  },
  checkPlan(a, _ctx, _thresholds, say) {
    if (!needsFullPicture(a) || !isActive(a) || a.plan.exec_sponsor !== undefined) return [];
    return [onPlan(a, ['exec_sponsor'], say('noSponsor', { plan: describePlan(a) }), a.plan.owner)];
  },
});
