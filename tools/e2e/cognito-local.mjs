#!/usr/bin/env node
// Starts cognito-local (the version pinned in package-lock.json) for the local end-to-end test.
//
//   node tools/e2e/cognito-local.mjs --config FILE --data DIR
//
// It is cognito-local's own server, wired as its default start script wires it, with three
// differences a test needs:
// - it listens on 127.0.0.1 on a free port (port 0) and says where on its first stdout line:
//     {"listening":"http://127.0.0.1:PORT"}
//   and tokens are issued by http://127.0.0.1:PORT/<poolId>, the address it really has;
// - every message it would print as a box (verification codes, our custom message) is one JSON
//   line on stdout instead: {"delivery":{"username":..,"destination":..,"code":..,"emailSubject":..,
//   "emailMessage":..,"smsMessage":..}}
// - its data lives in DIR, not in ./.cognito, and its log (JSON, pino) goes to stderr.
// FILE is cognito-local's config (TriggerFunctions, LambdaClient, UserPoolDefaults, ...).
// SIGTERM or SIGINT close it.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";

const require = createRequire(import.meta.url);
const cognitoLocal = (path) => require(`cognito-local/lib/${path}`);

// cognito-local calls Lambda through the AWS SDK v2, which prints an end-of-support notice on load.
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = "1";
const AWS = require("aws-sdk");
const pino = require("pino");
const { DateClock, LambdaService, MessagesService, TriggersService } = cognitoLocal("services");
const { CognitoServiceFactoryImpl } = cognitoLocal("services/cognitoService");
const { CryptoService } = cognitoLocal("services/crypto");
const { StormDBDataStoreFactory } = cognitoLocal("services/dataStore/stormDb");
const { MessageDeliveryService } = cognitoLocal("services/messageDelivery/messageDelivery");
const { otp } = cognitoLocal("services/otp");
const { JwtTokenGenerator } = cognitoLocal("services/tokenGenerator");
const { UserPoolServiceFactoryImpl } = cognitoLocal("services/userPoolService");
const { DefaultConfig } = cognitoLocal("server/config");
const { Router } = cognitoLocal("server/Router");
const { createServer } = cognitoLocal("server/server");

const HOST = "127.0.0.1";

function fail(message) {
  process.stderr.write(`cognito-local.mjs: ${message}\n`);
  process.exit(2);
}

function readOptions() {
  const { values } = parseArgs({ options: { config: { type: "string" }, data: { type: "string" } } });
  if (!values.config || !values.data) {
    fail("usage: node tools/e2e/cognito-local.mjs --config FILE --data DIR");
  }
  let config;
  try {
    config = JSON.parse(readFileSync(values.config, "utf8"));
  } catch (error) {
    fail(`--config ${values.config} is not a readable JSON file: ${error.message}`);
  }
  return { config, data: values.data };
}

const line = (value) => process.stdout.write(`${JSON.stringify(value)}\n`);

/** cognito-local's ConsoleMessageSender, as one JSON line a test can read. */
class JsonLineMessageSender {
  sendEmail(_ctx, user, destination, message) {
    return this.#send(user, destination, message);
  }

  sendSms(_ctx, user, destination, message) {
    return this.#send(user, destination, message);
  }

  #send(user, destination, { __code, emailSubject, emailMessage, smsMessage }) {
    line({ delivery: { username: user.Username, destination, code: __code, emailSubject, emailMessage, smsMessage } });
    return Promise.resolve();
  }
}

async function start({ config: overrides, data }) {
  const logger = pino({ level: process.env.DEBUG ? "debug" : "warn" }, pino.destination(2));
  const ctx = { logger };
  const config = {
    ...DefaultConfig,
    ...overrides,
    TokenConfig: { ...DefaultConfig.TokenConfig },
    ServerConfig: { ...DefaultConfig.ServerConfig, hostname: HOST, port: 0, https: false },
  };
  const clock = new DateClock();
  const dataStoreFactory = new StormDBDataStoreFactory(data);
  const cognito = await new CognitoServiceFactoryImpl(data, dataStoreFactory, new UserPoolServiceFactoryImpl(clock, dataStoreFactory))
    .create(ctx, config.UserPoolDefaults);
  const triggers = new TriggersService(clock, cognito, new LambdaService(config.TriggerFunctions, new AWS.Lambda(config.LambdaClient)), new CryptoService(config.KMSConfig));
  const services = {
    clock,
    cognito,
    config,
    messages: new MessagesService(triggers, new MessageDeliveryService(new JsonLineMessageSender())),
    otp,
    // Reads TokenConfig.IssuerDomain when it signs, so setting it once the port is known is enough.
    tokenGenerator: new JwtTokenGenerator(clock, triggers, config.TokenConfig),
    triggers,
  };
  const server = await createServer(Router(services), logger, config.ServerConfig, services).start();
  const url = `http://${HOST}:${server.address().port}`;
  config.TokenConfig.IssuerDomain = url;
  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.on(signal, () => server.close(() => process.exit(0)));
  }
  line({ listening: url });
}

start(readOptions()).catch((error) => fail(error.stack ?? String(error)));
