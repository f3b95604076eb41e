using System.Text.Json;
using IdentityStack.App.Configuration;
using IdentityStack.App.Tests.Fixtures;

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
        using var document = JsonDocument.Parse("""{ "qa": { "region": "eu-west-1", "production": true, "retention": { "logDays": 731, "noncurrentVersionDays": 7 } } }""");

        var stage = StageConfigReader.Read(document.RootElement.Clone())["qa"];

        Assert.Equal(731, stage.LogRetentionDays);
        Assert.Equal(7, stage.NoncurrentVersionDays);
    }
}
