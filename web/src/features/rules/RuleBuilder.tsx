import type { Condition, ConditionType, Rule } from '@sbiz24/shared/rules/types';
import { useEffect, useId, useState } from 'react';
import { Check } from '../../components/Field';
import { useLang } from '../../i18n/i18n';
import { ConditionFields } from './ConditionFields';
import {
  appendChild,
  asRootGroup,
  CONDITION_TYPES,
  errorPath,
  errorsUnder,
  type Group,
  isGroup,
  moveChild,
  newCondition,
  type RulePath,
  removeChild,
  updateAt,
} from './rule-tree';

interface Ctx {
  root: Group;
  change: (next: Rule, focusId?: string) => void;
  errors: Record<string, string>;
  prefix: string;
  idBase: string;
}

const domId = (ctx: Ctx, path: RulePath) => [ctx.idBase, ...path].join('-');

/**
 * The form-based rule builder: the rule is always a group at the root ("all" or "any"), holding conditions,
 * nested groups and exclusions ("not"). Never raw JSON. `errors` are the API's (or the local check's)
 * field errors keyed by full path (`rule.rules.1.codes`), shown beside the input they concern.
 */
export function RuleBuilder({
  value,
  onChange,
  errors = {},
  prefix = 'rule',
}: {
  value: Rule | undefined;
  onChange: (rule: Rule) => void;
  errors?: Record<string, string>;
  prefix?: string;
}) {
  const idBase = useId().replace(/:/g, '');
  const [focusId, setFocusId] = useState<string | null>(null);
  const root = asRootGroup(value);
  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);
  const ctx: Ctx = {
    root,
    errors,
    prefix,
    idBase,
    change: (next, f) => {
      onChange(next);
      if (f) setFocusId(f);
    },
  };
  return (
    <div className="app-rule-builder">
      <GroupEditor ctx={ctx} path={[]} group={root} depth={0} />
    </div>
  );
}

