export function onOpen(e?: unknown): void {
  void e;
}
