/** A raster image's thumbnail, from the host's bytes as a blob: URL (never a portal address). */
import { useEffect, useState } from 'react';
import type { TaskFile } from '../../../core/domain/files';
import { fileBlob } from './file-bytes';

export function FileImage({ taskId, file, alt, className }: { taskId: string; file: TaskFile; alt: string; className: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let made: string | null = null;
    fileBlob(taskId, file).then(
      (blob) => {
        if (!live) return;
        made = URL.createObjectURL(blob);
        setUrl(made);
      },
      () => undefined,
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [taskId, file]);
  return url ? <img src={url} alt={alt} className={className} /> : <span className={`${className} ${className}--empty`} aria-hidden="true" />;
}
