import { GroupsScreen } from './screens/GroupsScreen';

export function App() {
  return (
    <main className="app">
      <GroupsScreen />
    </main>
  );
}
