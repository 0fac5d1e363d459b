// Per-topic counters since start, named after CloudWatch's AWS/SNS metrics.
export interface TopicCounts {
  published: number;
  delivered: number;
  failed: number;
  filteredOut: number;
  redrivenToDlq: number;
}

export class SnsCounters {
  private readonly byTopic = new Map<string, TopicCounts>();

  add(topicArn: string, what: keyof TopicCounts, n = 1): void {
    let c = this.byTopic.get(topicArn);
    if (!c) {
      c = { published: 0, delivered: 0, failed: 0, filteredOut: 0, redrivenToDlq: 0 };
      this.byTopic.set(topicArn, c);
    }
    c[what] += n;
  }

  entries(): Array<[string, TopicCounts]> {
    return [...this.byTopic.entries()];
  }
}
