const NAME = /^[A-Za-z0-9_-]{1,80}$/;
const FIFO_NAME = /^[A-Za-z0-9_-]{1,75}\.fifo$/;

export function isValidQueueName(name: string, fifo: boolean): boolean {
  return fifo ? FIFO_NAME.test(name) : NAME.test(name);
}

export const QUEUE_NAME_RULES =
  'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length';
