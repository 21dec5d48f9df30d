using System.Text.Json.Serialization;

namespace SyntheticData.Pipeline.Runs;

/// <summary>Source-generated serialization metadata for <see cref="RunManifest"/>.</summary>
[JsonSerializable(typeof(RunManifest))]
internal sealed partial class RunManifestJsonContext : JsonSerializerContext;
