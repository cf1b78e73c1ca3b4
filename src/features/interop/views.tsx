/** The page a caseworker gets instead of the file when the platform cannot make a valid message 130401. */
import type { MissingField } from '../../domain/interop/xauslaender/fachkraefte-130401.ts';
import { Alert } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Page } from '../../web/layout.tsx';
import type { SchemaError } from './xsd.ts';

export function ExportRefusedPage(props: {
  ctx: ViewContext;
  journeyUrl: string;
  missing: readonly MissingField[];
  schemaErrors: readonly SchemaError[];
}) {
  const { t } = props.ctx;
  return (
    <Page ctx={props.ctx} title={t.t('interop.xauslaender.refused.title')}>
      <Alert kind="warning" title={t.t('interop.xauslaender.refused.lead')}>
        <ul class="kern-list">
          {props.missing.map((m) => (
            <li key={m}>{t.t(`interop.xauslaender.missing.${m}`)}</li>
          ))}
          {props.schemaErrors.length > 0 ? <li>{t.t('interop.xauslaender.refused.schema')}</li> : null}
        </ul>
      </Alert>
      <p class="kern-body">{t.t('interop.xauslaender.refused.next')}</p>
      <p class="kern-body">
        <a class="kern-link" href={props.journeyUrl}>
          {t.t('interop.xauslaender.refused.back')}
        </a>
      </p>
    </Page>
  );
}
