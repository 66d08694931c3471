/** The hub's public GraphQL API with the signed-in user's token (kept for this tab only, in sessionStorage). */

const TOKEN_KEY = 'hub.token';
const ROLE_KEY = 'hub.role';

export interface GqlError {
  message: string;
  extensions?: { code?: string; field?: string };
}

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const session = {
  get token(): string | null {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  get role(): string | null {
    return sessionStorage.getItem(ROLE_KEY);
  },
  save(token: string, role: string): void {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(ROLE_KEY, role);
  },
  clear(): void {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(ROLE_KEY);
  },
};

/** One GraphQL request; any error becomes an ApiError carrying its `extensions.code` (FORBIDDEN, …). */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (session.token) headers.authorization = `Bearer ${session.token}`;
  const res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  let body: { data?: T | null; errors?: GqlError[] };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw new ApiError(res.status === 401 ? 'UNAUTHENTICATED' : 'HTTP_ERROR', `服务器返回 ${res.status}`);
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.extensions?.code ?? 'INTERNAL_SERVER_ERROR', first.message);
  if (!body.data) throw new ApiError('HTTP_ERROR', `服务器返回 ${res.status}`);
  return body.data;
}

/** A view's spreadsheet: fetched with the token (a link could not carry it), saved under the server's name. */
export async function download(path: string): Promise<void> {
  const res = await fetch(path, { headers: session.token ? { authorization: `Bearer ${session.token}` } : {} });
  if (!res.ok) throw new ApiError(res.status === 401 ? 'UNAUTHENTICATED' : 'HTTP_ERROR', `下载失败（${res.status}）`);
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'export.xlsx';
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
