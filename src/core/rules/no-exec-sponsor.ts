import { describePlan, isActive, needsFullPicture, onPlan, type Rule } from './context.ts';
import { ruleMeta } from './meta.ts';

export const noExecSponsor: Rule<'no-exec-sponsor'> = {
  meta: ruleMeta('no-exec-sponsor'),
  check({ ws }) {
    return ws.accounts.flatMap((a) => {
      if (!needsFullPicture(a) || !isActive(a) || a.plan.exec_sponsor !== undefined) return [];
      return [onPlan(a, ['exec_sponsor'], `This ${describePlan(a)} has no executive sponsor on our side. Ask an executive to sponsor the account and add "exec_sponsor:" with their id in team.yaml.`, a.plan.owner)];
    });
  },
};
