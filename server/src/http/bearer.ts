/** Secrets sent as `Authorization: Bearer <secret>`. */

/** The secret of an `Authorization: Bearer <secret>` header, or null when there is none. */
export function bearerToken(header: string | undefined): string | null {
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? "");
  return m?.[1] ?? null;
}
