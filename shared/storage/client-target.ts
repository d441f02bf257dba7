/** Where a client talks to: AWS when `endpoint` is absent, a local emulator (s3rver, dynalite) when given. */
export interface ClientTarget {
  readonly region: string;
  readonly endpoint?: string | undefined;
}

/**
 * s3rver accepts only its built-in access key (it checks the key id, not V4 signatures);
 * dynalite accepts any. One pair for both keeps local configuration to an endpoint.
 */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;
