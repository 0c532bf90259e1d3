import { Component, Fragment, type ReactNode } from 'react';
import { retryFailedLoads } from '../lazy/lazyWithRetry';

interface SectionBoundaryProps {
  /** What the section is called on the page, for the message. */
  readonly title: string;
  readonly children: ReactNode;
}

interface SectionBoundaryState {
  readonly error: Error | null;
  /** Bumped by "Try again": the section is mounted afresh under a new key. */
  readonly attempt: number;
}

/**
 * Keeps a fault inside one section: the section shows what went wrong and a "Try again" that
 * mounts it afresh (loading again any chunk that failed to arrive), and the rest of the page keeps
 * working. React reports the error itself.
 */
export class SectionBoundary extends Component<SectionBoundaryProps, SectionBoundaryState> {
  override state: SectionBoundaryState = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<SectionBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  private readonly retry = () => {
    // A chunk that failed to arrive is fetched again, not its old error shown again.
    retryFailedLoads();
    this.setState((state) => ({ error: null, attempt: state.attempt + 1 }));
  };

  override render() {
    const { error, attempt } = this.state;
    if (error === null) return <Fragment key={attempt}>{this.props.children}</Fragment>;
    return (
      <div className="section-fault" role="alert">
        <p>
          “{this.props.title}” stopped working ({error.message}). The rest of the page still works.
        </p>
        <button type="button" onClick={this.retry}>
          Try again
        </button>
      </div>
    );
  }
}
