using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SyntheticData.Privacy.Policies;

/// <summary>Source-generated serialization metadata for the operator parameters that <see cref="PolicyDrafter"/> writes.</summary>
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class PolicyDraftJsonContext : JsonSerializerContext;
