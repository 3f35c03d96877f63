import { QUALIFICATION_QUESTIONS } from '../../../schemas/index.ts';
import { definePlanRule, onPlan } from './context.ts';

type Question = keyof typeof QUALIFICATION_QUESTIONS;

export const notQualified = definePlanRule('not-qualified', {
  messages: {
    /** `yes` is left out when the plan has no qualification at all; `unanswered` are the questions left out. */
    tooFewTrue: ({ strategy, minTrue, yes, unanswered }: { strategy: 'grow' | 'acquire'; minTrue: number; yes?: number; unanswered: Question[] }) => {
      const article = strategy === 'acquire' ? 'An' : 'A';
      const state = yes === undefined ? 'this one answers none' : `this one has ${yes}`;
      const hint = unanswered.length > 0 ? ` Answer ${unanswered.join(', ')} under qualification, or reconsider` : ' Reconsider';
      return `${article} ${strategy} plan needs at least ${minTrue} of the 6 qualification questions answered true; ${state}.${hint} whether the account warrants the effort: retain or retire may fit better.`;
    },
  },
  checkPlan(a, _ctx, { min_true }, say) {
    const strategy = a.plan.strategy;
    if (strategy !== 'grow' && strategy !== 'acquire') return [];
    const answers = a.plan.qualification ?? {};
    const keys = Object.keys(QUALIFICATION_QUESTIONS) as Question[];
    const yes = keys.filter((k) => answers[k] === true).length;
    if (yes >= min_true) return [];
    const unanswered = keys.filter((k) => answers[k] === undefined);
    const path = a.plan.qualification ? ['qualification'] : ['strategy'];
    const data = { strategy, minTrue: min_true, ...(a.plan.qualification && { yes }), unanswered };
    return [onPlan(a, path, say('tooFewTrue', data), a.plan.owner, 'key')];
  },
});
