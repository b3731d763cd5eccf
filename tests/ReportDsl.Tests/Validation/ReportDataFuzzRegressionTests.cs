using System.Text;
using ReportDsl.Tests.Infrastructure;
using ReportDsl.Text;
using ReportDsl.Validation;

namespace ReportDsl.Tests.Validation;

/// <summary>Inputs the fuzzer (tests/ReportDsl.Fuzz) found that made the report-data reader throw, each now a coded finding.</summary>
public sealed class ReportDataFuzzRegressionTests
{
    private static readonly Lazy<Validator> Format2021 = new(() =>
        Validator.Create(Compilation.Create(SourceText.From(File.ReadAllText(Path.Combine(RepoPaths.Templates, "2021.rdsl")))).Formats.Single()));

    // Bytes that are not UTF-8 inside a string: Utf8JsonReader.GetString threw InvalidOperationException ("Cannot
    // transcode invalid UTF-8 JSON text") in the header, in a cell key and in a cell value.
    [Theory]
    [InlineData("{\"format\":\"gov\xFF\",\"version\":\"2021\"}", 1, 15)]
    [InlineData("{\"format\":\"gov_info_disclosure\",\n\"version\":\"2021\",\n\"cells\":{\"\xC3\":1}}", 3, 11)]
    [InlineData("{\"format\":\"gov_info_disclosure\",\"version\":\"2021\",\"cells\":{\n  \"applications.received[natural]\": \"1\xFE\"}}", 2, 39)]
    public void Bytes_that_are_not_UTF8_are_RD3110_at_the_first_bad_byte(string latin1, int line, int column)
    {
        // Latin-1 maps each char to the byte with the same value, so the test data can spell out the bad bytes.
        var bytes = Encoding.Latin1.GetBytes(latin1);
        var result = ReportDataReader.Read(bytes, "fuzz.json", (_, _) => Format2021.Value.Layout, "the 2021 format");

        result.Data.ShouldBeNull();
        var finding = result.Errors.ShouldHaveSingleItem();
        finding.Code.ShouldBe("RD3110");
        finding.Message.ShouldContain("not UTF-8");
        (finding.Location?.Line, finding.Location?.Column).ShouldBe((line, column));
    }

    // An escaped half of a surrogate pair: Utf8JsonReader reads it, GetString threw InvalidOperationException ("Cannot
    // read incomplete UTF-16 JSON text as string with missing low surrogate"), as a property name, a header value and a
    // cell value; a whole pair stays fine.
    [Theory]
    [InlineData("{\"\\ud880\": \"on\",\n  \"format\": \"gov_info_disclosure\"}", 1, 2)]
    [InlineData("{\"format\":\"gov_info_disclosure\",\"version\":\"2021\",\"agency\":\"x\\udc00y\"}", 1, 59)]
    [InlineData("{\"format\":\"gov_info_disclosure\",\"version\":\"2021\",\"cells\":{\n\"applications.received[natural]\": \"\\ud83d\"}}", 2, 35)]
    public void A_lone_escaped_surrogate_is_RD3110_at_its_string(string json, int line, int column)
    {
        var result = ReportDataReader.Read(Encoding.UTF8.GetBytes(json), "fuzz.json", (_, _) => Format2021.Value.Layout, "the 2021 format");

        result.Data.ShouldBeNull();
        var finding = result.Errors.ShouldHaveSingleItem();
        finding.Code.ShouldBe("RD3110");
        finding.Message.ShouldContain("surrogate");
        (finding.Location?.Line, finding.Location?.Column).ShouldBe((line, column));
    }

    [Fact]
    public void A_whole_escaped_surrogate_pair_is_read()
    {
        var json = "{\"format\":\"gov_info_disclosure\",\"version\":\"2021\",\"agency\":\"\\ud83d\\ude00\",\"cells\":{}}";
        var result = ReportDataReader.Read(Encoding.UTF8.GetBytes(json), "fuzz.json", (_, _) => Format2021.Value.Layout, "the 2021 format");

        result.Errors.ShouldBeEmpty();
        result.Data.ShouldNotBeNull().Agency.ShouldBe("\U0001F600");
    }
}
