using Amazon.CDK.Assertions;

namespace SyntheticData.Infrastructure.Tests;

[Collection(AppCollection.Name)]
public sealed class SecurityStackTests(AppFixture app)
{
    [Fact]
    public void Keys_RotatedAndAliasedPerClass()
    {
        app.Security.ResourceCountIs("AWS::KMS::Key", 4);
        var rotating = app.Security.FindResources("AWS::KMS::Key", Props(new() { ["EnableKeyRotation"] = true }));
        Assert.Equal(4, rotating.Count);

        foreach (var dataClass in new[] { "raw", "anonymized", "synthetic", "audit" })
        {
            app.Security.HasResourceProperties("AWS::KMS::Alias", new Dictionary<string, object>
            {
                ["AliasName"] = $"alias/synthdata-test/{dataClass}",
            });
        }
    }

    [Fact]
    public void Keys_GrantKmsStarOnlyToRoot()
    {
        foreach (var key in app.Templates.OfType("AWS::KMS::Key"))
        {
            var statements = key.Properties["KeyPolicy"]!["Statement"]!.AsArray();
            var full = statements.Where(s => s!["Action"]!.ToJsonString() is "\"kms:*\"" or "\"*\"").ToList();

            var root = Assert.Single(full);
            Assert.Equal("arn:${AWS::Partition}:iam::${AWS::AccountId}:root", app.Templates.Render(root!["Principal"]!["AWS"], key.Stack));
        }
    }

    [Fact]
    public void AuditKey_ScopesCloudTrailToTrail()
    {
        var auditKeyId = AppFixture.LogicalId(app.Stacks.Security.AuditKey);
        var statement = KeyStatement(auditKeyId, "AllowCloudTrailToEncryptLogs");

        Assert.Equal("cloudtrail.amazonaws.com", statement["Principal"]!["Service"]!.GetValue<string>());
        Assert.Equal("kms:GenerateDataKey*", statement["Action"]!.GetValue<string>());
        var stack = app.Templates.Stacks.Single(s => s.StackName == app.Stacks.Security.StackName);
        Assert.Equal(
            "arn:${AWS::Partition}:cloudtrail:${AWS::Region}:${AWS::AccountId}:trail/synthdata-test-trail",
            app.Templates.Render(statement["Condition"]!["StringEquals"]!["aws:SourceArn"], stack));
        Assert.Equal(
            "arn:${AWS::Partition}:cloudtrail:*:${AWS::AccountId}:trail/*",
            app.Templates.Render(statement["Condition"]!["StringLike"]!["kms:EncryptionContext:aws:cloudtrail:arn"], stack));
    }

    [Fact]
    public void AuditKey_ScopesLogsToTrailGroup()
    {
        var auditKeyId = AppFixture.LogicalId(app.Stacks.Security.AuditKey);
        var statement = KeyStatement(auditKeyId, "AllowCloudWatchLogsForTrailLogGroup");
        var stack = app.Templates.Stacks.Single(s => s.StackName == app.Stacks.Security.StackName);

        Assert.Equal("logs.${AWS::Region}.amazonaws.com", app.Templates.Render(statement["Principal"]!["Service"], stack));
        Assert.Equal(
            "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/synthdata/test/cloudtrail",
            app.Templates.Render(statement["Condition"]!["ArnEquals"]!["kms:EncryptionContext:aws:logs:arn"], stack));
    }

    [Fact]
    public void AuditKey_AdmitsAlarmsAndLogDelivery()
    {
        var auditKeyId = AppFixture.LogicalId(app.Stacks.Security.AuditKey);

        var alarms = KeyStatement(auditKeyId, "AllowCloudWatchAlarmsToPublishToEncryptedTopic");
        Assert.Equal("cloudwatch.amazonaws.com", alarms["Principal"]!["Service"]!.GetValue<string>());
        Assert.Equal("[\"kms:Decrypt\",\"kms:GenerateDataKey*\"]", alarms["Action"]!.ToJsonString());

        var logDelivery = KeyStatement(auditKeyId, "AllowS3ServerAccessLogDelivery");
        Assert.Equal("logging.s3.amazonaws.com", logDelivery["Principal"]!["Service"]!.GetValue<string>());
        Assert.NotNull(logDelivery["Condition"]!["StringEquals"]!["aws:SourceAccount"]);
    }

