/** Words of the screens' routing: "Page not found" (OtherRoutes.tsx). */
import { messages } from '../../i18n/index.ts';

export const en = {
  notFound: 'Page not found',
  checkAddress: 'If you typed the web address, check it is correct.',
  capture: 'Capture an idea',
};

export const t = messages('ui/screens/routes', en);
