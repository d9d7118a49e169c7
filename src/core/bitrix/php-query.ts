/**
 * PHP's http_build_query: how a batch command's parameters must be written
 * (`tasks.task.list?filter[GROUP_ID]=3&select[0]=ID`), since the portal parses them with PHP.
 */
function encode(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+');
}

function append(parts: string[], key: string, value: unknown): void {
  if (value === undefined) return;
  if (value === null) {
    parts.push(`${encode(key)}=`);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => append(parts, `${key}[${index}]`, item));
  } else if (typeof value === 'object') {
    for (const [child, item] of Object.entries(value as Record<string, unknown>)) append(parts, `${key}[${child}]`, item);
  } else if (typeof value === 'boolean') {
    // PHP would send 1 / "" for booleans; the portal's Y/N flags are sent as strings by callers.
    parts.push(`${encode(key)}=${value ? '1' : '0'}`);
  } else {
    parts.push(`${encode(key)}=${encode(String(value))}`);
  }
}

export function buildPhpQuery(params: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params)) append(parts, key, value);
  return parts.join('&');
}