    [Fact]
    public void RawKey_LetsS3EncryptQueueNotifications()
    {
        var rawKeyId = AppFixture.LogicalId(app.Stacks.Security.RawKey);
        var statement = KeyStatement(rawKeyId, "AllowS3EventNotificationsToEncryptedQueue");

        Assert.Equal("s3.amazonaws.com", statement["Principal"]!["Service"]!.GetValue<string>());
        Assert.Equal("[\"kms:GenerateDataKey*\",\"kms:Decrypt\"]", statement["Action"]!.ToJsonString());
    }

    [Fact]
    public void Trail_IsMultiRegionValidatedAndEncrypted()
    {
        app.Security.HasResourceProperties("AWS::CloudTrail::Trail", new Dictionary<string, object>
        {
            ["TrailName"] = "synthdata-test-trail",
            ["IsMultiRegionTrail"] = true,
            ["IncludeGlobalServiceEvents"] = true,
            ["EnableLogFileValidation"] = true,
            ["IsLogging"] = true,
            ["KMSKeyId"] = GetAtt(AppFixture.LogicalId(app.Stacks.Security.AuditKey), "Arn"),
            ["CloudWatchLogsLogGroupArn"] = GetAtt(AppFixture.LogicalId(app.Stacks.Security.TrailLogGroup), "Arn"),
            ["S3BucketName"] = new Dictionary<string, object> { ["Ref"] = AppFixture.LogicalId(app.Stacks.Security.TrailBucket) },
        });
    }

    [Fact]
    public void Trail_RecordsManagementAndDataBucketEvents()
    {
        var trail = Assert.Single(app.Templates.OfType("AWS::CloudTrail::Trail"));
        var selector = Assert.Single(trail.Properties["EventSelectors"]!.AsArray())!;
        Assert.True(selector["IncludeManagementEvents"]!.GetValue<bool>());
        Assert.Equal("All", selector["ReadWriteType"]!.GetValue<string>());

        var dataResource = Assert.Single(selector["DataResources"]!.AsArray())!;
        Assert.Equal("AWS::S3::Object", dataResource["Type"]!.GetValue<string>());
        var recorded = app.Templates.RenderList(dataResource["Values"], trail.Stack).Order().ToList();

        // The names in the trail must be the names of the data stack's buckets.
        var data = app.Stacks.Data;
        var expected = new[] { data.LandingBucket, data.AnonymizedBucket, data.SyntheticBucket, data.QuarantineBucket }
            .Select(bucket => app.Templates.Stacks.Single(s => s.StackName == data.StackName).FindResource(AppFixture.LogicalId(bucket))!)
            .Select(bucket => $"arn:${{AWS::Partition}}:s3:::{app.Templates.Render(bucket.Properties["BucketName"], bucket.Stack)}/")
            .Order()
            .ToList();
        Assert.Equal(expected, recorded);
    }

