import { Component, type ReactNode } from 'react';

/** Shows `reserv` instead of children that failed to render or to load (a chart, or a page's code after a new release). */
export class Felgrans extends Component<{ reserv: ReactNode; children: ReactNode }, { fel: boolean }> {
  override state = { fel: false };

  static getDerivedStateFromError(): { fel: boolean } {
    return { fel: true };
  }

  override render() {
    return this.state.fel ? this.props.reserv : this.props.children;
  }
}
