import { Button, Result } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Translation } from 'react-i18next';

interface State {
  failed: boolean;
}

/** A rendering bug shows a calm, localized page instead of a blank window or a stack trace. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('render failed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <Translation>
        {(t) => (
          <Result
            status="warning"
            title={t('crash.title')}
            subTitle={t('crash.body')}
            extra={
              <Button type="primary" onClick={() => window.location.reload()}>
                {t('crash.reload')}
              </Button>
            }
          />
        )}
      </Translation>
    );
  }
}
