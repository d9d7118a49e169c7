import type { Messages } from './index';

export const en: Messages = {
  'app.title': 'Pult',
  'groups.heading': 'Portal workgroups',
  'groups.loading': 'Loading groups…',
  'groups.empty': 'The portal has no groups you can see',
  'groups.closed': 'closed',
  'groups.members': { one: '{n} member', few: '{n} members', many: '{n} members' },
  'groups.count': { one: '{n} group', few: '{n} groups', many: '{n} groups' },
  'connection.demo': 'Demo portal',
  'connection.webhook': 'Portal (incoming webhook)',
  'connection.oauth': 'Portal (OAuth)',
  'connection.none': 'No portal connected',
  'error.load': 'Could not load data: {message}',
  'action.retry': 'Retry',
};