    [Fact]
    public void TrailBucket_LocksLogsForRetentionPeriod()
    {
        var bucketId = AppFixture.LogicalId(app.Stacks.Security.TrailBucket);

        var expected = new Dictionary<string, object>
        {
            ["Properties"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["ObjectLockEnabled"] = true,
                ["ObjectLockConfiguration"] = new Dictionary<string, object>
                {
                    ["ObjectLockEnabled"] = "Enabled",
                    ["Rule"] = new Dictionary<string, object>
                    {
                        ["DefaultRetention"] = new Dictionary<string, object> { ["Mode"] = "GOVERNANCE", ["Days"] = 365 },
                    },
                },
                ["VersioningConfiguration"] = new Dictionary<string, object> { ["Status"] = "Enabled" },
                ["LoggingConfiguration"] = Match.ObjectLike(new Dictionary<string, object>
                {
                    ["DestinationBucketName"] = new Dictionary<string, object> { ["Ref"] = AppFixture.LogicalId(app.Stacks.Security.AuditAccessLogsBucket) },
                }),
            }),
        };
        Assert.Single(app.Security.FindResources("AWS::S3::Bucket", expected), pair => pair.Key == bucketId);
    }

    [Fact]
    public void TrailBucket_AuditKeyAndTlsOnly()
    {
        var bucketId = AppFixture.LogicalId(app.Stacks.Security.TrailBucket);
        AssertBucket(app.Security, bucketId, new Dictionary<string, object>
        {
            ["BucketEncryption"] = KmsEncryption(GetAtt(AppFixture.LogicalId(app.Stacks.Security.AuditKey), "Arn")),
            ["PublicAccessBlockConfiguration"] = BlockAll(),
        });
        AssertTlsOnly(app.Security, bucketId);
    }

    [Fact]
    public void TrailLogGroup_HasRetentionAndAuditKey()
    {
        app.Security.HasResourceProperties("AWS::Logs::LogGroup", new Dictionary<string, object>
        {
            ["LogGroupName"] = "/synthdata/test/cloudtrail",
            ["RetentionInDays"] = 365,
            ["KmsKeyId"] = GetAtt(AppFixture.LogicalId(app.Stacks.Security.AuditKey), "Arn"),
        });
    }

    internal static void AssertTlsOnly(Template template, string bucketLogicalId)
    {
        template.HasResourceProperties("AWS::S3::BucketPolicy", new Dictionary<string, object>
        {
            ["Bucket"] = new Dictionary<string, object> { ["Ref"] = bucketLogicalId },
            ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith(new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Effect"] = "Deny",
                        ["Action"] = "s3:*",
                        ["Principal"] = new Dictionary<string, object> { ["AWS"] = "*" },
                        ["Condition"] = new Dictionary<string, object>
                        {
                            ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" },
                        },
                    }),
                }),
            }),
        });
    }

    internal static void AssertBucket(Template template, string bucketLogicalId, Dictionary<string, object> properties)
    {
        var matching = template.FindResources("AWS::S3::Bucket", Props(properties));
        Assert.True(matching.ContainsKey(bucketLogicalId), $"Bucket {bucketLogicalId} does not have the expected properties.");
    }

    internal static Dictionary<string, object> KmsEncryption(object keyArn) => new()
    {
        ["ServerSideEncryptionConfiguration"] = new object[]
        {
            new Dictionary<string, object>
            {
                ["BucketKeyEnabled"] = true,
                ["ServerSideEncryptionByDefault"] = new Dictionary<string, object>
                {
                    ["SSEAlgorithm"] = "aws:kms",
                    ["KMSMasterKeyID"] = keyArn,
                },
            },
        },
    };

    internal static Dictionary<string, object> BlockAll() => new()
    {
        ["BlockPublicAcls"] = true,
        ["BlockPublicPolicy"] = true,
        ["IgnorePublicAcls"] = true,
        ["RestrictPublicBuckets"] = true,
    };

    internal static Dictionary<string, object> GetAtt(string logicalId, string attribute) =>
        new() { ["Fn::GetAtt"] = new object[] { logicalId, attribute } };

    internal static Dictionary<string, object> Props(Dictionary<string, object> properties) =>
        new() { ["Properties"] = Match.ObjectLike(properties) };

    private System.Text.Json.Nodes.JsonNode KeyStatement(string keyLogicalId, string sid)
    {
        var key = app.Templates.Resources.Single(r => r.LogicalId == keyLogicalId && r.Type == "AWS::KMS::Key");
        return key.Properties["KeyPolicy"]!["Statement"]!.AsArray().Single(s => s!["Sid"]?.GetValue<string>() == sid)!;
    }
}
