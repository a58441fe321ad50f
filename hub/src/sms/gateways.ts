import { existsSync, readFileSync } from 'node:fs';
import * as z from 'zod';
import type { Directory } from '../directory/directory';
import { androidSmsGateway } from './formats/android-sms-gateway';
import { laporFormat } from './formats/lapor';
import { twilioGateway } from './formats/twilio';
import type { SmsGateway, SmsTarget } from './gateway';

const target = { institution: z.string().min(1), category: z.string().min(1).optional() };
const common = {
  /** Names the webhook's address: /sms/v1/{name}. */
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a gateway name is lowercase letters, digits and dashes'),
  ...target,
  /** Numbers of this gateway that file for another institution than its own, by the number as the gateway writes it. */
  numbers: z.record(z.string(), z.object(target)).optional(),
};

const gatewaySchema = z.discriminatedUnion('format', [
  z.object({
    format: z.literal('android-sms-gateway'),
    ...common,
    signingKey: z.string().min(16),
    sendUrl: z.url({ protocol: /^https?$/ }),
    username: z.string().min(1),
    password: z.string().min(1),
    simNumber: z.number().int().min(1).max(4).optional(),
  }),
  z.object({
    format: z.literal('twilio'),
    ...common,
    accountSid: z.string().min(1),
    authToken: z.string().min(16),
    from: z.string().min(3),
    apiUrl: z.url({ protocol: /^https?$/ }).optional(),
    webhookUrl: z.url({ protocol: /^https?$/ }).optional(),
  }),
  z.object({
    format: z.literal('lapor'),
    ...common,
    secret: z.string().min(16),
    sendUrl: z.url({ protocol: /^https?$/ }),
  }),
]);

/** `DATA_DIR/sms.json`, edited by the operator: the gateways reports arrive through by SMS. */
export const smsFile = z.object({ gateways: z.array(gatewaySchema).default([]) });
export type SmsFile = z.infer<typeof smsFile>;
export type GatewaySettings = z.infer<typeof gatewaySchema>;

export function loadSmsFile(path: string): SmsFile {
  return smsFile.parse(existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {});
}

/** The configured gateways by name; refuses a name twice or an institution or category the directory lacks. */
export function createSmsGateways(file: SmsFile, directory: Directory): Map<string, SmsGateway> {
  const gateways = new Map<string, SmsGateway>();
  for (const settings of file.gateways) {
    if (gateways.has(settings.name)) throw new Error(`sms.json: the gateway name ${settings.name} is used twice`);
    for (const { institution, category } of [settings, ...Object.values(settings.numbers ?? {})]) {
      if (!directory.institution(institution)) {
        throw new Error(`sms.json: ${settings.name} files for ${institution}, which the directory does not know`);
      }
      if (category && !directory.category(category)) {
        throw new Error(`sms.json: ${settings.name} files under category ${category}, which does not exist`);
      }
    }
    gateways.set(settings.name, smsGateway(settings));
  }
  return gateways;
}

export function smsGateway(settings: GatewaySettings): SmsGateway {
  const format =
    settings.format === 'android-sms-gateway'
      ? androidSmsGateway(settings)
      : settings.format === 'twilio'
        ? twilioGateway(settings)
        : laporFormat(settings);
  const targetOf = (t: { institution: string; category?: string }): SmsTarget => ({
    institutionId: t.institution,
    ...(t.category && { categoryId: t.category }),
  });
  return {
    name: settings.name,
    ...format,
    target: (to) => targetOf((to && settings.numbers?.[to]) || settings),
  };
}
