namespace IdentityStack.App.Tests;

/// <summary>No resource keeps data forever without saying so: log retention and bucket lifecycles per stage.</summary>
[Collection(SynthesizedStagesDefinition.Name)]
public sealed class RetentionTests(SynthesizedStages stages)
{
    [Theory]
    [InlineData("dev", 30)]
    [InlineData("staging", 365)]
    [InlineData("prod", 365)]
    public void Every_log_group_keeps_logs_365_days_on_production_stages_and_30_elsewhere(string stage, int days)
    {
        var groups = TemplateJson.OfType(stages[stage], "AWS::Logs::LogGroup");

        Assert.NotEmpty(groups);
        Assert.All(groups, g => Assert.Equal(days, g.Value.GetProperty("Properties").GetProperty("RetentionInDays").GetInt32()));
    }

    /// <summary>
    /// Logs name users, IP addresses and devices, so every log group is under the stage's own key
    /// (AWS Control Tower CT.CLOUDWATCH.PR.3), and the key lets only CloudWatch Logs use it for this
    /// account's log groups (CloudWatch Logs user guide, "Encrypt log data in CloudWatch Logs using
    /// AWS KMS": the service principal is logs.&lt;region&gt;.amazonaws.com and the encryption context
    /// names the log group ARN). The one exception is the user pool's own log delivery: Cognito
    /// delivers only to a log group that is not encrypted with KMS (CloudFormation reference,
    /// AWS::Cognito::LogDeliveryConfiguration CloudWatchLogsConfiguration, LogGroupArn).
    /// </summary>
    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Every_log_group_but_Cognito_s_own_is_encrypted_with_the_stage_log_key_that_only_CloudWatch_Logs_may_use(string stage)
    {
        var keys = TemplateJson.OfType(stages[stage], "AWS::KMS::Key");
        var logKey = Assert.Single(keys, k => k.Key.StartsWith("LogEncryptionKey", StringComparison.Ordinal));

        var groups = TemplateJson.OfType(stages[stage], "AWS::Logs::LogGroup");
        var userPoolLogs = Assert.Single(groups, g => g.Key.StartsWith("UserPoolLogs", StringComparison.Ordinal));
        Assert.False(userPoolLogs.Value.GetProperty("Properties").TryGetProperty("KmsKeyId", out _));
        Assert.All(groups.Where(g => !string.Equals(g.Key, userPoolLogs.Key, StringComparison.Ordinal)), g =>
            Assert.Equal(logKey.Key, g.Value.GetProperty("Properties").GetProperty("KmsKeyId").GetProperty("Fn::GetAtt")[0].GetString()));
        var statements = logKey.Value.GetProperty("Properties").GetProperty("KeyPolicy").GetProperty("Statement").EnumerateArray().ToList();
        var logs = Assert.Single(statements, s => s.TryGetProperty("Sid", out var sid) && sid.ValueEquals("CloudWatchLogsOfThisAccount"));
        Assert.Equal("logs.eu-west-1.amazonaws.com", logs.GetProperty("Principal").GetProperty("Service").GetString());
        var context = logs.GetProperty("Condition").GetProperty("ArnLike").GetProperty("kms:EncryptionContext:aws:logs:arn");
        Assert.Contains(":logs:eu-west-1:", context.GetRawText(), StringComparison.Ordinal);
        Assert.EndsWith(""":log-group:*"]]}""", context.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(statements, s => s.TryGetProperty("Sid", out var sid) && sid.ValueEquals("GrantsOnlyForAwsServices") && s.GetProperty("Effect").ValueEquals("Deny"));
    }

    [Theory]
    [InlineData("dev", 30)]
    [InlineData("staging", 365)]
    [InlineData("prod", 365)]
    public void The_files_bucket_expires_old_versions_and_unfinished_uploads_and_its_access_logs_expire(string stage, int logDays)
    {
        var buckets = TemplateJson.OfType(stages[stage], "AWS::S3::Bucket");
        var files = buckets.Single(b => b.Key.StartsWith("UserDataFiles", StringComparison.Ordinal)).Value.GetProperty("Properties");
        var logs = buckets.Single(b => b.Key.StartsWith("UserDataAccessLogs", StringComparison.Ordinal)).Value.GetProperty("Properties");

        var fileRule = Assert.Single(files.GetProperty("LifecycleConfiguration").GetProperty("Rules").EnumerateArray());
        Assert.Equal(30, fileRule.GetProperty("NoncurrentVersionExpiration").GetProperty("NoncurrentDays").GetInt32());
        Assert.Equal(7, fileRule.GetProperty("AbortIncompleteMultipartUpload").GetProperty("DaysAfterInitiation").GetInt32());
        Assert.False(fileRule.TryGetProperty("ExpirationInDays", out _), "users' current files stay as long as users keep them");

        Assert.Equal("Enabled", logs.GetProperty("VersioningConfiguration").GetProperty("Status").GetString());
        var logRule = Assert.Single(logs.GetProperty("LifecycleConfiguration").GetProperty("Rules").EnumerateArray());
        Assert.Equal(logDays, logRule.GetProperty("ExpirationInDays").GetInt32());
        Assert.True(logRule.TryGetProperty("NoncurrentVersionExpiration", out _));
        Assert.True(logRule.TryGetProperty("AbortIncompleteMultipartUpload", out _));
    }

    [Theory]
    [InlineData("""{ "logDays": 45 }""", "stages.qa.retention.logDays", "one of 1, 3, 5, 7, 14, 30, 60, 90")]
    [InlineData("""{ "logDays": 0 }""", "stages.qa.retention.logDays", "from 1 to 3653")]
    [InlineData("""{ "noncurrentVersionDays": -1 }""", "stages.qa.retention.noncurrentVersionDays", "from 1 to 3650")]
    [InlineData("""{ "days": 30 }""", "stages.qa.retention.days", "unknown field")]
    public void Bad_retention_is_refused_with_its_path(string retention, string path, string fixMentions)
    {
        var problem = StageConfigProblems.Only($$"""{ "qa": { "region": "eu-west-1", "retention": {{retention}} } }""");

        Assert.Equal(path, problem.Path);
        Assert.Contains(fixMentions, problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_retention_wins_over_the_role_default()
    {
        using var document = JsonDocument.Parse("""{ "qa": { "region": "eu-west-1", "production": true, "alarms": { "email": ["oncall@example.com"] }, "retention": { "logDays": 731, "noncurrentVersionDays": 7 } } }""");

        var stage = StageConfigReader.Read(document.RootElement.Clone())["qa"];

        Assert.Equal(731, stage.LogRetentionDays);
        Assert.Equal(7, stage.NoncurrentVersionDays);
    }
}
