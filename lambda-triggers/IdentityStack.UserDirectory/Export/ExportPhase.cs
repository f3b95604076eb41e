using System.Text.Json.Serialization;

namespace IdentityStack.UserDirectory.Export;

/// <summary>Where an export is: each phase lists one kind of record, then the manifest ends it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExportPhase>))]
public enum ExportPhase
{
    /// <summary>Listing the pool's users (ListUsers, 60 a page).</summary>
    Users,

    /// <summary>Listing the groups.</summary>
    Groups,

    /// <summary>Listing each group's members.</summary>
    Memberships,

    /// <summary>Scanning the directory table.</summary>
    DirectoryItems,

    /// <summary>The manifest is written: the snapshot is complete.</summary>
    Done,
}
