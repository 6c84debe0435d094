import { Agent } from 'node:http';
import { DynamoDBClient, DynamoDBDocumentClient } from './dynamodb-sdk';

export interface DynamoOptions {
  /** A local DynamoDB-protocol server (dynalite), e.g. `http://127.0.0.1:8000`. Absent on AWS. */
  endpoint?: string;
  /** @default process's AWS region on AWS; `ap-northeast-2` with a local endpoint */
  region?: string;
}

/**
 * The low-level client. With an endpoint it talks to a local server with dummy credentials, so no AWS
 * account or credentials in the environment are needed; without one it uses the Lambda role as usual.
 */
export function createDynamoClient(options: DynamoOptions = {}): DynamoDBClient {
  if (!options.endpoint) return new DynamoDBClient(options.region ? { region: options.region } : {});
  return new DynamoDBClient({
    endpoint: options.endpoint,
    region: options.region ?? 'ap-northeast-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    // Seeding and batch scans keep many requests in flight against one local server: reuse sockets.
    requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: 64 }) },
  });
}

/** Wraps a client as a DocumentClient: plain JS values in and out, `undefined` fields dropped. */
export function toDocumentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
    unmarshallOptions: { wrapNumbers: false },
  });
}

/**
 * The DocumentClient the store adapters take. Make one per container (module scope in a handler, once in
 * the local runtime) and inject it: clients pool connections and are meant to be reused.
 */
export function createDocumentClient(options: DynamoOptions = {}): DynamoDBDocumentClient {
  return toDocumentClient(createDynamoClient(options));
}
