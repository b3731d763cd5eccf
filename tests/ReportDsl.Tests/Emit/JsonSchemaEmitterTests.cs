using System.Text.Json;
using Json.Schema;
using ReportDsl.Emit;
using ReportDsl.Tests.Infrastructure;
using ReportDsl.Text;

namespace ReportDsl.Tests.Emit;

public sealed class JsonSchemaEmitterTests
{
    // The schema library registers schemas by $id once per process, so each is built once.
    private static readonly Dictionary<string, JsonSchema> Schemas = new()
    {
        ["2019"] = JsonSchema.FromText(Emit("2019")),
        ["2021"] = JsonSchema.FromText(Emit("2021")),
    };

    private static string Emit(string version) =>
        JsonSchemaEmitter.Emit(Compilation.Create(SourceText.From(File.ReadAllText(Path.Combine(RepoPaths.Templates, version + ".rdsl")))).Formats.Single());

    [Theory]
    [InlineData("2019")]
    [InlineData("2021")]
    public void The_committed_schemas_are_what_the_emitter_writes(string version)
    {
        var committed = File.ReadAllText(Path.Combine(RepoPaths.Templates, "examples", $"gov_info_disclosure-{version}.schema.json"));
        Emit(version).ShouldBe(committed, "regenerate with: reportdsl emit json-schema templates/gov-info-disclosure/<version>.rdsl -o templates/gov-info-disclosure/examples/gov_info_disclosure-<version>.schema.json");
        Emit(version).ShouldBe(Emit(version));
    }

    [Theory]
    [InlineData("2019-valid.json", "2019", true)]
    [InlineData("2021-valid.json", "2021", true)]
    [InlineData("2021-mistakes.json", "2021", false)]
    [InlineData("2021-valid.json", "2019", false)]
    public void The_examples_are_checked_by_the_schema(string example, string version, bool valid)
    {
        var schema = Schemas[version];
        using var data = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Templates, "examples", example)));
        schema.Evaluate(data.RootElement).IsValid.ShouldBe(valid);
    }

    [Fact]
    public void Existence_rules_are_described_on_the_cells_and_texts_they_require()
    {
        var schema = JsonNode(JsonSchemaEmitter.Emit(Compilation.Create(SourceText.From(CSharpEmitterTests.PresenceSpec)).Formats.Single()));
        string Description(string group, string key) => schema["properties"]![group]!["properties"]![key]!["description"]!.GetValue<string>();

        Description("cells", "notes.reason[value]").ShouldEndWith("Existence rules P002 require it (where their conditions hold).");
        Description("cells", "notes.flag[value]").ShouldEndWith("Existence rules P009 require it (where their conditions hold).");
        Description("cells", "review.direct[total]").ShouldNotContain("Existence");
        Description("prose", "review_text").ShouldEndWith("Existence rules P003 require it (where their conditions hold).");
        Description("prose", "overview").ShouldContain("Existence rules P004 require it");
    }

    private static System.Text.Json.Nodes.JsonNode JsonNode(string text) => System.Text.Json.Nodes.JsonNode.Parse(text)!;
}
