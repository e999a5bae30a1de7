export function findElectronBinary(): string | undefined;
export function electronVersion(): string;
export const missingElectronAdvice: string;
