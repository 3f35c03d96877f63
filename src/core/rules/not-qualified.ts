import { QUALIFICATION_QUESTIONS } from '../../../schemas/index.ts';
import { onPlan, type Rule } from './context.ts';
import { ruleMeta } from './meta.ts';

export const notQualified: Rule<'not-qualified'> = {
  meta: ruleMeta('not-qualified'),
  check({ ws }, { min_true }) {
    return ws.accounts.flatMap((a) => {
      if (a.plan.strategy !== 'grow' && a.plan.strategy !== 'acquire') return [];
      const answers = a.plan.qualification ?? {};
      const keys = Object.keys(QUALIFICATION_QUESTIONS) as (keyof typeof QUALIFICATION_QUESTIONS)[];
      const yes = keys.filter((k) => answers[k] === true).length;
      if (yes >= min_true) return [];
      const unanswered = keys.filter((k) => answers[k] === undefined);
      const article = a.plan.strategy === 'acquire' ? 'An' : 'A';
      const state = a.plan.qualification ? `this one has ${yes}` : 'this one answers none';
      const hint = unanswered.length > 0 ? ` Answer ${unanswered.join(', ')} under qualification, or reconsider` : ' Reconsider';
      const path = a.plan.qualification ? ['qualification'] : ['strategy'];
      return [onPlan(a, path, `${article} ${a.plan.strategy} plan needs at least ${min_true} of the 6 qualification questions answered true; ${state}.${hint} whether the account warrants the effort: retain or retire may fit better.`, a.plan.owner, 'key')];
    });
  },
};
