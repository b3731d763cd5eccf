using ReportDsl.Text;

namespace ReportDsl.Semantics;

/// <summary>A named thing declared in a format: the format itself, a section, a table, a row or column, a rule.</summary>
public abstract class Symbol
{
    private protected Symbol(string name, SourceText source, TextSpan nameSpan)
    {
        Name = name;
        Source = source;
        NameSpan = nameSpan;
    }

    /// <summary>Gets the identifier as declared.</summary>
    public string Name { get; }

    /// <summary>Gets the file that declares the symbol.</summary>
    public SourceText Source { get; }

    /// <summary>Gets the span of the identifier in its file.</summary>
    public TextSpan NameSpan { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
