import type { FastifyInstance, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import type { AppDeps } from '../../app-deps.ts';
import { isSixState } from '../../domain/recognition/portability.ts';
import { normaliseCode } from '../../domain/recognition/record.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import { negotiateLocale } from '../../platform/i18n/index.ts';
import { definePage } from '../../web/page.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { REGISTRY_PATHS } from './paths.ts';
import type { RecordsService } from './records.ts';
import type { RegisterService } from './register.ts';
import type { SigningKey } from './signing.ts';
import type { RegistrySnapshotSource } from './snapshot.ts';
import { VerifyPage } from './views-verify.tsx';

export const SIGNING_KEY_PATH = '/.well-known/chancenregion-signing-key';

const VERIFY_POLICY = {
  public: 'anyone holding the verification code may check the record (like a paper notice)',
};
const RATE_LIMIT = { max: 60, timeWindow: '1 minute' };

function codeParam(req: FastifyRequest): string {
  const raw = (req.params as { code?: string }).code ?? '';
  const code = normaliseCode(raw);
  if (!code) {
    throw new AppError('validation-failed', {
      errors: [
        { field: 'params.code', rule: 'format', message: 'must be a verification code XXXX-XXXX-XXXX-XXXX' },
      ],
    });
  }
  return code;
}

function origin(deps: AppDeps, req: FastifyRequest): string {
  return deps.config.PUBLIC_URL ? new URL(deps.config.PUBLIC_URL).origin : `${req.protocol}://${req.host}`;
}

/** Public side of the recognition record: the key, the record by code, its QR code and the verification page. */
export function registerRecognitionRecords(
  app: FastifyInstance,
  deps: AppDeps,
  services: {
    records: RecordsService;
    register: RegisterService;
    snapshot: RegistrySnapshotSource;
    key: () => SigningKey;
  },
) {
  const { records, register, snapshot, key } = services;

  app.get(
    SIGNING_KEY_PATH,
    { config: { policy: { public: 'the public key that checks signed records' } } },
    async () => {
      const k = key();
      return {
        algorithm: 'Ed25519',
        keyId: k.keyId,
        publicKeyPem: k.publicKeyPem,
        keys: [k.publicJwk],
        signedText: 'the canonical JSON of the record (keys sorted), UTF-8; signature base64url',
      };
    },
  );

  app.get(
    '/api/v1/recognition/records/:code',
    { config: { policy: VERIFY_POLICY, rateLimit: RATE_LIMIT } },
    async (req) => {
      const found = await records.find(codeParam(req));
      if (!found) {
        throw new AppError('not-found', {
          errors: [
            { field: 'params.code', rule: 'exists', message: 'no record with this verification code' },
          ],
        });
      }
      return {
        code: found.payload.code,
        status: found.status,
        withdrawnAt: found.row.withdrawnAt,
        signatureValid: found.signatureValid,
        record: found.payload,
        signedText: found.row.signedText,
        signature: found.row.signature,
        keyId: found.row.keyId,
        publicKey: SIGNING_KEY_PATH,
      };
    },
  );

  app.get(
    '/api/v1/recognition/records/:code/qr.svg',
    { config: { policy: VERIFY_POLICY, rateLimit: RATE_LIMIT } },
    async (req, reply) => {
      const code = codeParam(req);
      const svg = await QRCode.toString(`${origin(deps, req)}/verify/${code}`, {
        type: 'svg',
        errorCorrectionLevel: 'M',
        margin: 2,
      });
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=86400')
        .send(svg);
    },
  );

  app.get('/verify/:code', { config: { policy: VERIFY_POLICY } }, async (req, reply) => {
    const locale = negotiateLocale(req.headers['accept-language']);
    return reply.redirect(localizedUrl(REGISTRY_PATHS.verify, locale, { code: codeParam(req) }), 302);
  });

  definePage(app, deps.web, {
    paths: REGISTRY_PATHS.verify,
    policy: VERIFY_POLICY,
    rateLimit: RATE_LIMIT,
    handler: async (req, _reply, ctx) => {
      const raw = (req.params as { code?: string }).code ?? '';
      const code = normaliseCode(raw);
      const s = await snapshot.snapshot();
      const states = [...s.states.values()];
      const viewerRaw = (req.query as Record<string, unknown>).state;
      const errors: FieldError[] = [];
      const viewerState = typeof viewerRaw === 'string' && isSixState(viewerRaw) ? viewerRaw : '';
      if (viewerRaw !== undefined && viewerRaw !== '' && viewerState === '') {
        errors.push({ field: 'state', rule: 'enum', message: ctx.t.t('registry.error.state') });
      }
      const common = {
        ctx,
        states,
        viewerState,
        qrUrl: `/api/v1/recognition/records/${code ?? ''}/qr.svg`,
        keyUrl: SIGNING_KEY_PATH,
      };
      if (!code) {
        const error = { field: 'code', rule: 'format', message: ctx.t.t('registry.error.code') };
        return {
          status: 400,
          view: <VerifyPage {...common} code={raw} record={null} scope={[]} errors={[error]} />,
        };
      }
      const record = await records.find(code);
      if (!record) {
        return {
          status: 404,
          view: <VerifyPage {...common} code={code} record={null} scope={[]} errors={[]} />,
        };
      }
      const scope = await register.answersFrom(record.payload.profession.key, record.payload.issuingState);
      const view = <VerifyPage {...common} code={code} record={record} scope={scope} errors={errors} />;
      return errors.length > 0 ? { status: 400, view } : view;
    },
  });
}
