// Which Task Resource ARNs Step Functions recognizes when a definition is created: Lambda function
// ARNs, activity ARNs, AWS SDK integrations ("arn:aws:states:::aws-sdk:<service>:<action>") and the
// optimized integrations with the patterns each API supports (AWS docs, "Integrating optimized
// services"). An optimized integration outside this table (e.g. "dynamodb:query") is refused with
// "The resource provided ... is not recognized" [AWS-rec].

export type IntegrationPattern = 'request-response' | 'sync' | 'sync2' | 'waitForTaskToken';

const RR = 'r';
const SYNC = 's';
const WFTT = 'w';

/** service -> api -> patterns ("r" request/response, "s" .sync, "2" .sync:2, "w" .waitForTaskToken). */
const OPTIMIZED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  lambda: { invoke: RR + WFTT },
  sqs: { sendMessage: RR + WFTT },
  sns: { publish: RR + WFTT },
  events: { putEvents: RR + WFTT },
  apigateway: { invoke: RR + WFTT },
  dynamodb: { getItem: RR, putItem: RR, updateItem: RR, deleteItem: RR },
  states: { startExecution: RR + SYNC + '2' + WFTT },
  batch: { submitJob: RR + SYNC },
  ecs: { runTask: RR + SYNC + WFTT },
  glue: { startJobRun: RR + SYNC },
  databrew: { startJobRun: RR + SYNC },
  mediaconvert: { createJob: RR + SYNC },
  http: { invoke: RR },
  bedrock: { invokeModel: RR, createModelCustomizationJob: RR + SYNC },
  athena: {
    startQueryExecution: RR + SYNC,
    stopQueryExecution: RR,
    getQueryExecution: RR,
    getQueryResults: RR,
  },
  codebuild: {
    startBuild: RR + SYNC,
    stopBuild: RR,
    batchDeleteBuilds: RR,
    batchGetReports: RR,
    startBuildBatch: RR + SYNC,
    stopBuildBatch: RR,
    retryBuildBatch: RR + SYNC,
    deleteBuildBatch: RR,
  },
  eks: {
    createCluster: RR + SYNC,
    deleteCluster: RR + SYNC,
    createFargateProfile: RR + SYNC,
    deleteFargateProfile: RR + SYNC,
    createNodegroup: RR + SYNC,
    deleteNodegroup: RR + SYNC,
    runJob: RR + SYNC,
    call: RR,
  },
  elasticmapreduce: {
    createCluster: RR + SYNC,
    terminateCluster: RR + SYNC,
    addStep: RR + SYNC,
    cancelStep: RR,
    setClusterTerminationProtection: RR,
    modifyInstanceFleetByName: RR,
    modifyInstanceGroupByName: RR,
  },
  'emr-containers': { createVirtualCluster: RR, deleteVirtualCluster: RR + SYNC, startJobRun: RR + SYNC },
  'emr-serverless': {
    createApplication: RR + SYNC,
    startApplication: RR + SYNC,
    stopApplication: RR + SYNC,
    deleteApplication: RR + SYNC,
    startJobRun: RR + SYNC,
    cancelJobRun: RR + SYNC,
  },
  sagemaker: {
    createEndpoint: RR,
    createEndpointConfig: RR,
    createModel: RR,
    updateEndpoint: RR,
    createHyperParameterTuningJob: RR + SYNC,
    createLabelingJob: RR + SYNC,
    createProcessingJob: RR + SYNC,
    createTrainingJob: RR + SYNC,
    createTransformJob: RR + SYNC,
  },
};

const PATTERN_CODE: Record<IntegrationPattern, string> = { 'request-response': RR, sync: SYNC, sync2: '2', waitForTaskToken: WFTT };

export type ResourceKind = 'lambda-function' | 'activity' | 'optimized' | 'aws-sdk';

export interface ParsedResource {
  kind: ResourceKind;
  pattern: IntegrationPattern;
  /** For integrations: the service ("lambda", "dynamodb", or the SDK service for aws-sdk). */
  service?: string;
  /** For integrations: the API without the pattern suffix. */
  api?: string;
}

const PARTITION = '[a-z][a-z0-9-]*';
// Lambda function and activity ARNs are only checked for their shape: AWS accepted (TestState)
// "arn:aws:lambda:your-region:your-account-id:function:yourHelloWorldFunction" [AWS-rec].
const LAMBDA_ARN = new RegExp(`^arn:${PARTITION}:lambda:[^:\\s]*:[^:\\s]*:function:[^:\\s]+(:[^:\\s]+)?$`);
const ACTIVITY_ARN = new RegExp(`^arn:${PARTITION}:states:[^:\\s]+:[^:\\s]+:activity:[^:\\s]+$`);
// Integrations are written without region and account; AWS also takes them with both.
const INTEGRATION_ARN = new RegExp(`^arn:${PARTITION}:states:(?:[a-z0-9-]*):(?:\\d{12})?:([a-z0-9-]+):([^\\s]+)$`);

function splitPattern(api: string): { api: string; pattern: IntegrationPattern } | undefined {
  if (api.endsWith('.sync:2')) return { api: api.slice(0, -7), pattern: 'sync2' };
  if (api.endsWith('.sync')) return { api: api.slice(0, -5), pattern: 'sync' };
  if (api.endsWith('.waitForTaskToken')) return { api: api.slice(0, -17), pattern: 'waitForTaskToken' };
  if (api.includes('.')) return undefined;
  return { api, pattern: 'request-response' };
}

/** The resource a Task names, or undefined when Step Functions would not recognize it. */
export function parseTaskResource(resource: string): ParsedResource | undefined {
  if (LAMBDA_ARN.test(resource)) return { kind: 'lambda-function', pattern: 'request-response' };
  if (ACTIVITY_ARN.test(resource)) return { kind: 'activity', pattern: 'request-response' };
  const m = INTEGRATION_ARN.exec(resource);
  if (!m) return undefined;
  const service = m[1] ?? '';
  const rest = m[2] ?? '';
  if (service === 'aws-sdk') {
    const sdk = /^([a-z0-9-]+):([a-z][A-Za-z0-9]*)(\.waitForTaskToken)?$/.exec(rest);
    if (!sdk) return undefined;
    return { kind: 'aws-sdk', service: sdk[1], api: sdk[2], pattern: sdk[3] ? 'waitForTaskToken' : 'request-response' };
  }
  const split = splitPattern(rest);
  if (!split) return undefined;
  const patterns = OPTIMIZED[service]?.[split.api];
  if (patterns === undefined || !patterns.includes(PATTERN_CODE[split.pattern])) return undefined;
  return { kind: 'optimized', service, api: split.api, pattern: split.pattern };
}

const S3_READER = new RegExp(`^arn:${PARTITION}:states:::s3:(getObject|listObjectsV2)$`);
const S3_WRITER = new RegExp(`^arn:${PARTITION}:states:::s3:putObject$`);

/** A Distributed Map ItemReader resource. */
export function isItemReaderResource(resource: string): boolean {
  return S3_READER.test(resource);
}

/** A Distributed Map ResultWriter resource. */
export function isResultWriterResource(resource: string): boolean {
  return S3_WRITER.test(resource);
}
