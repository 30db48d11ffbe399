import { notifications } from '@mantine/notifications';

/**
 * Notifications with Swedish, accessible close buttons. Errors stay until
 * closed (a busy reader must not miss them); successes fade after a while.
 */
export function notifySuccess(title: string, message: string): void {
  notifications.show({ color: 'green', title, message, autoClose: 6000, closeButtonProps: { 'aria-label': 'Stäng meddelandet' } });
}

export function notifyError(title: string, message: string): void {
  notifications.show({ color: 'red', title, message, autoClose: false, closeButtonProps: { 'aria-label': 'Stäng meddelandet' } });
}
