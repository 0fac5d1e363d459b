"""What the boto3 scenario scripts share: client settings and how responses and errors are
reported as JSON for the TypeScript tests to assert on."""
import base64

from botocore.config import Config
from botocore.exceptions import ClientError

# One attempt (a retry would hide the server's first answer), short connect, generous read.
CONFIG = Config(retries={'total_max_attempts': 1, 'mode': 'standard'}, connect_timeout=5, read_timeout=30)
CREDENTIALS = {'region_name': 'us-east-1', 'aws_access_key_id': 'test', 'aws_secret_access_key': 'test'}


def plain(value):
    """A response made JSON-safe: no ResponseMetadata, bytes as base64."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items() if k != 'ResponseMetadata'}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode('ascii')
    return value


def call(fn, **kwargs):
    return plain(fn(**kwargs))


def error(fn, **kwargs):
    """Calls an operation that should fail and describes the error (or the unexpected success)."""
    try:
        result = fn(**kwargs)
    except ClientError as e:
        return {
            'code': e.response['Error']['Code'],
            'message': e.response['Error'].get('Message'),
            'type': e.response['Error'].get('Type'),
            'status': e.response['ResponseMetadata']['HTTPStatusCode'],
            'exception': type(e).__name__,
        }
    return {'code': None, 'unexpected_success': plain(result)}
