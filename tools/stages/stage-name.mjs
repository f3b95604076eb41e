// What a stage name is, as the app's StageConfigReader says (StageNamePatternText, ReservedStageNames):
// the Node tools that take --stage check it the same way before they build a stack name from it.

/** 1-16 lower-case letters, digits or hyphens, starting with a letter (it becomes part of the stack name). */
export const STAGE_NAME = /^[a-z][a-z0-9-]{0,15}$/;

/** 'all' selects every stage; the template gate's acknowledgments name the classes 'production' and 'non-production'. */
export const RESERVED_STAGE_NAMES = Object.freeze(['all', 'production', 'non-production']);
