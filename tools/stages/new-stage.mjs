#!/usr/bin/env node
// Adds a stage to cdk.json as a copy of another, and says what else a new stage needs.
//
// Usage: node tools/stages/new-stage.mjs add NAME --from STAGE [--domain-prefix PREFIX]
//        node tools/stages/new-stage.mjs steps NAME
// (--cdk-json FILE and --acknowledgments FILE read and write other copies than the repository's.)
// `./build.sh new-stage NAME --from STAGE` runs `add`, then synthesizes the stage through the gate,
// records its stateful resources (tools/change-guard/stateful-ids.json) and prints `steps`.
// Exit 0: done; 2: bad input (nothing written).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { RESERVED_STAGE_NAMES, STAGE_NAME } from './stage-name.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CDK_JSON = path.join(repoRoot, 'cdk.json');
export const GATE_ACKNOWLEDGMENTS = path.join(repoRoot, 'tools/template-gate/acknowledgments.json');

/** Cognito's prefix rule (HostedSignInOptions): 1-63 lower-case letters, digits, inner hyphens, none of these words. */
const DOMAIN_PREFIX = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const RESERVED_PREFIX_WORDS = ['aws', 'amazon', 'cognito'];

export class NewStageError extends Error {}

/** Refusal of a domain prefix Cognito would refuse, or undefined. */
export function domainPrefixProblem(prefix) {
  if (!DOMAIN_PREFIX.test(prefix)) return `--domain-prefix "${prefix}": use 1-63 lower-case letters, digits or hyphens, not starting or ending with a hyphen.`;
  const word = RESERVED_PREFIX_WORDS.find((w) => prefix.includes(w));
  return word ? `--domain-prefix "${prefix}": Cognito refuses prefixes containing '${word}'; choose another.` : undefined;
}

/**
 * A Cognito domain prefix for the new stage: the source's prefix with its stage name swapped for the
 * new one, plus six random hex digits. Prefixes are unique per region across all AWS accounts, so a
 * name that only differs from the source's by the stage would be taken by the next team that copies
 * this repository; the random part keeps it free (preflight still checks it before the deploy).
 */
export function derivePrefix(sourcePrefix, from, name, random = crypto.randomBytes(3).toString('hex')) {
  const base = (sourcePrefix ?? 'identity').replace(new RegExp(`-${from}(-[0-9a-f]{6})?$`), '');
  const kept = base.slice(0, 63 - name.length - 8).replace(/-+$/, '');
  return kept.length > 0 ? `${kept}-${name}-${random}` : `${name}-${random}`;
}

/**
 * The new stage's configuration and what was changed from the source's: a copy, with its own Cognito
 * domain prefix (a custom domain is the source's own name and certificate, so it is not copied).
 */
export function stageFrom(source, { from, name, domainPrefix, otherPrefixes }) {
  const stage = structuredClone(source);
  const changes = [];
  if (stage.signIn && typeof stage.signIn === 'object') {
    const sourcePrefix = stage.signIn.domainPrefix;
    if (stage.signIn.customDomain) {
      changes.push(`signIn.customDomain of ${from} (${stage.signIn.customDomain.domainName}) is not copied: a custom domain is one stage's own; add one for ${name} with its own certificate when it needs one.`);
      delete stage.signIn.customDomain;
    }
    const prefix = domainPrefix ?? derivePrefix(sourcePrefix, from, name);
    const problem = domainPrefixProblem(prefix);
    if (problem) throw new NewStageError(problem);
    if (otherPrefixes.includes(prefix)) throw new NewStageError(`--domain-prefix "${prefix}" is another stage's; each stage needs its own.`);
    stage.signIn.domainPrefix = prefix;
    changes.push(`signIn.domainPrefix: "${prefix}" (Cognito prefixes are unique per region across all accounts).`);
    if ((stage.signIn.callbackUrls ?? []).length > 0) {
      changes.push(`signIn.callbackUrls and logoutUrls are ${from}'s: point them at ${name}'s app before its first deploy.`);
    }
  }
  return { stage, changes };
}

/** cdk.json with the new stage inserted right after its source (the deploy workflow deploys stages in cdk.json order). */
export function addStage(cdkJson, { name, from, domainPrefix }) {
  const stages = cdkJson?.context?.stages;
  if (!stages || typeof stages !== 'object') throw new NewStageError('cdk.json has no context.stages to copy from.');
  if (!STAGE_NAME.test(name ?? '')) throw new NewStageError(`stage name "${name ?? ''}": use 1-16 lower-case letters, digits or hyphens, starting with a letter (it becomes part of the stack name).`);
  if (RESERVED_STAGE_NAMES.includes(name)) throw new NewStageError(`stage name "${name}" is reserved ('all' selects every stage; the gate's acknowledgments name the classes 'production' and 'non-production').`);
  if (Object.hasOwn(stages, name)) throw new NewStageError(`stage "${name}" is already in cdk.json.`);
  if (!Object.hasOwn(stages, from ?? '')) throw new NewStageError(`--from "${from ?? ''}" is not a stage of cdk.json; stages: ${Object.keys(stages).join(', ')}.`);
  const otherPrefixes = Object.values(stages).map((s) => s?.signIn?.domainPrefix).filter(Boolean);
  const { stage, changes } = stageFrom(stages[from], { from, name, domainPrefix, otherPrefixes });
  const ordered = {};
  for (const [key, value] of Object.entries(stages)) {
    ordered[key] = value;
    if (key === from) ordered[name] = stage;
  }
  return { cdkJson: { ...cdkJson, context: { ...cdkJson.context, stages: ordered } }, changes };
}

