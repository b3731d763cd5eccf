using System.Text.Json.Nodes;

namespace ReportDsl.Web.Tests;

/// <summary>Where two JSON documents first differ, for failure messages that point at the difference instead of printing both.</summary>
internal static class JsonDiff
{
    public static string? First(JsonNode? actual, JsonNode? expected, string path = "$")
    {
        switch (actual, expected)
        {
            case (JsonObject a, JsonObject e):
                foreach (var key in a.Select(p => p.Key).Union(e.Select(p => p.Key)))
                {
                    if (First(a[key], e[key], $"{path}.{key}") is { } difference)
                    {
                        return difference;
                    }
                }

                return a.Count == e.Count ? null : $"{path}: {a.Count} properties, expected {e.Count}";
            case (JsonArray a, JsonArray e):
                for (var i = 0; i < Math.Min(a.Count, e.Count); i++)
                {
                    if (First(a[i], e[i], $"{path}[{i}]") is { } difference)
                    {
                        return difference;
                    }
                }

                return a.Count == e.Count ? null : $"{path}: {a.Count} items, expected {e.Count}";
            default:
                return JsonNode.DeepEquals(actual, expected) ? null : $"{path}: {actual?.ToJsonString() ?? "absent"}, expected {expected?.ToJsonString() ?? "absent"}";
        }
    }
}