function GroupEditor({
  ctx,
  path,
  group,
  depth,
  numbering = '',
}: {
  ctx: Ctx;
  path: RulePath;
  group: Group;
  depth: number;
  numbering?: string;
}) {
  const { t } = useLang();
  const [toAdd, setToAdd] = useState<ConditionType>('region');
  const id = domId(ctx, path);
  const errs = errorsUnder(ctx.errors, errorPath(path, ctx.prefix));
  const groupError = errs[''] ?? errs.rules;
  const add = (child: Rule) => {
    const index = group.rules.length;
    ctx.change(appendChild(ctx.root, path, child), `${domId(ctx, [...path, 'rules', index])}-title`);
  };
  return (
    <div className={`app-group depth-${depth}`}>
      <fieldset className="app-group-type">
        <legend className="app-legend">{t('rule.groupType')}</legend>
        <div className="krds-check-area">
          {(['all', 'any'] as const).map((type) => (
            <Check
              key={type}
              id={`${id}-type-${type}`}
              name={`${id}-type`}
              type="radio"
              label={type === 'all' ? t('rule.groupAll') : t('rule.groupAny')}
              checked={group.type === type}
              onChange={() => ctx.change(updateAt(ctx.root, path, (g) => ({ ...(g as Group), type })))}
            />
          ))}
        </div>
      </fieldset>
      {group.rules.length === 0 ? <p className="app-muted app-group-empty">{t('rule.empty')}</p> : null}
      <ol className="app-rule-list">
        {group.rules.map((child, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rule nodes have no identity; inputs follow the tree
          <li key={`${index}-${child.type}`}>
            <ChildEditor
              ctx={ctx}
              groupPath={path}
              index={index}
              count={group.rules.length}
              child={child}
              depth={depth}
              numbering={`${numbering}${index + 1}`}
            />
          </li>
        ))}
      </ol>
      {groupError ? (
        <p className="form-hint-invalid" role="alert">
          {groupError}
        </p>
      ) : null}
      <div className="app-add-bar">
        <div className="app-controls">
          <div className="app-control">
            <label htmlFor={`${id}-add`} className="app-label">
              {t('rule.conditionType')}
            </label>
            <select
              id={`${id}-add`}
              className="krds-form-select"
              value={toAdd}
              onChange={(e) => setToAdd(e.target.value as ConditionType)}
            >
              {CONDITION_TYPES.map((c) => (
                <option key={c} value={c}>
                  {t(`rule.types.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="krds-btn secondary medium"
            onClick={() => add(newCondition(toAdd))}
          >
            {t('rule.addCondition')}
          </button>
        </div>
        {depth < 4 ? (
          <div className="app-buttons app-mt-1">
            <button
              type="button"
              className="krds-btn text small"
              onClick={() => add({ type: 'all', rules: [] })}
            >
              {t('rule.addGroupAll')}
            </button>
            <button
              type="button"
              className="krds-btn text small"
              onClick={() => add({ type: 'any', rules: [] })}
            >
              {t('rule.addGroupAny')}
            </button>
            <button
              type="button"
              className="krds-btn text small"
              onClick={() => add({ type: 'not', rule: { type: 'all', rules: [] } })}
            >
              {t('rule.addNot')}
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** One member of a group: a condition, a nested group or an exclusion, with move and remove buttons. */
function ChildEditor({
  ctx,
  groupPath,
  index,
  count,
  child,
  depth,
  numbering,
}: {
  ctx: Ctx;
  groupPath: RulePath;
  index: number;
  count: number;
  child: Rule;
  depth: number;
  /** "2-1": the second condition's first member. */
  numbering: string;
}) {
  const { t } = useLang();
  const path = [...groupPath, 'rules', index];
  const id = domId(ctx, path);
  const number = t('rule.condition', { n: numbering });
  const title =
    child.type === 'all'
      ? t('rule.groupAll')
      : child.type === 'any'
        ? t('rule.groupAny')
        : child.type === 'not'
          ? t('rule.groupNot')
          : t(`rule.types.${child.type}`);
  const errs = errorsUnder(ctx.errors, errorPath(path, ctx.prefix));
  const move = (delta: -1 | 1) =>
    ctx.change(
      moveChild(ctx.root, groupPath, index, delta),
      `${domId(ctx, [...groupPath, 'rules', index + delta])}-title`,
    );
  return (
    <section
      className={`app-cond${isGroup(child) || child.type === 'not' ? ' is-group' : ''}`}
      aria-labelledby={`${id}-title`}
    >
      <div className="app-cond-head">
        <h3 id={`${id}-title`} tabIndex={-1} className="app-cond-title">
          <span className="app-cond-no">{number}</span> {title}
        </h3>
        <div className="app-cond-tools">
          <button
            type="button"
            className="krds-btn text xsmall"
            disabled={index === 0}
            onClick={() => move(-1)}
            aria-label={`${number} ${t('common.moveUp')}`}
          >
            {t('common.moveUp')}
          </button>
          <button
            type="button"
            className="krds-btn text xsmall"
            disabled={index === count - 1}
            onClick={() => move(1)}
            aria-label={`${number} ${t('common.moveDown')}`}
          >
            {t('common.moveDown')}
          </button>
          <button
            type="button"
            className="krds-btn tertiary xsmall"
            onClick={() =>
              ctx.change(removeChild(ctx.root, groupPath, index), `${domId(ctx, groupPath)}-add`)
            }
            aria-label={`${number} ${t('common.remove')}`}
          >
            {t('common.remove')}
          </button>
        </div>
      </div>
      {isGroup(child) ? (
        <GroupEditor ctx={ctx} path={path} group={child} depth={depth + 1} numbering={`${numbering}-`} />
      ) : child.type === 'not' ? (
        isGroup(child.rule) ? (
          <GroupEditor
            ctx={ctx}
            path={[...path, 'rule']}
            group={child.rule}
            depth={depth + 1}
            numbering={`${numbering}-`}
          />
        ) : child.rule.type === 'not' ? null : (
          <ConditionFields
            id={`${id}-rule`}
            value={child.rule}
            errors={errorsUnder(ctx.errors, errorPath([...path, 'rule'], ctx.prefix))}
            onChange={(c) => ctx.change(updateAt(ctx.root, [...path, 'rule'], () => c))}
          />
        )
      ) : (
        <>
          {errs[''] ? <p className="form-hint-invalid">{errs['']}</p> : null}
          <ConditionFields
            id={id}
            value={child as Condition}
            errors={errs}
            onChange={(c) => ctx.change(updateAt(ctx.root, path, () => c))}
          />
        </>
      )}
    </section>
  );
}
