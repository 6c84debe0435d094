import { useLang } from '../../i18n/i18n';

/** The chosen items as chips, each with a remove button that says what it removes. */
export function Chips({
  label,
  items,
  onRemove,
}: {
  label: string;
  items: { key: string; label: string }[];
  onRemove: (key: string) => void;
}) {
  const { t } = useLang();
  return (
    <div className="app-chips-wrap">
      <p className="app-chips-label">{label}</p>
      {items.length === 0 ? (
        <p className="app-muted">{t('rule.noneSelected')}</p>
      ) : (
        <ul className="app-chips" aria-label={label}>
          {items.map((i) => (
            <li key={i.key} className="app-chip">
              {i.label}
              <button
                type="button"
                onClick={() => onRemove(i.key)}
                aria-label={t('rule.removeItem', { name: i.label })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
