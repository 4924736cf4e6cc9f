/** On SIGTERM or SIGINT, stop once (finishing or releasing running work), then exit. */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal}: shutting down`);
    // Connections being closed may still reject or throw (a Redis command cut off by quit, a
    // thread ended mid-message); once the stop has begun, its own outcome is the exit code.
    const late = (error: unknown) => console.error('error while shutting down:', (error as Error)?.message ?? error);
    process.on('unhandledRejection', late);
    process.on('uncaughtException', late);
    stop().then(
      () => process.exit(0),
      (error: Error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}
