import i18next from 'i18next';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** A change (e.g. the route) clears the error. */
  resetKey?: string;
}

interface State {
  error: Error | null;
  key: string | undefined;
}

/** Keeps the header and footer working when a page throws; offers a retry that re-renders the page. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('page error', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="app-alert app-alert-danger" role="alert">
        <p className="app-alert-title">{i18next.t('common.errorTitle')}</p>
        <p>{i18next.t('common.unexpected')}</p>
        <button
          type="button"
          className="krds-btn secondary small"
          onClick={() => this.setState({ error: null })}
        >
          {i18next.t('common.retry')}
        </button>
      </div>
    );
  }
}
