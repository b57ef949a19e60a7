export { CLI_DIALECTS, dialectForTarget, isCliDialect, keysTheCliDrops, type CliDialect } from './cli-dialect';
export { cliFileObject, writeCliFile } from './write-cli-file';
export { readPolicyFile, type PolicyFileReading } from './read-policy-file';
export { writePolicyFileSet, zipFiles } from './policy-file-set';