/**
 * Template gate acknowledgments that name the source stage itself (not its class) get the new stage
 * too: the copy has the same settings, so the same reviewed exceptions.
 */
export function extendAcknowledgments(file, { from, name }) {
  const document = JSON.parse(fs.readFileSync(file, 'utf8'));
  const extended = [];
  for (const entry of document.acknowledgments) {
    if (Array.isArray(entry.stages) && entry.stages.includes(from) && !entry.stages.includes(name)) {
      entry.stages = [...entry.stages, name];
      extended.push(`${entry.rule} at ${entry.path}`);
    }
  }
  return { document, extended };
}

/** What nothing in this repository can do for a new stage: the AWS account and GitHub side, exactly. */
export function manualSteps(name, stage) {
  const production = stage.production === true;
  const where = `${stage.account ?? '<account id>'}/${stage.region}`;
  const steps = [
    `AWS account ${where}: bootstrap it once for the CDK if no stage deploys there yet: npx cdk bootstrap aws://${where}`,
    `AWS account ${where}: a deploy role that GitHub's OIDC provider may assume for this stage only, trusting the subject "repo:<owner>/<repository>:environment:${name}" (its policy: docs/getting-started.md, "The deploy role").`,
    `GitHub: create the environment "${name}" (Settings > Environments) with the variable DEPLOY_ROLE_ARN = that role's ARN${production ? ', required reviewers, and deployments only from main' : ''}.`,
    'The deploy workflow (.github/workflows/deploy.yml) takes its stages from cdk.json, in order: nothing to edit there.',
  ];
  if (stage.signIn?.callbackUrls) steps.push(`cdk.json stages.${name}.signIn.callbackUrls and logoutUrls: the new stage's app URLs.`);
  for (const provider of Array.isArray(stage.federation) ? stage.federation : []) {
    steps.push(provider?.type === 'SAML'
      ? `${provider.name} (SAML): after the first deploy, send the IdP administrator what ./build.sh saml-handoff --stage ${name} --provider ${provider.name} prints (ACS URL, SP entity id, certificates).`
      : `${provider?.name ?? provider?.type} (${provider?.type}): register ${name}'s redirect URI https://<${name}'s sign-in domain>/oauth2/idpresponse at the provider.`);
  }
  steps.push(`Before the first deploy: ./build.sh preflight --stage ${name}; then ./build.sh deploy --stage ${name}.`);
  return steps;
}

function main(argv) {
  const [command, name, ...rest] = argv;
  if (!['add', 'steps'].includes(command)) throw new NewStageError('say add NAME --from STAGE [--domain-prefix PREFIX], or steps NAME.');
  const { values } = parseArgs({
    args: rest,
    options: { from: { type: 'string' }, 'domain-prefix': { type: 'string' }, 'cdk-json': { type: 'string', default: CDK_JSON }, acknowledgments: { type: 'string', default: GATE_ACKNOWLEDGMENTS } },
  });
  const cdkJson = JSON.parse(fs.readFileSync(values['cdk-json'], 'utf8'));
  if (command === 'steps') {
    const stage = cdkJson.context?.stages?.[name ?? ''];
    if (!stage) throw new NewStageError(`stage "${name ?? ''}" is not in cdk.json.`);
    console.log(`What the stage ${name} still needs, outside this repository:`);
    manualSteps(name, stage).forEach((step, i) => console.log(`  ${i + 1}. ${step}`));
    return;
  }
  if (values.from === undefined) throw new NewStageError('--from STAGE is required: the stage to copy (e.g. --from dev).');
  const { cdkJson: updated, changes } = addStage(cdkJson, { name, from: values.from, domainPrefix: values['domain-prefix'] });
  const { document, extended } = extendAcknowledgments(values.acknowledgments, { from: values.from, name });
  fs.writeFileSync(values['cdk-json'], JSON.stringify(updated, null, 2) + '\n');
  fs.writeFileSync(values.acknowledgments, JSON.stringify(document, null, 2) + '\n');
  console.log(`new-stage: added stages.${name} to cdk.json, a copy of ${values.from}, right after it:`);
  changes.forEach((change) => console.log(`  ${change}`));
  if (extended.length > 0) {
    console.log(`new-stage: template gate acknowledgments that name ${values.from} now name ${name} too (tools/template-gate/acknowledgments.json):`);
    extended.forEach((entry) => console.log(`  ${entry}`));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof NewStageError) && error.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && error.code !== 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && error.code !== 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw error;
    console.error(`new-stage: ${error.message}`);
    process.exit(2);
  }
}
