using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SQS;
using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace SyntheticData.Infrastructure.Internal;

/// <summary>
/// Sends bucket notifications to a queue without changing the queue's or the key's policy.
/// </summary>
/// <remarks>
/// The CDK's own SQS destination grants S3 access to the queue's key with a condition on the
/// bucket's ARN. With the key in the security stack and the bucket in the data stack, that
/// statement would make the security stack depend on the data stack. The data stack writes the
/// queue policy itself and the security stack grants S3 use of the raw key.
/// </remarks>
internal sealed class QueueNotificationDestination(Queue queue) : DeputyBase, IBucketNotificationDestination
{
    public IBucketNotificationDestinationConfig Bind(Construct scope, IBucket bucket) =>
        new BucketNotificationDestinationConfig
        {
            Arn = queue.QueueArn,
            Type = BucketNotificationDestinationType.QUEUE,
            // S3 checks the destination when the notification is configured, so the queue policy
            // must exist first; a dependency on the queue includes its policy.
            Dependencies = [queue],
        };
}
