// Jest globalTeardown: stops the MKP doubles global-setup.ts started.

export default async function globalTeardown(): Promise<void> {
  await Promise.all((globalThis.mkpE2eDoubles ?? []).map((d) => d.stop()));
  globalThis.mkpE2eDoubles = undefined;
}
