import type { CreatePortalOptions, Portal, PortalUserInfo } from '../contract';
import { buildGenContext } from './gen-context';
import { generateOrg } from './generate-org';
import { generateTasks, taskComments, taskElapsed } from './generate-tasks';
import { registerCommentMethods } from './methods/comments';
import { registerCrmMethods } from './methods/crm';
import { registerDirectoryMethods } from './methods/directory';
import { downloadFile, registerDiskMethods } from './methods/disk';
import { registerChatFileMethods } from './methods/chat-files';
import { seedDemoTaskFiles } from './disk/store';
import { registerElapsedMethods } from './methods/elapsed';
import { registerGroupMethods } from './methods/groups';
import { registerStageMethods } from './methods/stages';
import { registerTaskStatusMethods } from './methods/task-status';
import { registerTaskMethods } from './methods/tasks';
import { registerUserFieldMethods } from './methods/userfields';
import { Prng } from './prng';
import type { MethodTable, Services } from './services';
import { PortalState } from './state';

/** The demo portal is in Moscow time. */
const UTC_OFFSET_MINUTES = 180;

/**
 * Builds the portal half of the emulator: a Service Desk portal generated from `seed`, with
 * `tasks` demo tasks, and the REST methods that read and change it.
 */
export function createPortal(options: CreatePortalOptions): Portal {
  const state = new PortalState(options.seed, options.clock, UTC_OFFSET_MINUTES);
  state.generatedAt = state.now();
  generateOrg(state, new Prng(options.seed));
  const gen = buildGenContext(state);
  generateTasks(state, gen, Math.max(0, Math.floor(options.tasks)));
  const services: Services = { state, gen };
  seedDemoTaskFiles(services);

  const methods: MethodTable = new Map();
  registerTaskMethods(services, methods);
  registerTaskStatusMethods(services, methods);
  registerStageMethods(services, methods);
  registerCommentMethods(services, methods);
  registerElapsedMethods(services, methods);
  registerUserFieldMethods(services, methods);
  registerDirectoryMethods(services, methods);
  registerGroupMethods(services, methods);
  registerCrmMethods(services, methods);
  registerDiskMethods(services, methods);
  registerChatFileMethods(services, methods);

  const userInfo = (id: number): PortalUserInfo | undefined => {
    const u = state.users.get(id);
    return u && { id: String(u.id), login: u.login, password: u.password, admin: u.admin, active: u.active, type: u.type };
  };

  return {
    clock: options.clock,
    methods,
    utcOffsetMinutes: UTC_OFFSET_MINUTES,
    users: () => [...state.users.keys()].map(userInfo).filter((u): u is PortalUserInfo => u !== undefined),
    findUserByLogin: (login) => {
      const u = [...state.users.values()].find((x) => x.login.toLowerCase() === login.toLowerCase());
      return u ? userInfo(u.id) : undefined;
    },
    serviceDeskGroups: () => [...state.groups.values()].filter((g) => g.serviceDesk).map((g) => ({ id: String(g.id), name: g.name })),
    onEvent: (listener) => state.subscribe(listener),
    setCommentMode: (mode) => { state.commentMode = mode; },
    commentMode: () => state.commentMode,
    counts: () => countRecords(services),
    downloadFile: (ref, userId) => downloadFile(services, ref, userId),
  };
}

function countRecords(s: Services): Record<string, number> {
  let comments = 0;
  let elapsed = 0;
  let chatMessages = 0;
  for (const t of s.state.tasks.values()) {
    // Generated records are counted from their stored counts, so counting never replays history.
    comments += t.generated.comments - t.live.deletedComments.size + t.live.comments.length;
    elapsed += t.generated.elapsed + t.live.elapsed.length;
    chatMessages += t.live.chat.length;
  }
  return {
    tasks: s.state.tasks.size,
    users: s.state.users.size,
    groups: s.state.groups.size,
    stages: s.state.stages.size,
    comments,
    chatMessages,
    elapsed,
    companies: s.state.companies.size,
    departments: s.state.departments.size,
    userFields: s.state.userFields.length,
  };
}

// Re-exported for tests that check lazily generated records directly.
export { taskComments, taskElapsed };
