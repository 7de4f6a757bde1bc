import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zErrorReply, zIdParams } from '../../../common/schemas/common';
import {
  zIntakeReferral,
  zIntakeReferralDecline,
  zIntakeReferralQuery,
} from '../../../common/schemas/tips';
import { callerOf } from '../../http';
import * as referrals from './intake-referrals';

const tags = ['cases'];
const errors = {
  400: zErrorReply,
  401: zErrorReply,
  403: zErrorReply,
  404: zErrorReply,
  409: zErrorReply,
};

/** Intake referrals (转介社工站) waiting at the station; accepted by opening a case with intakeReferralId. */
export const intakeReferralRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  app.get(
    '/api/intake-referrals',
    {
      schema: {
        tags,
        summary: 'Needs referred to the caller’s station (待接案 first); phones masked',
        querystring: zIntakeReferralQuery,
        response: { 200: z.array(zIntakeReferral), ...errors },
      },
    },
    (req) => referrals.listIntakeReferrals({ db, caller: callerOf(req), status: req.query.status }),
  );
  app.post(
    '/api/intake-referrals/:id/decline',
    {
      schema: {
        tags,
        summary: 'Decline a pending referral with a reason',
        params: zIdParams,
        body: zIntakeReferralDecline,
        response: { 200: zIntakeReferral, ...errors },
      },
    },
    (req) =>
      referrals.declineIntakeReferral({
        db,
        caller: callerOf(req),
        id: req.params.id,
        input: req.body,
      }),
  );
  app.post(
    '/api/intake-referrals/:id/phone',
    {
      schema: {
        tags,
        summary: 'The whole phone number, for calling the person back (audited)',
        params: zIdParams,
        response: { 200: z.object({ phone: z.string().nullable() }), ...errors },
      },
    },
    (req) => referrals.revealIntakeReferralPhone({ db, caller: callerOf(req), id: req.params.id }),
  );
};
