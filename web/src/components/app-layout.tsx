import { ScrollRestoration } from 'react-router';
import { useIsPhone } from '../use-is-phone';
import { DeskFrame } from './desk-frame';
import { PhoneFrame } from './phone-frame';

export function AppLayout() {
  return (
    <>
      {useIsPhone() ? <PhoneFrame /> : <DeskFrame />}
      {/* A page opened from a long one (a case after its record form) starts at its top. */}
      <ScrollRestoration />
    </>
  );
}
