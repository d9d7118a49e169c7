/**
 * A portal behind an internal CA, in browser mode: the trust prompt shows the chain the portal
 * presents, and the user trusts its CA (or only the portal's certificate) to reach the groups.
 */
import { X509Certificate } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { startWebMode, type WebMode } from './support/web-mode';
import { startPortalProcess, type PortalProcess } from './support/portal-process';
import { expectNoSecretsOnDisk } from './support/secret-scan';
import { makeIntermediateCa, makePortalCert, makeRootCa, served } from '../support/test-certificates';

const running: { stop(): Promise<void> }[] = [];
test.afterEach(async () => {
  for (const one of running.splice(0).reverse()) await one.stop();
});

async function start(tls: { key: string; cert: string }): Promise<{ web: WebMode; portal: PortalProcess }> {
  const portal = await startPortalProcess(tls);
  running.push(portal);
  // The webhook stays in memory: these runs need no OS keychain.
  const web = await startWebMode(['--secrets', 'memory']);
  running.push(web);
  return { web, portal };
}

async function connectByWebhook(page: Page, portal: PortalProcess, labels: { webhook: string; address: string; url: string; connect: string }) {
  await page.getByLabel(labels.webhook, { exact: true }).check();
  await page.getByLabel(labels.address).fill(portal.portalUrl);
  await page.getByLabel(labels.url).fill(portal.webhookUrl);
  await page.getByRole('button', { name: labels.connect, exact: true }).click();
}

const fingerprint = (pem: string) => new X509Certificate(pem).fingerprint256;

test('Russian: the prompt shows the portal certificate and its CA; trusting the CA leads on to the groups', async ({ page }) => {
  const root = await makeRootCa('Корпоративный УЦ');
  const leaf = await makePortalCert(root);
  const { web, portal } = await start(served(leaf, root));
  await page.goto(web.url);
  await connectByWebhook(page, portal, { webhook: 'Входящий вебхук', address: 'Адрес портала', url: 'Адрес вебхука', connect: 'Подключиться' });

  const prompt = page.getByRole('alert').filter({ hasText: 'Портал предъявил сертификат' });
  await expect(prompt).toContainText('выдан центром сертификации вашей организации');
  const own = prompt.getByRole('region', { name: 'Сертификат портала' });
  await expect(own).toContainText('CN=localhost');
  await expect(own).toContainText('CN=Корпоративный УЦ');
  await expect(own).toContainText(fingerprint(leaf.cert));
  await expect(own).toContainText(/с \d{2}\.\d{2}\.\d{4} по \d{2}\.\d{2}\.\d{4}/);
  const ca = prompt.getByRole('region', { name: 'Корневой центр сертификации' });
  await expect(ca).toContainText(fingerprint(root.cert));
  await expect(prompt.getByRole('button', { name: 'Доверять только сертификату портала' })).toBeVisible();

  await prompt.getByRole('button', { name: 'Доверять центру сертификации (рекомендуется)' }).click();
  await expect(page.getByRole('heading', { name: 'Какие группы показывать' })).toBeVisible({ timeout: 30_000 });
  await expectNoSecretsOnDisk(portal.portalUrl, [web.dataDir]);
});

test('English: with an intermediate CA, trusting only the portal certificate leads on to the groups', async ({ page }) => {
  const root = await makeRootCa();
  const issuing = await makeIntermediateCa(root);
  const leaf = await makePortalCert(issuing);
  const { web, portal } = await start(served(leaf, issuing));
  await page.goto(`${web.url}&lang=en`);
  await connectByWebhook(page, portal, { webhook: 'Incoming webhook', address: 'Portal address', url: 'Webhook URL', connect: 'Connect' });

  const prompt = page.getByRole('alert').filter({ hasText: 'The portal presented a certificate' });
  await expect(prompt.getByRole('region', { name: 'The portal’s certificate' })).toContainText(fingerprint(leaf.cert));
  await expect(prompt.getByRole('region', { name: 'Certificate authority', exact: true })).toContainText('CN=Pult Test Issuing CA');
  await expect(prompt).toContainText('When the portal’s certificate is replaced, Pult asks again.');
  await prompt.getByRole('button', { name: 'Trust only the portal’s certificate' }).click();
  await expect(page.getByRole('heading', { name: 'Which groups to show' })).toBeVisible({ timeout: 30_000 });
  await expectNoSecretsOnDisk(portal.portalUrl, [web.dataDir]);
});
