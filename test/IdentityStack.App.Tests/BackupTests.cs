using IdentityStack.Constructs.Backup;

namespace IdentityStack.App.Tests;

/// <summary>
/// The user directory's backup per stage: production stages have it whether they say so or not,
/// others when they ask; the stage publishes where snapshots go; bad settings are refused by path.
/// </summary>
[Collection(SynthesizedStagesDefinition.Name)]
public sealed class BackupTests(SynthesizedStages stages)
{
    private static IReadOnlyDictionary<string, StageConfig> Read(string stagesJson)
    {
        using var document = JsonDocument.Parse(stagesJson);
        return StageConfigReader.Read(document.RootElement.Clone());
    }

    [Theory]
    [InlineData("dev", "GOVERNANCE", 7)]
    [InlineData("staging", "COMPLIANCE", 35)]
    [InlineData("prod", "COMPLIANCE", 35)]
    public void Every_committed_stage_exports_its_directory_to_a_locked_bucket_and_publishes_where(string stage, string mode, int days)
    {
        var bucket = Assert.Single(TemplateJson.OfType(stages[stage], "AWS::S3::Bucket"), b => b.Key.StartsWith("BackupSnapshots", StringComparison.Ordinal));
        var retention = bucket.Value.GetProperty("Properties").GetProperty("ObjectLockConfiguration").GetProperty("Rule").GetProperty("DefaultRetention");
        Assert.Equal(mode, retention.GetProperty("Mode").GetString());
        Assert.Equal(days, retention.GetProperty("Days").GetInt32());
        Assert.Equal("Retain", bucket.Value.GetProperty("DeletionPolicy").GetString());

        var outputs = TemplateJson.Whole(stages[stage]).GetProperty("Outputs");
        Assert.Equal(bucket.Key, outputs.GetProperty("BackupBucketName").GetProperty("Value").GetProperty("Ref").GetString());
        Assert.StartsWith("BackupLoop", outputs.GetProperty("BackupStateMachineArn").GetProperty("Value").GetProperty("Ref").GetString(), StringComparison.Ordinal);
        Assert.Contains(TemplateJson.OfType(stages[stage], "AWS::SSM::Parameter").Values, p =>
            string.Equals(p.GetProperty("Properties").GetProperty("Name").GetString(), $"/identity/{stage}/backup/bucket-name", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void The_backup_alarms_notify_the_stages_alarm_topic(string stage)
    {
        var alarms = TemplateJson.OfType(stages[stage], "AWS::CloudWatch::Alarm").Where(a => a.Key.StartsWith("Backup", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, alarms.Count);
        Assert.All(alarms, a => Assert.StartsWith("AlarmsTopic", a.Value.GetProperty("Properties").GetProperty("AlarmActions")[0].GetProperty("Ref").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public void A_production_stage_has_a_backup_without_asking_and_another_only_with_a_section()
    {
        var read = Read("""
            {
              "prod1": { "region": "eu-west-1", "production": true, "alarms": { "email": ["oncall@example.com"] } },
              "qa": { "region": "eu-west-1" },
              "qa2": { "region": "eu-west-1", "backup": { "intervalHours": 6 } },
              "prod2": { "region": "eu-west-1", "production": true, "alarms": { "email": ["oncall@example.com"] }, "backup": { "enabled": false } }
            }
            """);

        Assert.Equal(new UserDirectoryBackupOptions(), read["prod1"].Backup);
        Assert.Null(read["qa"].Backup);
        Assert.Equal(6, read["qa2"].Backup!.IntervalHours);
        Assert.Null(read["prod2"].Backup);
    }

    [Theory]
    [InlineData("""{ "intervalHours": 0 }""", "stages.qa.backup.intervalHours")]
    [InlineData("""{ "intervalHours": "daily" }""", "stages.qa.backup.intervalHours")]
    [InlineData("""{ "intervalHours": 1e9 }""", "stages.qa.backup.intervalHours")]
    [InlineData("""{ "retentionDays": -1 }""", "stages.qa.backup.retentionDays")]
    [InlineData("""{ "intervalHours": 96, "retentionDays": 2 }""", "stages.qa.backup.retentionDays")]
    [InlineData("""{ "requestsPerSecond": 1000 }""", "stages.qa.backup.requestsPerSecond")]
    [InlineData("""{ "requestsPerSecond": null }""", "stages.qa.backup.requestsPerSecond")]
    [InlineData("""{ "lockMode": "LOCKED" }""", "stages.qa.backup.lockMode")]
    [InlineData("""{ "lockMode": "{{resolve:ssm:/x}}" }""", "stages.qa.backup.lockMode")]
    [InlineData("""{ "enabled": "yes" }""", "stages.qa.backup.enabled")]
    [InlineData("""{ "schedule": "cron(0 3 * * ? *)" }""", "stages.qa.backup.schedule")]
    [InlineData("""[ 24 ]""", "stages.qa.backup")]
    public void Bad_backup_settings_are_refused_by_their_path(string backup, string path)
    {
        var error = Assert.Throws<StageConfigException>(() => Read($$"""{ "qa": { "region": "eu-west-1", "backup": {{backup}} } }"""));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(path, problem.Path);
        Assert.DoesNotContain('\n', problem.ToString());
    }
}
