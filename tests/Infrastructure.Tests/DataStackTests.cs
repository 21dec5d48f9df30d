using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.S3;
using SyntheticData.Infrastructure.Compliance;
using SyntheticData.Infrastructure.Stacks;

namespace SyntheticData.Infrastructure.Tests;

[Collection(AppCollection.Name)]
public sealed class DataStackTests(AppFixture app)
{
    private DataStack Data => app.Stacks.Data;

    private SecurityStack Security => app.Stacks.Security;

    [Fact]
    public void Buckets_LandingAnonymizedSyntheticAreDistinct()
    {
        app.Data.ResourceCountIs("AWS::S3::Bucket", 5);
        var ids = new[] { Data.LandingBucket, Data.AnonymizedBucket, Data.SyntheticBucket, Data.QuarantineBucket, Data.AccessLogsBucket }
            .Select(AppFixture.LogicalId)
            .ToList();
        Assert.Equal(5, ids.Distinct().Count());

        var names = ids.Select(id => Rendered(id, "BucketName")).ToList();
        Assert.Equal(5, names.Distinct().Count());
        Assert.Equal("synthdata-test-landing-${AWS::AccountId}-${AWS::Region}", names[0]);
    }

    [Fact]
    public void Buckets_UseDataClassKey()
    {
        var expected = new (Bucket Bucket, Amazon.CDK.AWS.KMS.Key Key)[]
        {
            (Data.LandingBucket, Security.RawKey),
            (Data.QuarantineBucket, Security.RawKey),
            (Data.AnonymizedBucket, Security.AnonymizedKey),
            (Data.SyntheticBucket, Security.SyntheticKey),
            (Data.AccessLogsBucket, Security.AuditKey),
        };

        foreach (var (bucket, key) in expected)
        {
            var resource = Resource(AppFixture.LogicalId(bucket));
            var rule = resource.Properties["BucketEncryption"]!["ServerSideEncryptionConfiguration"]![0]!;
            Assert.Equal("aws:kms", rule["ServerSideEncryptionByDefault"]!["SSEAlgorithm"]!.GetValue<string>());
            Assert.Equal(AppFixture.RenderedArn(key), app.Templates.Render(rule["ServerSideEncryptionByDefault"]!["KMSMasterKeyID"], resource.Stack));
            Assert.True(rule["BucketKeyEnabled"]!.GetValue<bool>());
        }
    }

    [Fact]
    public void Buckets_AreTlsOnlyPrivateVersionedAndLogged()
    {
        var accessLogsId = AppFixture.LogicalId(Data.AccessLogsBucket);
        foreach (var bucket in new[] { Data.LandingBucket, Data.AnonymizedBucket, Data.SyntheticBucket, Data.QuarantineBucket })
        {
            var id = AppFixture.LogicalId(bucket);
            SecurityStackTests.AssertBucket(app.Data, id, new Dictionary<string, object>
            {
                ["PublicAccessBlockConfiguration"] = SecurityStackTests.BlockAll(),
                ["VersioningConfiguration"] = new Dictionary<string, object> { ["Status"] = "Enabled" },
                ["OwnershipControls"] = new Dictionary<string, object>
                {
                    ["Rules"] = new object[] { new Dictionary<string, object> { ["ObjectOwnership"] = "BucketOwnerEnforced" } },
                },
                ["LoggingConfiguration"] = new Dictionary<string, object>
                {
                    ["DestinationBucketName"] = new Dictionary<string, object> { ["Ref"] = accessLogsId },
                    ["LogFilePrefix"] = Resource(id).Tag(ResourceTags.BucketPurpose) + "/",
                },
            });
            SecurityStackTests.AssertTlsOnly(app.Data, id);
        }

        SecurityStackTests.AssertTlsOnly(app.Data, accessLogsId);
    }

