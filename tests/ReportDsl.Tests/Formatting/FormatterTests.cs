using ReportDsl.Formatting;
using ReportDsl.Syntax;
using ReportDsl.Tests.Infrastructure;
using ReportDsl.Text;

namespace ReportDsl.Tests.Formatting;

public sealed class FormatterTests
{
    public static TheoryData<string> ValidSpecs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Templates, "*.rdsl").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, file));
        }

        foreach (var folder in Samples.SampleTests.SampleFolders().Where(f => !f.Contains("invalid", StringComparison.Ordinal) && File.Exists(Path.Combine(f, "input.rdsl"))))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, Path.Combine(folder, "input.rdsl")));
        }

        return data;
    }

    [Theory]
    [InlineData("2019.rdsl")]
    [InlineData("2021.rdsl")]
    [InlineData("2019-decisions-only.rdsl")]
    public void The_bundled_formats_are_in_canonical_layout(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Templates, file));
        Formatter.Format(SyntaxTree.Parse(text)).ShouldBe(text);
    }

    [Theory]
    [MemberData(nameof(ValidSpecs))]
    public void Formatting_is_idempotent_keeps_comments_and_never_changes_meaning(string path)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, path));
        var tree = SyntaxTree.Parse(text);
        var once = Formatter.Format(tree).ShouldNotBeNull();
        var onceTree = SyntaxTree.Parse(once);

        Formatter.Format(onceTree).ShouldBe(once, "formatting formatted text changes nothing");
        Comments(onceTree).ShouldBe(Comments(tree), "every comment is kept, in order");
        Dump(once).ShouldBe(Dump(text), "the bound model is the same before and after");
    }

    [Fact]
    public void A_tree_with_syntax_errors_is_not_formatted()
    {
        Formatter.Format(SyntaxTree.Parse("format f version 1 {")).ShouldBeNull();
    }

    internal static string Dump(string text) => Compilation.Create(SourceText.From(text)).GetSemanticModel().Dump();

    internal static List<string> Comments(SyntaxTree tree) =>
        [.. tree.Root.DescendantTokens().SelectMany(t => t.LeadingTrivia.Concat(t.TrailingTrivia)).Where(t => t.IsComment).Select(t => t.Text.TrimEnd())];
}
