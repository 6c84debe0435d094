import type * as ClientDynamoDB from '@aws-sdk/client-dynamodb';
import type * as LibDynamoDB from '@aws-sdk/lib-dynamodb';
import { clientDynamoDB, libDynamoDB } from './aws-sdk';

/*
 * The DynamoDB classes the store uses, loaded through `require` (see aws-sdk.ts for why) when this module is
 * first imported: every API request but /api/health reads the table, so the clients belong to the cold start
 * rather than to some user's first request. Each name is a value and a type, like the SDK's own export, so
 * that callers import them from here exactly as they would from the package.
 */

const lib = libDynamoDB();
const client = clientDynamoDB();

export const DynamoDBDocumentClient = lib.DynamoDBDocumentClient;
export type DynamoDBDocumentClient = LibDynamoDB.DynamoDBDocumentClient;
export const GetCommand = lib.GetCommand;
export type GetCommand = LibDynamoDB.GetCommand;
export const PutCommand = lib.PutCommand;
export type PutCommand = LibDynamoDB.PutCommand;
export const QueryCommand = lib.QueryCommand;
export type QueryCommand = LibDynamoDB.QueryCommand;
export const ScanCommand = lib.ScanCommand;
export type ScanCommand = LibDynamoDB.ScanCommand;
export const DeleteCommand = lib.DeleteCommand;
export type DeleteCommand = LibDynamoDB.DeleteCommand;
export const UpdateCommand = lib.UpdateCommand;
export type UpdateCommand = LibDynamoDB.UpdateCommand;
export const TransactWriteCommand = lib.TransactWriteCommand;
export type TransactWriteCommand = LibDynamoDB.TransactWriteCommand;
export const BatchGetCommand = lib.BatchGetCommand;
export type BatchGetCommand = LibDynamoDB.BatchGetCommand;
export const BatchWriteCommand = lib.BatchWriteCommand;
export type BatchWriteCommand = LibDynamoDB.BatchWriteCommand;
/** Async iterators over every page of a Query or Scan (`paging.ts` is their one user). */
export const paginateQuery = lib.paginateQuery;
export const paginateScan = lib.paginateScan;

export const DynamoDBClient = client.DynamoDBClient;
export type DynamoDBClient = ClientDynamoDB.DynamoDBClient;
