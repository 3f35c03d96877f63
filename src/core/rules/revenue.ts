import { QUALIFICATION_QUESTIONS } from '../../../schemas/index.ts';
import { formatMoney, formatPercent } from '../money.ts';
import { ownValue } from '../own.ts';
import { isQuarter, yearOf } from '../periods.ts';
import { onPlan, type Draft, type Rule } from './context.ts';

/** The rules about money and selection: which accounts deserve which plan, and whether the targets make sense. */

export const stretchBelowPlan: Rule<'stretch-below-plan'> = {
  id: 'stretch-below-plan',
  check({ ws }, { min_ratio }) {
    return ws.accounts.flatMap((a) => {
      const currency = a.plan.currency ?? ws.settings.currency;
      return a.plan.stretch.flatMap((s, i) => {
        // Amounts as written: stretch and forecast share the plan's currency.
        const inPeriod = a.plan.forecast.filter((f) => (isQuarter(s.period) ? f.period === s.period : yearOf(f.period) === s.period));
        const forecast = inPeriod.reduce((sum, f) => sum + f.revenue, 0);
        if (forecast === 0 || s.revenue > forecast * min_ratio) return [];
        const bar = min_ratio === 1 ? `the forecast of ${formatMoney(forecast, currency)}` : `${min_ratio} × the forecast of ${formatMoney(forecast, currency)}`;
        return [onPlan(a, ['stretch', i, 'revenue'], `The ${s.period} stretch target of ${formatMoney(s.revenue, currency)} is not above ${bar}. A stretch target is what the account could bring if the bold moves work: raise it, or remove it.`, a.plan.owner)];
      });
    });
  },
};

export const notQualified: Rule<'not-qualified'> = {
  id: 'not-qualified',
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

export const tierMismatch: Rule<'tier-mismatch'> = {
  id: 'tier-mismatch',
  check({ ws, tiers, revenue }) {
    return ws.accounts.flatMap((a): Draft[] => {
      const declared = a.plan.tier;
      const computed = tiers.get(a.id);
      // A target's tier states its potential: there is no revenue to compare it with.
      if (declared === undefined || computed === undefined || a.plan.status === 'target' || declared === computed) return [];
      const sales = revenue.byAccount.get(a.id)?.lastYear ?? 0;
      const basis = ws.settings.tiers ? 'the tier thresholds in workspace.yaml' : 'its rank among all accounts';
      return [onPlan(a, ['tier'], `The plan says tier ${declared}, but ${revenue.lastYear} sales of ${formatMoney(sales, ws.settings.currency)} make it tier ${computed} by ${basis}. Change the tier to ${computed}, or record the missing history if the figure is wrong.`, a.plan.owner)];
    });
  },
};

export const topAccountWithoutPlan: Rule<'top-account-without-plan'> = {
  id: 'top-account-without-plan',
  check({ ws, revenue }, { share, dimension }) {
    const split = Object.hasOwn(ws.settings.dimensions, dimension);
    const groups = new Map<string, string[]>();
    for (const a of ws.accounts) {
      if ((revenue.byAccount.get(a.id)?.lastYear ?? 0) <= 0) continue;
      const key = split ? (ownValue(a.plan.dimensions, dimension) ?? '') : '';
      groups.set(key, [...(groups.get(key) ?? []), a.id]);
    }
    const sales = (id: string) => revenue.byAccount.get(id)?.lastYear ?? 0;
    const out: Draft[] = [];
    for (const [group, ids] of groups) {
      ids.sort((x, y) => sales(y) - sales(x) || x.localeCompare(y));
      const top = ids.slice(0, Math.ceil(ids.length * share));
      top.forEach((id, i) => {
        const a = ws.accountById.get(id)!;
        const missing = [!a.plan.strategic && 'is not strategic', a.plan.forecast.length === 0 && 'has no forecast'].filter(Boolean);
        if (missing.length === 0) return;
        const where = split && group ? `${dimension} ${group}` : 'all accounts';
        const fix = [!a.plan.strategic && 'set "strategic: true"', a.plan.forecast.length === 0 && 'add a forecast'].filter(Boolean).join(' and ');
        out.push(onPlan(a, a.plan.strategic ? ['forecast'] : ['strategic'], `${a.plan.name} is #${i + 1} of ${ids.length} in ${where} by ${revenue.lastYear} sales (${formatMoney(sales(id), ws.settings.currency)}, top ${formatPercent(share)}), but the plan ${missing.join(' and ')}. The top accounts carry most of the revenue: ${fix}.`, a.plan.owner, 'key'));
      });
    }
    return out;
  },
};
