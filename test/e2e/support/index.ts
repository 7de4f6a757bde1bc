/** What the browser journeys share: Chromium and the demo server, log-in, the API, screenshots. */
export { demoPassword, DESK, label, PHONE, shooter, shots } from './browser';
export { journey, logInHere, signIn } from './journey';
export { apiAs, findUnit, orgTree, type Api, type OrgNode } from './api';
