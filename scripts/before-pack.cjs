/**
 * electron-builder hook: before each platform/arch is packed, build
 * better-sqlite3 for Electron's ABI and that arch into native/electron/.
 */
const archNames = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' };

exports.default = async function beforePack(context) {
  const { buildNativeForElectron } = await import('./build-native-electron.js');
  buildNativeForElectron({ arch: archNames[context.arch] ?? process.arch, force: true });
};
