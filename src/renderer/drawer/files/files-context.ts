/** The open card's files, for the comments (their attachments, `[DISK FILE ID=…]` tags). */
import { createContext, useContext } from 'react';
import type { TaskFile } from '../../../core/domain/files';

export interface FilesContextValue {
  taskId: string;
  files: readonly TaskFile[];
}

export const FilesContext = createContext<FilesContextValue | null>(null);

export function useFilesContext(): FilesContextValue | null {
  return useContext(FilesContext);
}