    [Fact]
    public void AccessLogsBucket_AdmitsOwnAccountDelivery()
    {
        app.Data.HasResourceProperties("AWS::S3::BucketPolicy", new Dictionary<string, object>
        {
            ["Bucket"] = new Dictionary<string, object> { ["Ref"] = AppFixture.LogicalId(Data.AccessLogsBucket) },
            ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith(new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Effect"] = "Allow",
                        ["Action"] = "s3:PutObject",
                        ["Principal"] = new Dictionary<string, object> { ["Service"] = "logging.s3.amazonaws.com" },
                        ["Condition"] = Match.ObjectLike(new Dictionary<string, object>
                        {
                            ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = new Dictionary<string, object> { ["Ref"] = "AWS::AccountId" } },
                        }),
                    }),
                }),
            }),
        });
    }

    [Fact]
    public void RawBuckets_ExpireAfterRawRetention()
    {
        foreach (var bucket in new[] { Data.LandingBucket, Data.QuarantineBucket })
        {
            SecurityStackTests.AssertBucket(app.Data, AppFixture.LogicalId(bucket), new Dictionary<string, object>
            {
                ["LifecycleConfiguration"] = new Dictionary<string, object>
                {
                    ["Rules"] = new object[]
                    {
                        new Dictionary<string, object>
                        {
                            ["Id"] = "expire-objects",
                            ["Status"] = "Enabled",
                            ["ExpirationInDays"] = 21,
                            ["NoncurrentVersionExpiration"] = new Dictionary<string, object> { ["NoncurrentDays"] = 30 },
                            ["AbortIncompleteMultipartUpload"] = new Dictionary<string, object> { ["DaysAfterInitiation"] = 7 },
                        },
                    },
                },
            });
        }
    }

    [Fact]
    public void OutputBuckets_ExpireOnlyOldVersions()
    {
        foreach (var bucket in new[] { Data.AnonymizedBucket, Data.SyntheticBucket })
        {
            SecurityStackTests.AssertBucket(app.Data, AppFixture.LogicalId(bucket), new Dictionary<string, object>
            {
                ["LifecycleConfiguration"] = new Dictionary<string, object>
                {
                    ["Rules"] = new object[]
                    {
                        Match.ObjectLike(new Dictionary<string, object>
                        {
                            ["Status"] = "Enabled",
                            ["ExpirationInDays"] = Match.Absent(),
                            ["NoncurrentVersionExpiration"] = new Dictionary<string, object> { ["NoncurrentDays"] = 30 },
                            ["AbortIncompleteMultipartUpload"] = new Dictionary<string, object> { ["DaysAfterInitiation"] = 7 },
                        }),
                    },
                },
            });
        }
    }

    [Fact]
    public void LandingQueue_EncryptionRedriveAndTimeout()
    {
        var queue = Resource(AppFixture.LogicalId(Data.LandingEventsQueue));
        Assert.Equal(AppFixture.RenderedArn(Security.RawKey), app.Templates.Render(queue.Properties["KmsMasterKeyId"], queue.Stack));
        Assert.Equal(360, queue.Properties["VisibilityTimeout"]!.GetValue<int>());
        Assert.Equal(5, queue.Properties["RedrivePolicy"]!["maxReceiveCount"]!.GetValue<int>());
        Assert.Equal(
            AppFixture.RenderedArn(Data.LandingEventsDeadLetterQueue),
            app.Templates.Render(queue.Properties["RedrivePolicy"]!["deadLetterTargetArn"], queue.Stack));

        var deadLetter = Resource(AppFixture.LogicalId(Data.LandingEventsDeadLetterQueue));
        Assert.Equal(AppFixture.RenderedArn(Security.RawKey), app.Templates.Render(deadLetter.Properties["KmsMasterKeyId"], deadLetter.Stack));
        Assert.Equal(14 * 24 * 3600, deadLetter.Properties["MessageRetentionPeriod"]!.GetValue<int>());
    }

    [Fact]
    public void LandingQueuePolicy_AdmitsOnlyLandingBucket()
    {
        var queueId = AppFixture.LogicalId(Data.LandingEventsQueue);
        app.Data.HasResourceProperties("AWS::SQS::QueuePolicy", new Dictionary<string, object>
        {
            ["Queues"] = new object[] { new Dictionary<string, object> { ["Ref"] = queueId } },
            ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith(new object[]
                {
                    new Dictionary<string, object>
                    {
                        ["Sid"] = "AllowLandingBucketNotifications",
                        ["Effect"] = "Allow",
                        ["Action"] = "sqs:SendMessage",
                        ["Principal"] = new Dictionary<string, object> { ["Service"] = "s3.amazonaws.com" },
                        ["Resource"] = SecurityStackTests.GetAtt(queueId, "Arn"),
                        ["Condition"] = new Dictionary<string, object>
                        {
                            ["ArnEquals"] = new Dictionary<string, object> { ["aws:SourceArn"] = SecurityStackTests.GetAtt(AppFixture.LogicalId(Data.LandingBucket), "Arn") },
                            ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = new Dictionary<string, object> { ["Ref"] = "AWS::AccountId" } },
                        },
                    },
                }),
            }),
        });
    }

    [Fact]
    public void LandingNotifications_FilterIncomingSuffixes()
    {
        var notifications = Assert.Single(app.Templates.OfType("Custom::S3BucketNotifications"));
        Assert.Equal($"${{{Data.StackName}/{AppFixture.LogicalId(Data.LandingBucket)}}}", app.Templates.Render(notifications.Properties["BucketName"], notifications.Stack));

        var configurations = notifications.Properties["NotificationConfiguration"]!["QueueConfigurations"]!.AsArray();
        var suffixes = new List<string>();
        foreach (var configuration in configurations)
        {
            Assert.Equal("[\"s3:ObjectCreated:*\"]", configuration!["Events"]!.ToJsonString());
            Assert.Equal(AppFixture.RenderedArn(Data.LandingEventsQueue), app.Templates.Render(configuration["QueueArn"], notifications.Stack));

            var rules = configuration["Filter"]!["Key"]!["FilterRules"]!.AsArray()
                .ToDictionary(rule => rule!["Name"]!.GetValue<string>(), rule => rule!["Value"]!.GetValue<string>());
            Assert.Equal("incoming/", rules["prefix"]);
            suffixes.Add(rules["suffix"]);
        }

        Assert.Equal([".csv", ".csv.gz", ".jsonl", ".parquet"], suffixes.Order());
        Assert.Empty(notifications.Properties["NotificationConfiguration"]!["LambdaFunctionConfigurations"]?.AsArray() ?? []);
    }

    private TemplateResource Resource(string logicalId) =>
        app.Templates.Stacks.Single(s => s.StackName == Data.StackName).FindResource(logicalId)!;

    private string Rendered(string logicalId, string property)
    {
        var resource = Resource(logicalId);
        return app.Templates.Render(resource.Properties[property], resource.Stack);
    }
}
