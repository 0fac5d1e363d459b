// The document kinds SNS keeps for mobile push and SMS (see SnsStore documents).
/** key: the platform application ARN; value: { Name, Platform, Attributes } */
export const APPLICATION_KIND = 'platform-application';
/** key: the endpoint ARN; value: { ApplicationArn, Token, Attributes } */
export const ENDPOINT_KIND = 'platform-endpoint';
/** key: 'attributes'; value: the account's SMS attributes */
export const SMS_ATTRIBUTES_KIND = 'sms-attributes';
/** key: phone number; value: { optedOutAt } */
export const OPTED_OUT_KIND = 'sms-opted-out';
/** key: phone number; value: { Status, code } */
export const SANDBOX_NUMBER_KIND = 'sms-sandbox-number';
