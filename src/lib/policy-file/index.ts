export {
  CLI_DIALECTS,
  appealKeyOf,
  dialectForTarget,
  isCliDialect,
  keysTheCliDrops,
  type CliDialect,
} from './cli-dialect';
export { cliFileName, cliFileObject, writeCliFile, type CliFile, type CliFileOptions } from './write-cli-file';
export {
  readPolicyFile,
  type PolicyFileNotice,
  type PolicyFileProblem,
  type PolicyFileReading,
  type ReadPolicyFileOptions,
} from './read-policy-file';
export { writePolicyFileSet, zipFiles, type PolicyFileSet } from './policy-file-set';
