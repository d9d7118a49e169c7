export { AlertCenter, type Evaluation, type EvaluationInput } from './alert-center';
export { alertConditions, attentionCount, inScope, isAnnounced, type AlertBoard, type AlertTask } from './conditions';
export { bundleAlerts, FLOOD_LIMIT } from './flood';
export { fileMemoryStore, emptyMemory, ALERT_MEMORY_FILE, type AlertMemory, type MemoryStore } from './memory';
export { AlertMonitor, resolveLanguage, type AlertState } from './monitor';
export { isQuietTime, snoozeUntil, type SnoozeChoice } from './quiet-time';
export { hostAlertSource, type AlertData, type AlertHost, type AlertSource } from './source';
export * from './types';
