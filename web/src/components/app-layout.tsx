import { useIsPhone } from '../use-is-phone';
import { DeskFrame } from './desk-frame';
import { PhoneFrame } from './phone-frame';

export function AppLayout() {
  return useIsPhone() ? <PhoneFrame /> : <DeskFrame />;
}
