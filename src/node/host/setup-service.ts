/**
 * The settings service: the first-run setup (groups, stage roles, field mapping, creating the
 * Service Desk fields) and the settings in their scopes (a save keeps this machine's connection,
 * a team file merges policy only, changed groups start and stop syncing at once).
 */
import type { Settings } from '../../core/domain/settings';
import { detectServiceDeskFields } from '../../core/domain/field-mapping';
import { guessStageRoles } from '../../core/domain/stage-roles';
import type { SettingsSaveResult, SetupProposal } from '../../shared/api';
import { ApiFailure } from '../api-failure';
import type { ConnectionService } from './connection-service';
import type { HostContext } from './host-context';

/** The Service Desk fields Pult creates when a portal admin asks (names are Pult's own). */
const SERVICE_DESK_FIELDS = {
  type: { name: 'PULT_SD_TYPE', type: 'string', labels: { ru: 'Тип', en: 'Type' } },
  blocker: { name: 'PULT_SD_BLOCKER', type: 'string', labels: { ru: 'Тип стоппера', en: 'Blocker' } },
  estimate: { name: 'PULT_SD_ESTIMATE', type: 'double', labels: { ru: 'Оценка', en: 'Estimate' } },
} as const;

export class SetupService {
  private lastProposedGroups: string[] = [];

  constructor(
    private readonly ctx: HostContext,
    private readonly connection: ConnectionService,
  ) {}

  async proposeSetup(groupIds: string[]): Promise<SetupProposal> {
    const { gateway } = this.connection.requireSession();
    this.lastProposedGroups = groupIds;
    const stages = Object.fromEntries(await Promise.all(groupIds.map(async (id) => [id, await gateway.readStages(id)] as const)));
    const userFields = await gateway.readUserFields();
    const detection = detectServiceDeskFields(userFields);
    const current = this.ctx.settings();
    return {
      stages,
      stageRoles: guessStageRoles(Object.values(stages).flat(), current.stageRoleOverrides),
      userFields,
      fields: { type: current.fields.type ?? detection.mapping.type, blocker: current.fields.blocker ?? detection.mapping.blocker, estimate: current.fields.estimate ?? detection.mapping.estimate },
      missingFields: detection.missing,
      canCreateFields: this.connection.who()?.isAdmin ?? false,
    };
  }

  async createServiceDeskFields(fields: ('type' | 'blocker' | 'estimate')[]): Promise<SetupProposal> {
    const { gateway } = this.connection.requireSession();
    if (!this.connection.who()?.isAdmin) throw new ApiFailure('denied', this.ctx.text('fieldsNeedAdmin'));
    const existing = new Set((await gateway.readUserFields()).map((f) => f.name));
    const created: Partial<Settings['fields']> = {};
    for (const key of fields) {
      const spec = SERVICE_DESK_FIELDS[key];
      // A field left by an earlier attempt whose answer was lost is reused, not made twice.
      created[key] = existing.has(`UF_${spec.name}`) ? `UF_${spec.name}` : await gateway.createUserField(spec);
    }
    const settings = this.ctx.settings();
    this.ctx.storeSettings({ ...settings, fields: { ...settings.fields, ...created } });
    const groupIds = this.ctx.settings().groupIds;
    return this.proposeSetup(groupIds.length ? groupIds : this.lastProposedGroups);
  }

  async completeSetup(setup: { groupIds: string[]; stageRoles: Settings['stageRoles']; fields: Settings['fields'] }): Promise<void> {
    this.connection.requireSession();
    const saved = this.ctx.storeSettings({ ...this.ctx.settings(), groupIds: setup.groupIds, stageRoles: setup.stageRoles, fields: setup.fields });
    if (!saved.ok) throw new ApiFailure('invalid-input', saved.error);
    await this.connection.reopen(setup.groupIds);
  }

  getSettings(): Settings {
    return this.ctx.settings();
  }

  async saveSettings(settings: Settings): Promise<SettingsSaveResult> {
    const before = this.ctx.settings();
    // The connection changes only by connecting, trusting a certificate or signing out: a
    // settings screen that read it earlier cannot put back an old one.
    const result = this.ctx.storeSettings({ ...settings, connection: before.connection });
    // New bound groups: sync them from now on (their first sync starts at once).
    if (result.ok && this.connection.current && result.settings.groupIds.join(',') !== before.groupIds.join(',')) {
      await this.connection.reopen(result.settings.groupIds);
    }
    return result;
  }

  importSettings(json: string): SettingsSaveResult {
    const result = this.ctx.options.settings.importJson(json);
    if (result.ok) this.ctx.emit({ type: 'settings-changed', settings: result.settings });
    return result;
  }

  exportSettings(): string {
    return this.ctx.options.settings.exportJson();
  }
}
