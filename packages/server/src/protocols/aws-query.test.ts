import { describe, expect, it } from 'vitest';
import { sqsModel } from '../services/sqs/model.js';
import { encodeQueryError, encodeQueryResponse } from './aws-query.js';
import { encodeJsonError, encodeJsonResponse } from './aws-json.js';
import { AwsError, CommonErrors } from './errors.js';

describe('query protocol replies', () => {
  it('writes flattened lists and maps with their model element names', () => {
    const xml = encodeQueryResponse(sqsModel, 'ReceiveMessage', {
      Messages: [{ MessageId: 'm', Body: 'b', Attributes: { SenderId: 's' }, MessageAttributes: { k: { DataType: 'String', StringValue: 'v' } } }],
    }, 'rid');
    expect(xml).toContain('<ReceiveMessageResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/"><ReceiveMessageResult><Message>');
    expect(xml).toContain('<Attribute><Name>SenderId</Name><Value>s</Value></Attribute>');
    expect(xml).toContain('<MessageAttribute><Name>k</Name><Value><DataType>String</DataType><StringValue>v</StringValue></Value></MessageAttribute>');
    expect(xml).toContain('<ResponseMetadata><RequestId>rid</RequestId></ResponseMetadata>');
  });

  it('writes only response metadata for operations without output', () => {
    expect(encodeQueryResponse(sqsModel, 'DeleteQueue', undefined, 'r')).toBe(
      '<?xml version="1.0"?><DeleteQueueResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/"><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DeleteQueueResponse>',
    );
  });

  it('escapes markup, quotes and carriage returns in text', () => {
    const xml = encodeQueryResponse(sqsModel, 'GetQueueUrl', { QueueUrl: `a<b>&"c"\r\n` }, 'r');
    expect(xml).toContain('<QueueUrl>a&lt;b&gt;&amp;&quot;c&quot;&#xD;\n</QueueUrl>');
  });

  it('writes base64 for binary values', () => {
    const xml = encodeQueryResponse(sqsModel, 'ReceiveMessage', {
      Messages: [{ MessageAttributes: { k: { DataType: 'Binary', BinaryValue: Buffer.from([255, 0]) } } }],
    }, 'r');
    expect(xml).toContain('<BinaryValue>/wA=</BinaryValue>');
  });

  it('writes errors as ErrorResponse with type, code, message, detail and request id', () => {
    const err = new AwsError(CommonErrors.InvalidParameterValue, 'bad <value>');
    expect(encodeQueryError(sqsModel, err, 'rid')).toBe(
      '<?xml version="1.0"?><ErrorResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/"><Error><Type>Sender</Type><Code>InvalidParameterValue</Code><Message>bad &lt;value&gt;</Message><Detail/></Error><RequestId>rid</RequestId></ErrorResponse>',
    );
  });
});

describe('JSON protocol replies', () => {
  it('names the error shape with the service namespace and sends the legacy code header', () => {
    const err = new AwsError(CommonErrors.InvalidParameterValue, 'bad');
    const { body, headers } = encodeJsonError(sqsModel, err);
    expect(JSON.parse(body)).toEqual({ __type: 'com.amazonaws.sqs#InvalidParameterValueException', message: 'bad' });
    expect(headers['x-amzn-query-error']).toBe('InvalidParameterValue;Sender');
  });

  it('writes binary values as base64 strings', () => {
    expect(JSON.parse(encodeJsonResponse({ v: Buffer.from([1, 2, 3]), u: new Uint8Array([4]) }))).toEqual({ v: 'AQID', u: 'BA==' });
  });
});
